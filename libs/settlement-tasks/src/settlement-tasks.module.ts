import { DynamicModule, Module } from '@nestjs/common';
import { BILL_PROVIDER_NAME, BillingModule } from '@remitd/billing';
import { CustomersModule } from '@remitd/customers';
import { LedgerModule } from '@remitd/ledger';
import { OutboxModule } from '@remitd/notifications';
import { ReconciliationModule, type ReconciliationConfig } from '@remitd/reconciliation';
import { SettleByRemittanceHook } from './settle-by-remittance.hook';
import { ManageSettlementTasksUseCase } from './manage-settlement-tasks.usecase';
import { SettleTaskUseCase } from './settle-task.usecase';
import { SettlementTaskQueries } from './settlement-task.queries';
import { SettlementTaskRepository } from './settlement-task.repository';
import { SettlementTaskDocuments } from './settlement-task-documents.service';
import {
  SETTLEMENT_STAMP,
  SETTLEMENT_TASKS_CLOCK,
  SETTLEMENT_TASKS_TIME_ZONE,
  type Clock,
  type SettlementStamp,
} from './settlement-tasks.tokens';

/** Unified settlement (seed 001): depends on billing, ledger and customers, never the other way. */
@Module({})
export class SettlementTasksModule {
  static forRoot(opts: {
    timeZone: string;
    reconciliation: ReconciliationConfig & { providerName?: string };
    clock?: Clock;
    stamp?: SettlementStamp;
  }): DynamicModule {
    const providers = [
      SettlementTaskRepository,
      SettleTaskUseCase,
      ManageSettlementTasksUseCase,
      SettlementTaskQueries,
      SettlementTaskDocuments,
    ];
    return {
      module: SettlementTasksModule,
      imports: [
        LedgerModule,
        CustomersModule,
        OutboxModule,
        ReconciliationModule.forRoot(opts.reconciliation),
        BillingModule.forRoot({ timeZone: opts.timeZone, reconciliation: opts.reconciliation }),
      ],
      providers: [
        ...providers,
        SettleByRemittanceHook,
        { provide: SETTLEMENT_TASKS_TIME_ZONE, useValue: opts.timeZone },
        { provide: SETTLEMENT_TASKS_CLOCK, useValue: opts.clock ?? (() => new Date()) },
        // the name printed on the consolidated PDF, as on bills
        { provide: BILL_PROVIDER_NAME, useValue: opts.reconciliation.providerName ?? 'remitd Cloud' },
        {
          provide: SETTLEMENT_STAMP,
          useValue: opts.stamp ?? { text: 'Settled by unified settlement task {task}', seal: null },
        },
      ],
      exports: providers,
    };
  }
}
