import { Injectable, Optional } from '@nestjs/common';
import { lagTolerantClient, PrismaService, ReadReplica, retryingConnectionLoss, type SqlTx } from '@remitd/persistence';

export interface OutboxMessage {
  /** one message per business event: a replay of the event cannot queue it twice */
  dedupeKey: string;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  /** the customer the message is about: it is written in that customer's language (issue 17) */
  customerId?: string;
}

export interface ClaimedNotification {
  id: string;
  dedupeKey: string;
  channel: string;
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  /** en | zh: the customer's language when the message was queued */
  locale: string;
  attempts: number;
  /** when it was queued, or last requeued by staff: the retry window starts here */
  retryingSince: Date;
}

export type NotificationStatus = 'pending' | 'sent' | 'failed';

export interface NotificationRow {
  id: string;
  dedupeKey: string;
  channel: string;
  recipient: string;
  template: string;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  requeuedAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

/** Position after a row in the list: its id (the query compares (created_at, id) at full precision). */
export interface NotificationCursor {
  id: string;
}

const ROW_COLUMNS = `id::text, dedupe_key AS "dedupeKey", channel, recipient, template, status, attempts,
  next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt", failed_at AS "failedAt", requeued_at AS "requeuedAt",
  last_error AS "lastError", created_at AS "createdAt"`;

/** The notifications outbox: written in the business transaction, sent later by the reconciler. */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Optional() private readonly replica?: ReadReplica,
  ) {}

  async enqueue(tx: SqlTx, msgs: OutboxMessage | readonly OutboxMessage[]): Promise<void> {
    const list = Array.isArray(msgs) ? msgs : [msgs as OutboxMessage];
    if (!list.length) return;
    // one set-based statement for any number of messages (the reconciliation hot path); the
    // payloads travel as one JSON array, not as a text[] whose every quote needs escaping; the
    // language is the customer's at this moment, read in the same statement (a primary-key lookup)
    await tx.$executeRaw`
      INSERT INTO notifications (id, dedupe_key, channel, recipient, template, payload, locale)
      SELECT gen_random_uuid(), x.k, x.c, x.r, x.t, p.payload,
             COALESCE((SELECT c.locale FROM customers c WHERE c.id = x.customer_id), 'en')
      FROM unnest(${list.map((m) => m.dedupeKey)}::text[], ${list.map((m) => m.channel)}::text[], ${list.map((m) => m.recipient)}::text[],
                  ${list.map((m) => m.template)}::text[], ${list.map((m) => m.customerId ?? null)}::uuid[])
             WITH ORDINALITY AS x(k, c, r, t, customer_id, n)
      JOIN jsonb_array_elements(${JSON.stringify(list.map((m) => m.payload))}::jsonb) WITH ORDINALITY AS p(payload, n) USING (n)
      ON CONFLICT (dedupe_key) DO NOTHING`;
  }

  /**
   * Claims due messages for this replica: FOR UPDATE SKIP LOCKED in a short transaction that
   * pushes next_attempt_at forward (a lease), so a crashed sender's claims come back later.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
    return this.prisma.$queryRaw<ClaimedNotification[]>`
      UPDATE notifications n SET next_attempt_at = now() + (${leaseMs}::int * interval '1 millisecond'), attempts = n.attempts + 1
      FROM (SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= now()
            ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED) due
      WHERE n.id = due.id
      RETURNING n.id::text, n.dedupe_key AS "dedupeKey", n.channel, n.recipient, n.template, n.payload, n.locale, n.attempts,
                COALESCE(n.requeued_at, n.created_at) AS "retryingSince"`;
  }

  // The outcome of an attempt is recorded only while this sender's claim is the latest
  // (attempts unchanged): a sender whose lease ran out cannot overwrite a newer claimant's result.
  async markSent(n: { id: string; attempts: number }, providerMessageId: string | null = null): Promise<void> {
    await retryingConnectionLoss(() =>
      this.prisma.notification.updateMany({
        where: { id: n.id, attempts: n.attempts, status: 'pending' },
        data: { status: 'sent', sentAt: new Date(), lastError: null, providerMessageId },
      }),
    );
  }

  /** An SMS delivery receipt, once per message and status (the SMSC may send one again). */
  async recordReceipt(r: { providerMessageId: string; status: string; raw: string }): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO sms_delivery_receipts (provider_message_id, status, raw)
      VALUES (${r.providerMessageId}, ${r.status}, ${r.raw.slice(0, 1000)})
      ON CONFLICT (provider_message_id, status) DO NOTHING`;
  }

  /** The delivery receipts of SMS sent to a phone number, oldest first. */
  async receiptsFor(
    recipient: string,
  ): Promise<{ notificationId: string; providerMessageId: string; status: string; receivedAt: Date }[]> {
    return this.prisma.$queryRaw`
      SELECT n.id::text AS "notificationId", r.provider_message_id AS "providerMessageId", r.status, r.received_at AS "receivedAt"
      FROM sms_delivery_receipts r JOIN notifications n ON n.provider_message_id = r.provider_message_id AND n.channel = 'sms'
      WHERE n.recipient = ${recipient}
      ORDER BY r.received_at`;
  }

  async markRetry(n: { id: string; attempts: number }, error: string, nextAttemptAt: Date): Promise<void> {
    await retryingConnectionLoss(() =>
      this.prisma.notification.updateMany({
        where: { id: n.id, attempts: n.attempts, status: 'pending' },
        data: { lastError: error.slice(0, 2000), nextAttemptAt },
      }),
    );
  }

  async markFailed(n: { id: string; attempts: number }, error: string): Promise<void> {
    await retryingConnectionLoss(() =>
      this.prisma.notification.updateMany({
        where: { id: n.id, attempts: n.attempts, status: 'pending' },
        data: { status: 'failed', lastError: error.slice(0, 2000), failedAt: new Date() },
      }),
    );
  }

  /** One page of notifications in a status, oldest first, by exact keyset (created_at, id). */
  async page(
    filter: { status?: NotificationStatus; recipient?: string },
    page: { after?: NotificationCursor; limit: number },
  ): Promise<{ items: NotificationRow[]; next: NotificationCursor | null }> {
    // a list page tolerates lag: the read replica when the request allows it
    const rows = await lagTolerantClient(this.replica, this.prisma).$queryRawUnsafe<NotificationRow[]>(
      `SELECT ${ROW_COLUMNS}
       FROM notifications
       WHERE ($1::text IS NULL OR status = $1)
         AND ($2::text IS NULL OR recipient = $2)
         AND ($3::uuid IS NULL OR (created_at, id) > (SELECT a.created_at, a.id FROM notifications a WHERE a.id = $3::uuid))
       ORDER BY created_at, id
       LIMIT $4`,
      filter.status ?? null,
      filter.recipient ?? null,
      page.after?.id ?? null,
      page.limit + 1,
    );
    const items = rows.slice(0, page.limit);
    return { items, next: rows.length > page.limit ? { id: items[items.length - 1].id } : null };
  }

  async byId(tx: SqlTx, id: string): Promise<NotificationRow | null> {
    const rows = await tx.$queryRawUnsafe<NotificationRow[]>(
      `SELECT ${ROW_COLUMNS} FROM notifications WHERE id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows[0] ?? null;
  }

  /** A failed message back to pending, due now, with a new retry window; attempts keep counting. */
  async requeue(tx: SqlTx, id: string): Promise<NotificationRow> {
    const rows = await tx.$queryRawUnsafe<NotificationRow[]>(
      `UPDATE notifications SET status = 'pending', next_attempt_at = now(), requeued_at = now(), failed_at = NULL
       WHERE id = $1::uuid AND status = 'failed'
       RETURNING ${ROW_COLUMNS}`,
      id,
    );
    return rows[0];
  }

  /** How many messages wait to be sent and how many were given up (for /metrics). */
  async statusCounts(): Promise<{ pending: number; failed: number }> {
    const rows = await lagTolerantClient(this.replica, this.prisma).$queryRaw<{ status: string; n: number }[]>`
      SELECT status, count(*)::int AS n FROM notifications WHERE status IN ('pending', 'failed') GROUP BY status`;
    const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
    return { pending: of('pending'), failed: of('failed') };
  }

  /** How many messages were sent since `from` (the dashboard's "sent today"). */
  async sentSince(from: Date): Promise<number> {
    const [row] = await lagTolerantClient(this.replica, this.prisma).$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM notifications WHERE sent_at >= ${from}::timestamptz AND status = 'sent'`;
    return row.n;
  }

  list(filter: { recipient?: string; template?: string; status?: string }, limit = 50) {
    return this.prisma.notification.findMany({ where: filter, orderBy: { createdAt: 'desc' }, take: limit });
  }
}
