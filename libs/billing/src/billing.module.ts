import { DynamicModule, Module } from '@nestjs/common';
import { CustomersModule } from '@remitd/customers';
import { LedgerModule } from '@remitd/ledger';
import { OutboxModule } from '@remitd/notifications';
import { ReconciliationModule, type ReconciliationConfig } from '@remitd/reconciliation';
import { AutoWriteOffUseCase } from './auto-write-off.usecase';
import { BILL_PROVIDER_NAME, BillDocumentService } from './bill-document.service';
import { BillPaymentService } from './bill-payment.service';
import { BillingQueries } from './billing-queries';
import { BillingRepository } from './billing.repository';
import { ChargesRepository } from './charges.repository';
import { CustomerMoneyUseCases } from './customer-money.usecase';
import { ExplainUnsettled } from './explain-unsettled';
import { BILLING_TIME_ZONE, IssueBillsUseCase } from './issue-bills.usecase';
import { ManualPaymentUseCase } from './manual-payment.usecase';
import { MarkOverdueUseCase } from './mark-overdue.usecase';
import { PayCycleUseCase } from './pay-cycle.usecase';
import { WriteOffRequestsRepository } from './write-off-requests.repository';
import { WriteOffSweepUseCase } from './write-off-sweep.usecase';
import { OfflinePaymentChannel, PAYMENT_CHANNELS, type PaymentChannel } from './payment-channel';

@Module({})
export class BillingModule {
  static forRoot(opts: {
    timeZone: string;
    reconciliation: ReconciliationConfig & { providerName?: string };
    channels?: PaymentChannel[];
    providerName?: string;
  }): DynamicModule {
    const providers = [
      BillingRepository,
      ChargesRepository,
      BillPaymentService,
      AutoWriteOffUseCase,
      IssueBillsUseCase,
      ManualPaymentUseCase,
      CustomerMoneyUseCases,
      ExplainUnsettled,
      BillingQueries,
      MarkOverdueUseCase,
      BillDocumentService,
      WriteOffRequestsRepository,
      WriteOffSweepUseCase,
      PayCycleUseCase,
    ];
    return {
      module: BillingModule,
      imports: [LedgerModule, OutboxModule, CustomersModule, ReconciliationModule.forRoot(opts.reconciliation)],
      providers: [
        ...providers,
        { provide: BILLING_TIME_ZONE, useValue: opts.timeZone },
        {
          provide: BILL_PROVIDER_NAME,
          useValue: opts.providerName ?? opts.reconciliation.providerName ?? 'remitd Cloud',
        },
        { provide: PAYMENT_CHANNELS, useValue: opts.channels ?? [new OfflinePaymentChannel()] },
      ],
      exports: providers,
    };
  }
}
