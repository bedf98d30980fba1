export * from './allocate-oldest-first';
export * from './credit-funds.port';
export * from './crediting.service';
export * from './dry-run';
export * from './reconcile-entries.usecase';
export * from './reconciliation.repository';
export * from './reconciliation.module';
export * from './unmatched-queue.service';
