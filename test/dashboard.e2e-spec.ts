import { buildCamt } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

const TIME_ZONE = 'Asia/Kolkata'; // +05:30 all year: calendar days differ from UTC's, no daylight saving
const localDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(at);
const DAY_MS = 86_400_000;

/**
 * Issue 13, the console's dashboard: money in today, matching per day, the queue per day rebuilt
 * from when items arrived and were resolved, and the outbox, in the configured time zone.
 */
describe('dashboard: the numbers and series behind the console plots', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startSystem({ env: { REMITD_TIMEZONE: TIME_ZONE } });
  });
  afterAll(() => sys.close());

  it('counts inflow today, matching per day, the queue at the end of each day and the e-mails', async () => {
    const c = await sys.customer({ name: 'Dashboard Customer' });
    sys.drop(
      'dashboard.xml',
      buildCamt({
        statementId: 'DB-1',
        account: 'DE89370400440532013000',
        entries: [
          { ref: 'DB-AUTO', amount: '500.00', creditedAccount: c.virtualAccount },
          { ref: 'DB-MANUAL', amount: '200.00', remitterName: 'Someone Unknown' },
          { ref: 'DB-OPEN', amount: '75.00', remitterName: 'Someone Else' },
          { ref: 'DB-OUT', amount: '10.00', direction: 'DBIT' },
        ],
      }),
    );
    await sys.tick();
    const idOf = async (ref: string) =>
      (
        await sys.prisma.$queryRawUnsafe<{ id: string }[]>(
          `SELECT r.id::text FROM remittances r JOIN statement_entries e ON e.id = r.entry_id WHERE e.bank_reference = $1`,
          ref,
        )
      )[0].id;
    const manual = await idOf('DB-MANUAL');
    const open = await idOf('DB-OPEN');
    await sys
      .http()
      .post(`/remittances/${manual}/assign`)
      .set(sys.auth)
      .set('Idempotency-Key', 'dashboard-assign')
      .send({ customerId: c.id })
      .expect(201);
    // arrived three days ago, resolved yesterday; the other arrived two days ago and still waits
    await sys.prisma.$executeRawUnsafe(
      `UPDATE remittances SET created_at = now() - interval '3 days', resolved_at = now() - interval '1 day' WHERE id = $1::uuid`,
      manual,
    );
    await sys.prisma.$executeRawUnsafe(
      `UPDATE remittances SET created_at = now() - interval '2 days' WHERE id = $1::uuid`,
      open,
    );
    await sys.prisma.$executeRawUnsafe(
      `INSERT INTO notifications (id, dedupe_key, channel, recipient, template, payload, status, next_attempt_at)
       VALUES (gen_random_uuid(), 'dashboard:failed', 'email', 'x@example.test', 'funds-received', '{}', 'failed', now()),
              (gen_random_uuid(), 'dashboard:pending', 'email', 'y@example.test', 'funds-received', '{}', 'pending', now() + interval '1 day')`,
    );

    const now = new Date();
    const res = await sys.http().get('/dashboard').query({ days: 5 }).set(sys.auth);
    expect(res.status).toBe(200);
    const days = [4, 3, 2, 1, 0].map((n) => localDay(new Date(now.getTime() - n * DAY_MS)));
    expect(res.body.timeZone).toBe(TIME_ZONE);
    // the debit is money that left: not inflow, not matching
    expect(res.body.inflowToday).toEqual([{ currency: 'EUR', amount: '500.00', count: 1 }]);
    expect(res.body.matching).toEqual([
      { day: days[0], automatic: 0, manual: 0, unmatched: 0, rate: null },
      { day: days[1], automatic: 0, manual: 1, unmatched: 0, rate: 0 },
      { day: days[2], automatic: 0, manual: 0, unmatched: 1, rate: 0 },
      { day: days[3], automatic: 0, manual: 0, unmatched: 0, rate: null },
      { day: days[4], automatic: 1, manual: 0, unmatched: 0, rate: 1 },
    ]);
    expect(res.body.queue).toEqual([
      { day: days[0], open: 0, oldestAgeDays: null },
      { day: days[1], open: 1, oldestAgeDays: 0 },
      { day: days[2], open: 2, oldestAgeDays: 1 },
      { day: days[3], open: 1, oldestAgeDays: 1 },
      { day: days[4], open: 1, oldestAgeDays: 2 },
    ]);
    const sent = await sys.prisma.notification.count({ where: { status: 'sent' } });
    expect(sent).toBeGreaterThan(0);
    expect(res.body.emails).toEqual({
      pending: await sys.prisma.notification.count({ where: { status: 'pending' } }),
      failed: 1,
      sentToday: sent,
    });

    // 30 days by default
    const month = await sys.http().get('/dashboard').set(sys.auth);
    expect(month.body.matching).toHaveLength(30);
    expect(month.body.queue.at(-1)).toEqual({ day: days[4], open: 1, oldestAgeDays: 2 });
  });

  it('refuses a bad window naming days, and needs a staff key', async () => {
    for (const days of ['0', '367', 'week', '1.5']) {
      const res = await sys.http().get('/dashboard').query({ days }).set(sys.auth);
      expect({ days, status: res.status, field: res.body.error?.field }).toEqual({ days, status: 400, field: 'days' });
    }
    const member = await sys.keyFor('member', (await sys.customer({ name: 'Dashboard Member' })).id);
    expect(
      (
        await sys
          .http()
          .get('/dashboard')
          .set({ Authorization: `Bearer ${member}` })
      ).status,
    ).toBe(403);
    expect(
      (
        await sys
          .http()
          .get('/dashboard')
          .set({ Authorization: `Bearer ${await sys.keyFor('finance')}` })
      ).status,
    ).toBe(200);
  });
});
