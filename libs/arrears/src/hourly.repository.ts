import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@remitd/persistence';
import type { ResourceRow, ResourceStatus } from './resources.repository';

export interface HourlyFeesDue {
  customerId: string;
  currency: string;
  /** the fees of every full hour not deducted yet, over the customer's resources (decimal string) */
  amount: string;
  hours: number;
  resources: number;
  /** the full hour the fees run up to */
  until: Date;
}

export interface HourlyArrearsRow {
  customerId: string;
  currency: string;
  negativeSince: Date;
  stoppedAt: Date | null;
}

const RESOURCE = `r.id::text, r.customer_id::text AS "customerId", r.external_id AS "externalId", r.name,
  r.billing_mode AS "billingMode", r.currency, r.expires_at AS "expiresAt", r.auto_renew AS "autoRenew",
  r.renewal_price::text AS "renewalPrice", r.hourly_price::text AS "hourlyPrice", r.status,
  r.status_changed_at AS "statusChangedAt", r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const ARREARS = `customer_id::text AS "customerId", currency, negative_since AS "negativeSince", stopped_at AS "stoppedAt"`;

/** Pay-per-hour: set-based deduction of the full hours, and the arrears of customers it made negative. */
@Injectable()
export class HourlyRepository {
  constructor(private readonly prisma: PrismaService) {}

  async startBilling(tx: SqlTx, id: string, from: Date): Promise<void> {
    await tx.$executeRaw`
      UPDATE resources SET billed_until = date_trunc('hour', ${from}::timestamptz)
      WHERE id = ${id}::uuid AND billed_until IS NULL`;
  }

  /**
   * The next `limit` customers with full hours to pay (seed 003: "at each full hour"), their
   * resources locked (SKIP LOCKED: replicas take other customers) and moved forward to the last
   * full hour before `now`, in the caller's transaction: the fees are posted in the same one.
   * Stopped resources keep accruing (seed 003: "resource usage fees will continue to generate").
   * `after`: the last customer of the previous batch (keyset, so no batch rescans the ones before).
   */
  async takeDue(tx: SqlTx, now: Date, limit: number, after: string | null): Promise<HourlyFeesDue[]> {
    return tx.$queryRaw<HourlyFeesDue[]>`
      WITH customers AS (
        SELECT DISTINCT customer_id FROM resources
        WHERE billing_mode = 'hourly' AND status IN ('active', 'stopped')
          AND billed_until <= date_trunc('hour', ${now}::timestamptz) - interval '1 hour'
          AND (${after}::uuid IS NULL OR customer_id > ${after}::uuid)
        ORDER BY customer_id
        LIMIT ${limit}
      ), due AS (
        SELECT r.id, r.hourly_price, r.billed_until,
               (extract(epoch FROM date_trunc('hour', ${now}::timestamptz) - r.billed_until) / 3600)::int AS hours
        FROM resources r JOIN customers c USING (customer_id)
        WHERE r.billing_mode = 'hourly' AND r.status IN ('active', 'stopped')
          AND r.billed_until <= date_trunc('hour', ${now}::timestamptz) - interval '1 hour'
        FOR UPDATE OF r SKIP LOCKED
      ), moved AS (
        UPDATE resources r SET billed_until = due.billed_until + due.hours * interval '1 hour'
        FROM due WHERE r.id = due.id
        RETURNING r.customer_id, r.currency, due.hours, due.hours * due.hourly_price AS fee, r.billed_until
      )
      SELECT customer_id::text AS "customerId", currency, sum(fee)::text AS amount, sum(hours)::int AS hours,
             count(*)::int AS resources, max(billed_until) AS until
      FROM moved
      GROUP BY customer_id, currency
      ORDER BY customer_id, currency`;
  }

  /** Opens the customer's arrears; null when already open (the reminder went out then). */
  async open(tx: SqlTx, customerId: string, currency: string, since: Date): Promise<HourlyArrearsRow | null> {
    const rows = await tx.$queryRawUnsafe<HourlyArrearsRow[]>(
      `INSERT INTO hourly_arrears (customer_id, currency, negative_since) VALUES ($1::uuid, $2, $3::timestamptz)
       ON CONFLICT (customer_id, currency) DO NOTHING
       RETURNING ${ARREARS}`,
      customerId,
      currency,
      since,
    );
    return rows[0] ?? null;
  }

  async lock(tx: SqlTx, customerId: string, currency: string): Promise<HourlyArrearsRow | null> {
    const rows = await tx.$queryRawUnsafe<HourlyArrearsRow[]>(
      `SELECT ${ARREARS} FROM hourly_arrears WHERE customer_id = $1::uuid AND currency = $2 FOR UPDATE`,
      customerId,
      currency,
    );
    return rows[0] ?? null;
  }

  /** Since when the customer's pay-per-hour resources are stopped for arrears (null: they are not). */
  async stoppedSince(customerId: string): Promise<Date | null> {
    const rows = await this.prisma.$queryRaw<{ at: Date | null }[]>`
      SELECT min(stopped_at) AS at FROM hourly_arrears WHERE customer_id = ${customerId}::uuid AND stopped_at IS NOT NULL`;
    return rows[0]?.at ?? null;
  }

  async markStopped(tx: SqlTx, customerId: string, currency: string, at: Date): Promise<void> {
    await tx.$executeRaw`
      UPDATE hourly_arrears SET stopped_at = ${at}::timestamptz WHERE customer_id = ${customerId}::uuid AND currency = ${currency}`;
  }

  async close(tx: SqlTx, customerId: string, currency: string): Promise<void> {
    await tx.$executeRaw`DELETE FROM hourly_arrears WHERE customer_id = ${customerId}::uuid AND currency = ${currency}`;
  }

  /**
   * Arrears whose customer's balance is above 0 again (seed 003: "If the top-up balance is more
   * than 0"), locked SKIP LOCKED. The cash balance is the ledger's cached one, read here in one
   * set-based join rather than customer by customer.
   */
  async recovered(tx: SqlTx, limit: number): Promise<HourlyArrearsRow[]> {
    return tx.$queryRaw<HourlyArrearsRow[]>`
      SELECT h.customer_id::text AS "customerId", h.currency, h.negative_since AS "negativeSince", h.stopped_at AS "stoppedAt"
      FROM hourly_arrears h
      JOIN ledger_accounts a ON a.code = 'customer:' || h.customer_id::text || ':cash:' || h.currency
      WHERE a.balance > 0
      ORDER BY h.customer_id, h.currency
      LIMIT ${limit}
      FOR UPDATE OF h SKIP LOCKED`;
  }

  /** Moves the customer's pay-per-hour resources in `from` to `to`; returns those it moved. */
  async setStatus(
    tx: SqlTx,
    customerId: string,
    currency: string,
    from: readonly ResourceStatus[],
    to: ResourceStatus,
  ): Promise<ResourceRow[]> {
    return tx.$queryRawUnsafe<ResourceRow[]>(
      `UPDATE resources r SET status = $4, status_changed_at = now(), updated_at = now()
       WHERE r.customer_id = $1::uuid AND r.currency = $2 AND r.billing_mode = 'hourly' AND r.status = ANY($3::text[])
       RETURNING ${RESOURCE}`,
      customerId,
      currency,
      [...from],
      to,
    );
  }

  async arrearsOf(customerId: string): Promise<HourlyArrearsRow[]> {
    return this.prisma.$queryRawUnsafe<HourlyArrearsRow[]>(
      `SELECT ${ARREARS} FROM hourly_arrears WHERE customer_id = $1::uuid`,
      customerId,
    );
  }
}
