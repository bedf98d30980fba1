import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProofOfCash } from './proof-of-cash.usecase';
import { ProofOfCashRepository } from './proof-of-cash.repository';
import { RECONCILIATION_CONFIG, type ReconciliationConfig } from './reconcile-entries.usecase';

/** how far back closed days are checked on every run */
export const CLOSED_DAYS_CHECKED = 7;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * After each reconciliation run: every collection account's closed banking days (the last
 * CLOSED_DAYS_CHECKED days before today, billing time zone: the bank has reported them in
 * full) are proved; a day that does not tie becomes a `proof_of_cash_does_not_tie` statement
 * alert listing the differences, once per account, day and currency.
 */
@Injectable()
export class AlertUntiedDaysUseCase {
  private readonly logger = new Logger('proof-of-cash');

  constructor(
    private readonly repo: ProofOfCashRepository,
    private readonly proof: ProofOfCash,
    @Inject(RECONCILIATION_CONFIG) private readonly config: ReconciliationConfig,
  ) {}

  async execute(now = new Date()): Promise<{ daysChecked: number; alerts: number }> {
    const today = await this.repo.today(this.config.timeZone ?? 'UTC', now);
    const from = addDays(today, -CLOSED_DAYS_CHECKED);
    const to = addDays(today, -1);
    let daysChecked = 0;
    let alerts = 0;
    for (const account of await this.repo.collectionAccounts()) {
      for (const day of await this.proof.execute({ collectionAccountId: account.id, from, to })) {
        daysChecked++;
        if (day.ties) continue;
        const created = await this.repo.recordUntiedDay({
          accountKey: account.accountKey,
          collectionAccountId: account.id,
          day: day.date,
          currency: day.currency,
          message: `proof of cash: ${day.date} does not tie for ${account.accountKey} (${day.currency}): the bank booked ${day.bankMovement}, the books moved ${day.ledgerMovement}; ${day.differences.length} difference(s)`,
          details: {
            bankMovement: day.bankMovement,
            ledgerMovement: day.ledgerMovement,
            differences: day.differences,
          },
        });
        if (created) {
          alerts++;
          this.logger.warn(`proof of cash: ${day.date} ${day.currency} does not tie for ${account.accountKey}`);
        }
      }
    }
    return { daysChecked, alerts };
  }
}
