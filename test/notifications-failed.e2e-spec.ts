import { Logger } from '@nestjs/common';
import { DispatchNotificationsUseCase } from '@remitd/notifications';
import { startSystem, type TestSystem } from './support/system';

/**
 * The clock is the rows': a test moves a message's created_at back and makes it due
 * (next_attempt_at = now) instead of waiting for the retry schedule.
 */
describe('issue 11 item 16: the outbox never gives up silently — retried for 3 days, then listed, counted, alerted and requeueable', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem();
  });
  afterAll(() => sys.close());

  const dispatch = () => sys.reconciler.ctx.get(DispatchNotificationsUseCase).execute(50);
  const age = (id: string, interval: string) =>
    sys.prisma.$executeRawUnsafe(
      `UPDATE notifications SET created_at = now() - $2::interval, next_attempt_at = now() WHERE id = $1::uuid`,
      id,
      interval,
    );
  const metrics = async () => (await fetch(`http://127.0.0.1:${sys.reconciler.port}/metrics`)).text();
  const gauge = (text: string, name: string) => Number(new RegExp(`^remitd_${name} (\\d+)$`, 'm').exec(text)?.[1]);

  it('an SMTP outage of three days is retried through; after it the e-mail is failed, visible, and staff send it again', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    sys.smtp.setDown(true);
    const c = await sys.customer({ name: 'Outage Ltd', email: 'outage@customer.example' });
    const [queued] = await sys.prisma.notification.findMany({ where: { recipient: c.email } });

    expect(await dispatch()).toMatchObject({ claimed: 1, retrying: 1, failed: 0 });
    // two days into the outage: still retried (the old policy had given up after ~5 hours)
    await age(queued.id, '2 days');
    expect(await dispatch()).toMatchObject({ claimed: 1, retrying: 1, failed: 0 });
    const retrying = await sys.prisma.notification.findUniqueOrThrow({ where: { id: queued.id } });
    expect(retrying.status).toBe('pending');
    expect(retrying.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(errors).not.toHaveBeenCalledWith(expect.stringContaining(queued.id));

    // past three days: the next failure gives it up, loudly
    await age(queued.id, '3 days 1 minute');
    expect(await dispatch()).toMatchObject({ claimed: 1, retrying: 0, failed: 1 });
    const failed = await sys.prisma.notification.findUniqueOrThrow({ where: { id: queued.id } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.failedAt).not.toBeNull();
    expect(failed.lastError).toMatch(/421|not available/i);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`notification ${queued.id}`));
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('GET /notifications?status=failed'));
    errors.mockRestore();

    // visible: listed for staff, counted on the reconciler's /metrics
    const finance = { Authorization: `Bearer ${await sys.keyFor('finance')}` };
    const list = await sys.http().get('/notifications').query({ status: 'failed' }).set(finance);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: queued.id, status: 'failed', recipient: c.email, attempts: 3 }),
    ]);
    expect(list.body.items[0].failedAt).toEqual(failed.failedAt!.toISOString());
    expect(gauge(await metrics(), 'notifications_failed')).toBe(1);
    const member = { Authorization: `Bearer ${await sys.keyFor('member', c.id)}` };
    expect((await sys.http().get('/notifications').query({ status: 'failed' }).set(member)).status).toBe(403);

    // requeued by an account manager: pending, due now, audited once however often it is asked
    const manager = { Authorization: `Bearer ${await sys.keyFor('account_manager')}` };
    const first = await sys.http().post(`/notifications/${queued.id}/requeue`).set(manager);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ requeued: true, notification: { id: queued.id, status: 'pending' } });
    const again = await sys.http().post(`/notifications/${queued.id}/requeue`).set(manager);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ requeued: false, notification: { id: queued.id, status: 'pending' } });
    const audit = await sys.prisma.auditLog.findMany({
      where: { action: 'notification.requeue', entityId: queued.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].payload).toMatchObject({ actorRole: 'account_manager', attempts: 3 });
    expect(gauge(await metrics(), 'notifications_failed')).toBe(0);
    expect((await sys.http().get('/notifications').query({ status: 'failed' }).set(finance)).body.items).toEqual([]);

    // the requeue opened a new window: the old age no longer counts
    expect(await dispatch()).toMatchObject({ claimed: 1, retrying: 1, failed: 0 });
    sys.smtp.setDown(false);
    await sys.prisma.notification.update({ where: { id: queued.id }, data: { nextAttemptAt: new Date(0) } });
    expect(await dispatch()).toMatchObject({ claimed: 1, sent: 1 });
    expect(sys.smtp.messages.filter((m) => JSON.stringify(m.to).includes(c.email))).toHaveLength(1);

    // a sent message is not sent twice; unknown ids and foreign cursors are 4xx
    const sent = await sys.http().post(`/notifications/${queued.id}/requeue`).set(manager);
    expect(sent.status).toBe(409);
    expect(sent.body.error.code).toBe('NOTIFICATION_ALREADY_SENT');
    const unknown = await sys.http().post('/notifications/00000000-0000-4000-8000-000000000000/requeue').set(manager);
    expect(unknown.status).toBe(404);
    const bad = await sys.http().get('/notifications').query({ cursor: 'bm9wZQ' }).set(finance);
    expect(bad.status).toBe(400);
  });

  it('lists failed messages page by page, each exactly once, even when they share a timestamp', async () => {
    await sys.prisma.$executeRawUnsafe(
      `INSERT INTO notifications (id, dedupe_key, channel, recipient, template, payload, status, failed_at, created_at)
       SELECT gen_random_uuid(), 'paged-' || i, 'email', 'paged@customer.example', 'virtual-account-created', '{}'::jsonb,
              'failed', now(), '2026-01-01T00:00:00.123456Z'
       FROM generate_series(1, 7) AS i`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { status: 'failed', recipient: 'paged@customer.example', limit: '3' };
      if (cursor) query.cursor = cursor;
      const page = await sys.http().get('/notifications').query(query).set(sys.auth);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((n: { dedupeKey: string }) => n.dedupeKey));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `paged-${i}`).sort());
  });

  it('a permanent failure (a message that cannot be rendered; likewise a 5xx refusal) fails at once and is listed the same way', async () => {
    const refused = await sys.prisma.notification.create({
      data: {
        dedupeKey: 'refused-1',
        channel: 'email',
        recipient: 'refused@customer.example',
        template: 'no-such-template',
        payload: {},
      },
    });
    expect(await dispatch()).toMatchObject({ failed: 1 });
    const list = await sys
      .http()
      .get('/notifications')
      .query({ status: 'failed', recipient: refused.recipient })
      .set(sys.auth);
    expect(list.body.items).toEqual([expect.objectContaining({ id: refused.id, attempts: 1 })]);
  });
});
