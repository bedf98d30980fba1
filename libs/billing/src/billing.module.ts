import { DynamicModule, Module } from '@nestjs/common';
import { LedgerModule } from '@remitd/ledger';
import { OutboxModule } from '@remitd/notifications';
import { SettlementModule, type ReconciliationConfig } from '@remitd/settlement';
import { AutoWriteOffUseCase } from './auto-write-off.usecase';
import { BillPaymentService } from './bill-payment.service';
import { BillingQueries } from './billing-queries';
import { BillingRepository } from './billing.repository';
import { CustomerMoneyUseCases } from './customer-money.usecase';
import { ExplainUnsettled } from './explain-unsettled';
import { BILLING_TIME_ZONE, IssueBillsUseCase } from './issue-bills.usecase';
import { ManualPaymentUseCase } from './manual-payment.usecase';
import { MarkOverdueUseCase } from './mark-overdue.usecase';
import { OfflinePaymentChannel, PAYMENT_CHANNELS, type PaymentChannel } from './payment-channel';

@Module({})
export class BillingModule {
  static forRoot(opts: { timeZone: string; reconciliation: ReconciliationConfig; channels?: PaymentChannel[] }): DynamicModule {
    const providers = [BillingRepository, BillPaymentService, AutoWriteOffUseCase, IssueBillsUseCase, ManualPaymentUseCase, CustomerMoneyUseCases, ExplainUnsettled, BillingQueries, MarkOverdueUseCase];
    return {
      module: BillingModule,
      imports: [LedgerModule, OutboxModule, SettlementModule.forRoot(opts.reconciliation)],
      providers: [
        ...providers,
        { provide: BILLING_TIME_ZONE, useValue: opts.timeZone },
        { provide: PAYMENT_CHANNELS, useValue: opts.channels ?? [new OfflinePaymentChannel()] },
      ],
      exports: providers,
    };
  }
}
