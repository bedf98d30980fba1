import { Injectable } from '@nestjs/common';
import { LedgerRepository, type BalanceMismatch, type UnbalancedJournal } from './ledger.repository';

export interface LedgerReport {
  ok: boolean;
  balanceMismatches: BalanceMismatch[];
  unbalancedJournals: UnbalancedJournal[];
  postingCurrencyMismatches: number;
  orphanPostings: number;
}

/** The ledger's invariants, checked against the database (npm run ledger:verify, and after every test scenario). */
@Injectable()
export class LedgerVerifier {
  constructor(private readonly repo: LedgerRepository) {}

  async verify(): Promise<LedgerReport> {
    const [balanceMismatches, unbalancedJournals, postingCurrencyMismatches, orphanPostings] = await Promise.all([
      this.repo.balanceMismatches(),
      this.repo.unbalancedJournals(),
      this.repo.postingCurrencyMismatches(),
      this.repo.orphanPostings(),
    ]);
    return {
      ok:
        balanceMismatches.length === 0 &&
        unbalancedJournals.length === 0 &&
        postingCurrencyMismatches === 0 &&
        orphanPostings === 0,
      balanceMismatches,
      unbalancedJournals,
      postingCurrencyMismatches,
      orphanPostings,
    };
  }
}
