import { Module } from '@nestjs/common';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { LedgerVerifier } from './ledger-verifier';
import { ReceivablesRepository } from './receivables.repository';

@Module({
  providers: [LedgerRepository, LedgerService, LedgerVerifier, ReceivablesRepository],
  exports: [LedgerRepository, LedgerService, LedgerVerifier, ReceivablesRepository],
})
export class LedgerModule {}
