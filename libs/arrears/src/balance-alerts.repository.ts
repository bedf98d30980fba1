import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@remitd/persistence';

export type AlertChannel = 'email' | 'sms';

export interface BalanceAlertRow {
  id: string;
  customerId: string;
  currency: string;
  threshold: string;
  contactIds: string[];
  channels: AlertChannel[];
  armed: boolean;
  crossings: number;
  lastFiredAt: Date | null;
  createdAt: Date;
}

const ALERT = `b.id::text, b.customer_id::text AS "customerId", b.currency, b.threshold::text, b.contact_ids::text[] AS "contactIds",
  b.channels, b.armed, b.crossings, b.last_fired_at AS "lastFiredAt", b.created_at AS "createdAt"`;

/** The customer's cash balance as the ledger caches it (0 before its first movement). */
const BALANCE = `COALESCE((SELECT a.balance FROM ledger_accounts a WHERE a.code = 'customer:' || b.customer_id::text || ':cash:' || b.currency), 0)`;

/** Balance alerts: thresholds, and the set-based pass that fires and re-arms them. */
@Injectable()
export class BalanceAlertsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One alert per customer, currency and threshold: setting it again changes who gets it. */
  async upsert(
    tx: SqlTx,
    a: { customerId: string; currency: string; threshold: string; contactIds: string[]; channels: AlertChannel[] },
  ): Promise<BalanceAlertRow> {
    const rows = await tx.$queryRawUnsafe<BalanceAlertRow[]>(
      `INSERT INTO balance_alerts AS b (customer_id, currency, threshold, contact_ids, channels)
       VALUES ($1::uuid, $2, $3::numeric, $4::uuid[], $5::text[])
       ON CONFLICT (customer_id, currency, threshold) DO UPDATE SET contact_ids = EXCLUDED.contact_ids, channels = EXCLUDED.channels
       RETURNING ${ALERT}`,
      a.customerId,
      a.currency,
      a.threshold,
      a.contactIds,
      a.channels,
    );
    return rows[0];
  }

  /** Removes one alert of the customer; null when the customer has no such alert. */
  async remove(tx: SqlTx, customerId: string, id: string): Promise<BalanceAlertRow | null> {
    const rows = await tx.$queryRawUnsafe<BalanceAlertRow[]>(
      `DELETE FROM balance_alerts b WHERE b.id = $1::uuid AND b.customer_id = $2::uuid RETURNING ${ALERT}`,
      id,
      customerId,
    );
    return rows[0] ?? null;
  }

  async list(customerId: string): Promise<BalanceAlertRow[]> {
    return this.prisma.$queryRawUnsafe<BalanceAlertRow[]>(
      `SELECT ${ALERT} FROM balance_alerts b WHERE b.customer_id = $1::uuid ORDER BY b.currency, b.threshold`,
      customerId,
    );
  }

  /** Armed alerts whose balance is below the threshold: fired (disarmed, counted) and returned with the balance. */
  async fireCrossed(tx: SqlTx, now: Date, limit: number): Promise<(BalanceAlertRow & { balance: string })[]> {
    return tx.$queryRawUnsafe(
      `WITH crossed AS (
         SELECT b.id, ${BALANCE} AS balance FROM balance_alerts b
         WHERE b.armed AND ${BALANCE} < b.threshold
         ORDER BY b.id LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE balance_alerts b SET armed = false, crossings = b.crossings + 1, last_fired_at = $1::timestamptz
       FROM crossed WHERE b.id = crossed.id
       RETURNING ${ALERT}, crossed.balance::text AS balance`,
      now,
      limit,
    );
  }

  /** Fired alerts whose balance is back at or above the threshold arm again. */
  async rearm(tx: SqlTx): Promise<number> {
    const rows = await tx.$queryRawUnsafe<{ n: number }[]>(
      `WITH armed AS (UPDATE balance_alerts b SET armed = true WHERE NOT b.armed AND ${BALANCE} >= b.threshold RETURNING 1)
       SELECT count(*)::int AS n FROM armed`,
    );
    return rows[0].n;
  }
}
