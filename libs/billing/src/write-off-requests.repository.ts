import { Injectable } from '@nestjs/common';
import type { SqlTx, Tx } from '@remitd/persistence';

export interface WriteOffRequestRow {
  customerId: string;
  reason: string;
}

/**
 * The queue of customers whose automatic write-off may now succeed (issue 14). Rows are added in
 * the transaction of what made the write-off possible (a trigger on customers for settings, the
 * end of a manual payment, a skipped write-off) and removed in the transaction that pays.
 */
@Injectable()
export class WriteOffRequestsRepository {
  async request(tx: SqlTx, customerIds: string[], reason: string): Promise<void> {
    if (!customerIds.length) return;
    await tx.$executeRaw`
      INSERT INTO write_off_requests (customer_id, reason)
      SELECT id, ${reason} FROM unnest(${customerIds}::uuid[]) AS t(id)
      ON CONFLICT (customer_id) DO NOTHING`;
  }

  /**
   * Seed 000: automatic write-off "automatically resumes upon completion" of a manual payment:
   * the sweep picks the payer up. A customer without automatic write-off has nothing to resume,
   * so nothing is queued (the sweep would only lock the customer to skip it).
   */
  async afterManualPayment(tx: SqlTx, payer: { id: string; autoWriteOff: boolean }): Promise<void> {
    if (payer.autoWriteOff) await this.request(tx, [payer.id], 'manual payment ended');
  }

  /** The oldest requests no other replica holds, locked until the caller's transaction ends. */
  claim(tx: Tx, limit: number): Promise<WriteOffRequestRow[]> {
    return tx.$queryRaw<WriteOffRequestRow[]>`
      SELECT customer_id::text AS "customerId", reason
      FROM write_off_requests
      ORDER BY requested_at, customer_id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
  }

  async remove(tx: Tx, customerIds: string[]): Promise<void> {
    if (!customerIds.length) return;
    await tx.$executeRaw`DELETE FROM write_off_requests WHERE customer_id = ANY(${customerIds}::uuid[])`;
  }

  /**
   * The periodic sweep's safety net: every customer with automatic write-off on, an issued unpaid
   * bill and something to pay it with (available credit > 0, a refund left, a stored-value card).
   */
  async queueAllCandidates(tx: Tx): Promise<number> {
    return tx.$executeRaw`
      INSERT INTO write_off_requests (customer_id, reason)
      SELECT c.id, 'periodic sweep'
      FROM customers c
      LEFT JOIN ledger_accounts a ON a.code = 'customer:' || c.id || ':cash:' || c.currency
      WHERE c.auto_write_off
        AND EXISTS (
          SELECT 1 FROM bills b
          WHERE b.customer_id = c.id AND b.status IN ('unsettled', 'partly_paid', 'overdue') AND b.issued_at <= now()
        )
        AND (
          COALESCE(a.balance, 0) + c.credit_limit - c.frozen_amount > 0
          OR EXISTS (SELECT 1 FROM refunds r WHERE r.customer_id = c.id AND r.remaining > 0)
          OR EXISTS (SELECT 1 FROM stored_value_cards s WHERE s.customer_id = c.id)
        )
      ON CONFLICT (customer_id) DO NOTHING`;
  }
}
