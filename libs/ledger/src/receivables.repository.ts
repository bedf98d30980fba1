import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@remitd/persistence';

export interface OpenBillRow {
  id: string;
  customerId: string;
  reference: string;
  billingCycle: string;
  issuedAt: Date;
  currency: string;
  /** amount − paid */
  open: string;
}

export interface RepaymentInsert {
  billId: string;
  customerId: string;
  method: string;
  amount: string;
  currency: string;
  journalEntryId: string;
  remittanceId: string | null;
}

/**
 * The receivables sub-ledger: what each bill has been paid and the repayment records that tie
 * a payment to its journal entry. Crediting (reconciliation) and manual payments (billing) both
 * settle bills through it, next to the journal that moves the money into receivables.
 */
@Injectable()
export class ReceivablesRepository {
  /** Open bills of these customers, locked in id order (no deadlocks between replicas). */
  async lockOpenBills(tx: SqlTx, customerIds: string[]): Promise<OpenBillRow[]> {
    if (!customerIds.length) return [];
    return tx.$queryRaw<OpenBillRow[]>`
      SELECT id::text, customer_id::text AS "customerId", reference, billing_cycle AS "billingCycle", issued_at AS "issuedAt", currency,
             (amount - paid)::text AS open
      FROM bills WHERE customer_id = ANY(${customerIds}::uuid[]) AND status IN ('unsettled', 'partly_paid', 'overdue') AND issued_at <= now()
      ORDER BY id FOR UPDATE`;
  }

  async applyBillPayments(
    tx: SqlTx,
    deltas: { billId: string; delta: string }[],
  ): Promise<{ id: string; status: string; paid: string; amount: string }[]> {
    if (!deltas.length) return [];
    return tx.$queryRaw`
      UPDATE bills b SET paid = b.paid + d.delta, updated_at = now(),
        status = CASE WHEN b.paid + d.delta >= b.amount THEN 'settled'
                      WHEN b.due_date IS NOT NULL AND b.due_date < to_char(now(), 'YYYY-MM-DD') THEN 'overdue'
                      WHEN b.paid + d.delta > 0 THEN 'partly_paid' ELSE 'unsettled' END
      FROM unnest(${deltas.map((d) => d.billId)}::uuid[], ${deltas.map((d) => d.delta)}::numeric[]) AS d(id, delta)
      WHERE b.id = d.id AND b.id = ANY(${deltas.map((d) => d.billId)}::uuid[])
      RETURNING b.id::text, b.status, b.paid::text, b.amount::text`;
  }

  async insertRepayments(tx: SqlTx, rows: RepaymentInsert[]): Promise<void> {
    if (!rows.length) return;
    await tx.$executeRaw`
      INSERT INTO repayments (id, bill_id, customer_id, method, amount, currency, journal_entry_id, remittance_id)
      SELECT gen_random_uuid(), b, c, m, a, cur, j, r
      FROM unnest(${rows.map((r) => r.billId)}::uuid[], ${rows.map((r) => r.customerId)}::uuid[], ${rows.map((r) => r.method)}::text[],
                  ${rows.map((r) => r.amount)}::numeric[], ${rows.map((r) => r.currency)}::text[], ${rows.map((r) => r.journalEntryId)}::uuid[],
                  ${rows.map((r) => r.remittanceId)}::uuid[]) AS t(b, c, m, a, cur, j, r)`;
  }

  /** What each bill still owes (amount − paid), locked, whatever its status. */
  async lockOpenAmounts(tx: SqlTx, billIds: string[]): Promise<Map<string, string>> {
    if (!billIds.length) return new Map();
    const rows = await tx.$queryRaw<{ id: string; open: string }[]>`
      SELECT id::text, GREATEST(amount - paid, 0)::text AS open FROM bills
      WHERE id = ANY(${billIds}::uuid[]) ORDER BY id FOR UPDATE`;
    return new Map(rows.map((r) => [r.id, r.open]));
  }

  /**
   * Pay-as-you-go charges deducted before (or while) their bill was issued, not yet applied to it:
   * marked applied (exactly once) and returned per bill and deduction, with the deduction's journal.
   */
  takePrepaidToApply(tx: SqlTx, filter: { paymentIds?: string[] | null; billIds?: string[] | null }) {
    return tx.$queryRaw<PrepaidRow[]>`
      WITH applied AS (
        UPDATE charges c SET prepaid_applied = true
        FROM gateway_payments g
        WHERE g.id = c.gateway_payment_id AND g.status = 'succeeded' AND g.journal_entry_id IS NOT NULL
          AND c.bill_id IS NOT NULL AND NOT c.prepaid_applied
          AND (${filter.paymentIds ?? null}::uuid[] IS NULL OR g.id = ANY(${filter.paymentIds ?? null}::uuid[]))
          AND (${filter.billIds ?? null}::uuid[] IS NULL OR c.bill_id = ANY(${filter.billIds ?? null}::uuid[]))
        RETURNING c.bill_id, g.id AS payment_id, g.customer_id, c.currency, g.journal_entry_id, c.amount)
      SELECT bill_id::text AS "billId", payment_id::text AS "paymentId", customer_id::text AS "customerId", currency,
             journal_entry_id::text AS "journalEntryId", SUM(amount)::text AS amount
      FROM applied
      GROUP BY bill_id, payment_id, customer_id, currency, journal_entry_id
      ORDER BY bill_id, payment_id`;
  }
}

export interface PrepaidRow {
  billId: string;
  paymentId: string;
  customerId: string;
  currency: string;
  journalEntryId: string;
  amount: string;
}
