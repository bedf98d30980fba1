import { Module } from '@nestjs/common';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { LedgerVerifier } from './ledger-verifier';
import { PrepaidChargesService } from './prepaid-charges.service';
import { ReceivablesRepository } from './receivables.repository';

@Module({
  providers: [LedgerRepository, LedgerService, LedgerVerifier, ReceivablesRepository, PrepaidChargesService],
  exports: [LedgerRepository, LedgerService, LedgerVerifier, ReceivablesRepository, PrepaidChargesService],
})
export class LedgerModule {}
