import { Injectable } from '@nestjs/common';
import { PrismaService } from '@remitd/persistence';

/** One entry of a banking day with what the books did with it. */
export interface ProofOfCashEntryRow {
  entryId: string;
  bookingDate: string;
  currency: string;
  direction: 'CRDT' | 'DBIT';
  reversal: boolean;
  amount: string;
  bankReference: string | null;
  /** null: not reconciled yet */
  remittanceState: string | null;
  feeReimbursed: string;
  /** what left the bank-clearing ledger account for this entry (signed as the bank moved it) */
  clearingMovement: string;
  /** of it, what sits in suspense (the unmatched queue) rather than with a customer */
  heldInSuspense: string;
}

/** The bank's balances of a day: the last statement received that closes on it. */
export interface ProofOfCashBalanceRow {
  day: string;
  currency: string;
  opening: string;
  closing: string;
}

/**
 * Reads for the daily proof of cash: the collection account's booked entries of each banking
 * day and, per entry, the movement of its bank-clearing ledger account in the entry's credit
 * journal. Only this repository touches SQL for it.
 */
@Injectable()
export class ProofOfCashRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** every collection account, with the key its statements are filed under (IBAN, else account number) */
  collectionAccounts(): Promise<{ id: string; accountKey: string }[]> {
    return this.prisma.$queryRaw<{ id: string; accountKey: string }[]>`
      SELECT id::text,
             upper(regexp_replace(COALESCE(iban, account_number), '[[:space:]]+', '', 'g')) AS "accountKey"
      FROM collection_accounts
      ORDER BY created_at, id`;
  }

  /** today's date in the time zone, YYYY-MM-DD */
  async today(timeZone: string, now: Date): Promise<string> {
    const [row] = await this.prisma.$queryRaw<{ day: string }[]>`
      SELECT to_char((${now}::timestamptz AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day`;
    return row.day;
  }

  /**
   * The statement alert for a closed day that does not tie (the statement alerts are where
   * finance already looks: GET /statement-alerts); once per account, day and currency (a
   * partial unique index). Returns whether it was new.
   */
  async recordUntiedDay(alert: {
    accountKey: string;
    collectionAccountId: string;
    day: string;
    currency: string;
    message: string;
    details: Record<string, unknown>;
  }): Promise<boolean> {
    const details = JSON.stringify({
      ...alert.details,
      collectionAccountId: alert.collectionAccountId,
      day: alert.day,
      currency: alert.currency,
    });
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO statement_alerts (id, kind, account_key, message, details)
      VALUES (gen_random_uuid(), 'proof_of_cash_does_not_tie', ${alert.accountKey}, ${alert.message}, ${details}::jsonb)
      ON CONFLICT (account_key, (details->>'day'), (details->>'currency'))
        WHERE kind = 'proof_of_cash_does_not_tie'
        DO NOTHING`;
    return inserted > 0;
  }

  async collectionAccountExists(id: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ one: number }[]>`
      SELECT 1 AS one
      FROM collection_accounts
      WHERE id = ${id}::uuid`;
    return rows.length > 0;
  }

  balancesOfDays(collectionAccountId: string, from: string, to: string): Promise<ProofOfCashBalanceRow[]> {
    return this.prisma.$queryRaw<ProofOfCashBalanceRow[]>`
      SELECT DISTINCT ON (closing_date, currency)
             closing_date AS day,
             currency,
             opening_balance::text AS opening,
             closing_balance::text AS closing
      FROM statements
      WHERE collection_account_id = ${collectionAccountId}::uuid
        AND closing_date BETWEEN ${from} AND ${to}
        AND currency IS NOT NULL
        AND opening_balance IS NOT NULL
        AND closing_balance IS NOT NULL
      ORDER BY closing_date, currency, created_at DESC, index_in_file DESC`;
  }

  /**
   * The booked entries of the days, each with the movement of the bank-clearing account in the
   * journals that entry caused: its credit (or unmatched-suspense) journal and, for a return or
   * reversal, the journal that undid the remittance it returned. What still sits in suspense for
   * it (unmatched, or a return to the sender requested) is reported beside it.
   */
  entriesOfDays(collectionAccountId: string, from: string, to: string): Promise<ProofOfCashEntryRow[]> {
    return this.prisma.$queryRaw<ProofOfCashEntryRow[]>`
      SELECT e.id::text AS "entryId",
             e.booking_date AS "bookingDate",
             e.currency,
             e.direction,
             e.reversal,
             e.amount::text AS amount,
             e.bank_reference AS "bankReference",
             r.state AS "remittanceState",
             COALESCE(r.fee_reimbursed, 0)::text AS "feeReimbursed",
             CASE WHEN r.state IN ('unmatched', 'return_requested') THEN r.booked_amount ELSE 0 END::text AS "heldInSuspense",
             COALESCE((
               SELECT -SUM(p.amount)
               FROM postings p
               JOIN ledger_accounts la ON la.id = p.ledger_account_id
               WHERE la.code = 'system:bank:' || e.collection_account_id::text || ':' || e.currency
                 AND p.journal_entry_id IN (
                   SELECT r.credit_journal_id
                   UNION
                   SELECT j.id
                   FROM journal_entries j
                   WHERE j.idempotency_key = 'suspense:entry:' || e.id::text
                   UNION
                   SELECT j.id
                   FROM remittances o
                   JOIN journal_entries j
                     ON j.idempotency_key IN ('reverse-credit:' || o.id::text, 'reverse-suspense:' || o.id::text)
                   WHERE o.reversed_by_entry_id = e.id
                 )
             ), 0)::text AS "clearingMovement"
      FROM statement_entries e
      LEFT JOIN remittances r ON r.entry_id = e.id
      WHERE e.collection_account_id = ${collectionAccountId}::uuid
        AND e.status = 'BOOK'
        AND e.booking_date BETWEEN ${from} AND ${to}
      ORDER BY e.booking_date, e.currency, e.id`;
  }
}
