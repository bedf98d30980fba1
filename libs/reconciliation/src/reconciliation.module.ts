import { DynamicModule, Module } from '@nestjs/common';
import { CustomerReadModule } from '@remitd/customers';
import { LedgerModule } from '@remitd/ledger';
import { OutboxModule } from '@remitd/notifications';
import { CreditFundsPort } from './credit-funds.port';
import { CreditedFundsHooks } from './credited-funds.hooks';
import { CreditingService } from './crediting.service';
import { DryRunReconciliation } from './dry-run';
import { ReconcileEntriesUseCase, RECONCILIATION_CONFIG, type ReconciliationConfig } from './reconcile-entries.usecase';
import { ReconciliationRepository } from './reconciliation.repository';
import { RemitterAccountsService } from './remitter-accounts.service';
import { AlertUntiedDaysUseCase } from './alert-untied-days.usecase';
import { ProofOfCash } from './proof-of-cash.usecase';
import { ProofOfCashRepository } from './proof-of-cash.repository';
import { QueueDashboard } from './queue-dashboard.service';
import { UnmatchedQueueRepository } from './unmatched-queue.repository';
import { UnmatchedQueue } from './unmatched-queue.service';

@Module({})
export class ReconciliationModule {
  static forRoot(config: ReconciliationConfig): DynamicModule {
    const providers = [
      ReconciliationRepository,
      CreditedFundsHooks,
      CreditingService,
      CreditFundsPort,
      ReconcileEntriesUseCase,
      UnmatchedQueue,
      UnmatchedQueueRepository,
      QueueDashboard,
      ProofOfCash,
      ProofOfCashRepository,
      AlertUntiedDaysUseCase,
      RemitterAccountsService,
      DryRunReconciliation,
    ];
    return {
      module: ReconciliationModule,
      imports: [LedgerModule, OutboxModule, CustomerReadModule],
      providers: [...providers, { provide: RECONCILIATION_CONFIG, useValue: config }],
      exports: providers,
    };
  }
}
