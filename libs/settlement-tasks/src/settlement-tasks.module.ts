import { DynamicModule, Module } from '@nestjs/common';
import { BillingModule } from '@remitd/billing';
import { CustomersModule } from '@remitd/customers';
import { LedgerModule } from '@remitd/ledger';
import type { ReconciliationConfig } from '@remitd/reconciliation';
import { ManageSettlementTasksUseCase } from './manage-settlement-tasks.usecase';
import { SettleTaskUseCase } from './settle-task.usecase';
import { SettlementTaskQueries } from './settlement-task.queries';
import { SettlementTaskRepository } from './settlement-task.repository';
import { SETTLEMENT_TASKS_CLOCK, SETTLEMENT_TASKS_TIME_ZONE, type Clock } from './settlement-tasks.tokens';

/** Unified settlement (seed 001): depends on billing, ledger and customers, never the other way. */
@Module({})
export class SettlementTasksModule {
  static forRoot(opts: {
    timeZone: string;
    reconciliation: ReconciliationConfig & { providerName?: string };
    clock?: Clock;
  }): DynamicModule {
    const providers = [
      SettlementTaskRepository,
      SettleTaskUseCase,
      ManageSettlementTasksUseCase,
      SettlementTaskQueries,
    ];
    return {
      module: SettlementTasksModule,
      imports: [
        LedgerModule,
        CustomersModule,
        BillingModule.forRoot({ timeZone: opts.timeZone, reconciliation: opts.reconciliation }),
      ],
      providers: [
        ...providers,
        { provide: SETTLEMENT_TASKS_TIME_ZONE, useValue: opts.timeZone },
        { provide: SETTLEMENT_TASKS_CLOCK, useValue: opts.clock ?? (() => new Date()) },
      ],
      exports: providers,
    };
  }
}
