import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@remitd/persistence';

export type WebhookStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookEventWrite {
  id: string;
  /** one event per lifecycle decision: a fired-again timer cannot queue it twice */
  dedupeKey: string;
  type: string;
  resourceId: string | null;
  customerId: string | null;
  payload: Record<string, unknown>;
}

export interface WebhookEventRow {
  id: string;
  type: string;
  resourceId: string | null;
  customerId: string | null;
  payload: Record<string, unknown>;
  status: WebhookStatus;
  attempts: number;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

export interface WebhookDeliveryRow {
  id: string;
  eventId: string;
  attempt: number;
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
}

const EVENT = `id::text, type, resource_id::text AS "resourceId", customer_id::text AS "customerId", payload, status, attempts,
  next_attempt_at AS "nextAttemptAt", delivered_at AS "deliveredAt", last_error AS "lastError", created_at AS "createdAt"`;

const EVENT_OF_W = `w.id::text, w.type, w.resource_id::text AS "resourceId", w.customer_id::text AS "customerId", w.payload,
  w.status, w.attempts, w.next_attempt_at AS "nextAttemptAt", w.delivered_at AS "deliveredAt", w.last_error AS "lastError",
  w.created_at AS "createdAt"`;

/** The webhook outbox to the platform and its delivery log. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  async enqueue(tx: SqlTx, e: WebhookEventWrite): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO webhook_events (id, dedupe_key, type, resource_id, customer_id, payload)
      VALUES (${e.id}::uuid, ${e.dedupeKey}, ${e.type}, ${e.resourceId}::uuid, ${e.customerId}::uuid, ${JSON.stringify(e.payload)}::jsonb)
      ON CONFLICT (dedupe_key) DO NOTHING`;
  }

  /** Due events for this replica, leased (next_attempt_at pushed forward) under SKIP LOCKED, oldest first. */
  async claimDue(limit: number, leaseMs: number): Promise<WebhookEventRow[]> {
    return this.prisma.$queryRawUnsafe<WebhookEventRow[]>(
      `UPDATE webhook_events w SET next_attempt_at = now() + ($2::int * interval '1 millisecond'), attempts = w.attempts + 1
       FROM (SELECT id FROM webhook_events WHERE status = 'pending' AND next_attempt_at <= now()
             ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE w.id = due.id
       RETURNING ${EVENT_OF_W}`,
      limit,
      leaseMs,
    );
  }

  async recordAttempt(d: Omit<WebhookDeliveryRow, 'id' | 'attemptedAt'>): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO webhook_deliveries (event_id, attempt, url, status_code, error, duration_ms)
      VALUES (${d.eventId}::uuid, ${d.attempt}, ${d.url}, ${d.statusCode}, ${d.error}, ${d.durationMs})`;
  }

  // an outcome is recorded only while this sender's claim is the latest (attempts unchanged)
  async markDelivered(e: { id: string; attempts: number }): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE webhook_events SET status = 'delivered', delivered_at = now(), last_error = NULL
      WHERE id = ${e.id}::uuid AND attempts = ${e.attempts} AND status = 'pending'`;
  }

  async markRetry(e: { id: string; attempts: number }, error: string, nextAttemptAt: Date): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE webhook_events SET last_error = ${error.slice(0, 2000)}, next_attempt_at = ${nextAttemptAt}::timestamptz
      WHERE id = ${e.id}::uuid AND attempts = ${e.attempts} AND status = 'pending'`;
  }

  async markFailed(e: { id: string; attempts: number }, error: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE webhook_events SET status = 'failed', last_error = ${error.slice(0, 2000)}
      WHERE id = ${e.id}::uuid AND attempts = ${e.attempts} AND status = 'pending'`;
  }

  /** Sent again, due now, whatever its state: the platform dedupes by the event id. */
  async replay(tx: SqlTx, id: string): Promise<WebhookEventRow | null> {
    const rows = await tx.$queryRawUnsafe<WebhookEventRow[]>(
      `UPDATE webhook_events SET status = 'pending', next_attempt_at = now(), delivered_at = NULL
       WHERE id = $1::uuid RETURNING ${EVENT}`,
      id,
    );
    return rows[0] ?? null;
  }

  async byId(id: string): Promise<WebhookEventRow | null> {
    const rows = await this.prisma.$queryRawUnsafe<WebhookEventRow[]>(
      `SELECT ${EVENT} FROM webhook_events WHERE id = $1::uuid`,
      id,
    );
    return rows[0] ?? null;
  }

  async page(
    filter: { status?: string; resourceId?: string; type?: string },
    page: { after?: string; limit: number },
  ): Promise<{ items: WebhookEventRow[]; next: string | null }> {
    const rows = await this.prisma.$queryRawUnsafe<WebhookEventRow[]>(
      `SELECT ${EVENT} FROM webhook_events
       WHERE ($1::text IS NULL OR status = $1)
         AND ($2::uuid IS NULL OR resource_id = $2::uuid)
         AND ($3::text IS NULL OR type = $3)
         AND ($4::uuid IS NULL OR (created_at, id) > (SELECT a.created_at, a.id FROM webhook_events a WHERE a.id = $4::uuid))
       ORDER BY created_at, id
       LIMIT $5`,
      filter.status ?? null,
      filter.resourceId ?? null,
      filter.type ?? null,
      page.after ?? null,
      page.limit + 1,
    );
    const items = rows.slice(0, page.limit);
    return { items, next: rows.length > page.limit ? items[items.length - 1].id : null };
  }

  async deliveries(eventId: string): Promise<WebhookDeliveryRow[]> {
    return this.prisma.$queryRaw<WebhookDeliveryRow[]>`
      SELECT id::text, event_id::text AS "eventId", attempt, url, status_code AS "statusCode", error,
             duration_ms AS "durationMs", attempted_at AS "attemptedAt"
      FROM webhook_deliveries WHERE event_id = ${eventId}::uuid ORDER BY attempted_at, attempt`;
  }
}
