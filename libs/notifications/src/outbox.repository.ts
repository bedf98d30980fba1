import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@remitd/persistence';

export interface OutboxMessage {
  /** one message per business event: a replay of the event cannot queue it twice */
  dedupeKey: string;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
}

export interface ClaimedNotification {
  id: string;
  dedupeKey: string;
  channel: string;
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** The notifications outbox: written in the business transaction, sent later by the reconciler. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  async enqueue(tx: SqlTx, msgs: OutboxMessage | readonly OutboxMessage[]): Promise<void> {
    const list = Array.isArray(msgs) ? msgs : [msgs as OutboxMessage];
    if (!list.length) return;
    // one set-based statement for any number of messages (the reconciliation hot path); the
    // payloads travel as one JSON array, not as a text[] whose every quote needs escaping
    await tx.$executeRaw`
      INSERT INTO notifications (id, dedupe_key, channel, recipient, template, payload)
      SELECT gen_random_uuid(), x.k, x.c, x.r, x.t, p.payload
      FROM unnest(${list.map((m) => m.dedupeKey)}::text[], ${list.map((m) => m.channel)}::text[], ${list.map((m) => m.recipient)}::text[],
                  ${list.map((m) => m.template)}::text[]) WITH ORDINALITY AS x(k, c, r, t, n)
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
      RETURNING n.id::text, n.dedupe_key AS "dedupeKey", n.channel, n.recipient, n.template, n.payload, n.attempts`;
  }

  // The outcome of an attempt is recorded only while this sender's claim is the latest
  // (attempts unchanged): a sender whose lease ran out cannot overwrite a newer claimant's result.
  async markSent(n: { id: string; attempts: number }): Promise<void> {
    await this.prisma.notification.updateMany({
      where: { id: n.id, attempts: n.attempts, status: 'pending' },
      data: { status: 'sent', sentAt: new Date(), lastError: null },
    });
  }

  async markRetry(n: { id: string; attempts: number }, error: string, nextAttemptAt: Date): Promise<void> {
    await this.prisma.notification.updateMany({
      where: { id: n.id, attempts: n.attempts, status: 'pending' },
      data: { lastError: error.slice(0, 2000), nextAttemptAt },
    });
  }

  async markFailed(n: { id: string; attempts: number }, error: string): Promise<void> {
    await this.prisma.notification.updateMany({
      where: { id: n.id, attempts: n.attempts, status: 'pending' },
      data: { status: 'failed', lastError: error.slice(0, 2000) },
    });
  }

  list(filter: { recipient?: string; template?: string; status?: string }, limit = 50) {
    return this.prisma.notification.findMany({ where: filter, orderBy: { createdAt: 'desc' }, take: limit });
  }
}
