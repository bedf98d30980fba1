export * from './allocate-oldest-first';
export * from './crediting.service';
export * from './reconcile-entries.usecase';
export * from './reconciliation.repository';
export * from './settlement.module';
export * from './unmatched-queue.service';
