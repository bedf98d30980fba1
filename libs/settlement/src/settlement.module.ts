import { DynamicModule, Module } from '@nestjs/common';
import { LedgerModule } from '@remitd/ledger';
import { OutboxModule } from '@remitd/notifications';
import { CreditingService } from './crediting.service';
import { DryRunReconciliation } from './dry-run';
import { ReconcileEntriesUseCase, RECONCILIATION_CONFIG, type ReconciliationConfig } from './reconcile-entries.usecase';
import { ReconciliationRepository } from './reconciliation.repository';
import { UnmatchedQueue } from './unmatched-queue.service';

@Module({})
export class SettlementModule {
  static forRoot(config: ReconciliationConfig): DynamicModule {
    const providers = [
      ReconciliationRepository,
      CreditingService,
      ReconcileEntriesUseCase,
      UnmatchedQueue,
      DryRunReconciliation,
    ];
    return {
      module: SettlementModule,
      imports: [LedgerModule, OutboxModule],
      providers: [...providers, { provide: RECONCILIATION_CONFIG, useValue: config }],
      exports: providers,
    };
  }
}
