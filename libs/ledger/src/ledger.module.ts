import { Module } from '@nestjs/common';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { LedgerVerifier } from './ledger-verifier';

@Module({
  providers: [LedgerRepository, LedgerService, LedgerVerifier],
  exports: [LedgerRepository, LedgerService, LedgerVerifier],
})
export class LedgerModule {}
