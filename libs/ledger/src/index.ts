export * from './accounts';
export * from './ledger-verifier';
export * from './ledger.module';
export * from './ledger.repository';
export * from './ledger.service';
export * from './receivables.repository';
export * from './prepaid-charges.service';
