import { PrismaService, TransactionRunner } from '@remitd/persistence';
import { createTestContext } from '../../../test/support/test-app';
import { ResourcesRepository } from './resources.repository';

/**
 * The deadlines of seed 003 in the billing time zone, against real PostgreSQL: warnings at 09:00
 * local on the days before the expiry date across a daylight-saving change, overdue warnings at the
 * same local time each day, the release at the start of the 8th local day, and a timer scheduled
 * twice being one timer.
 */
describe('durable timers in the billing time zone', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let repo: ResourcesRepository;
  let tx: TransactionRunner;
  const SUBJECT = '00000000-0000-4000-8000-000000000001';

  beforeAll(async () => {
    t = await createTestContext([]);
    repo = new ResourcesRepository(t.get(PrismaService));
    tx = t.get(TransactionRunner);
  });
  afterAll(async () => {
    await t?.close();
  });

  const timers = async (kind: string) =>
    (await repo.timersOf(SUBJECT)).filter((x) => x.kind === kind).map((x) => x.dueAt.toISOString());

  it('New York: the warnings before the March DST change stay at 09:00 local (14:00 then 13:00 UTC)', async () => {
    // expiry Wednesday 2027-03-17 15:00 EDT (19:00 UTC); DST began Sunday 2027-03-14
    const expiry = new Date('2027-03-17T19:00:00Z');
    const schedule = () =>
      tx.run((db) =>
        repo.scheduleSubscription(db, SUBJECT, expiry, 'America/New_York', new Date('2027-01-01T00:00:00Z')),
      );
    await schedule();
    await schedule(); // twice: one set of timers
    expect(await timers('expiry_warning')).toEqual([
      '2027-03-10T14:00:00.000Z', // 7 days before, 09:00 EST
      '2027-03-12T14:00:00.000Z', // 5 days before, 09:00 EST
      '2027-03-14T13:00:00.000Z', // 3 days before, 09:00 EDT
      '2027-03-16T13:00:00.000Z', // 1 day before
      '2027-03-17T13:00:00.000Z', // the expiry date, 09:00, before the 15:00 expiry
    ]);
    expect(await timers('expire')).toEqual([expiry.toISOString()]);
    await tx.run((db) => repo.scheduleIsolation(db, SUBJECT, expiry, 'America/New_York'));
    expect(await timers('overdue_warning')).toHaveLength(7);
    expect((await timers('overdue_warning'))[0]).toBe('2027-03-18T19:00:00.000Z');
    // released at the start of the 8th day after the expiry date, New York midnight (04:00 UTC in EDT)
    expect(await timers('release')).toEqual(['2027-03-25T04:00:00.000Z']);
  });

  it('an expiry at 06:00 local: the warning on the day is the expiry itself, never after it', async () => {
    const subject = '00000000-0000-4000-8000-000000000002';
    const expiry = new Date('2027-05-01T22:00:00Z'); // 06:00 on 2 May in Singapore
    await tx.run((db) =>
      repo.scheduleSubscription(db, subject, expiry, 'Asia/Singapore', new Date('2027-04-28T00:00:00Z')),
    );
    const due = (await repo.timersOf(subject))
      .filter((x) => x.kind === 'expiry_warning')
      .map((x) => x.dueAt.toISOString());
    // 7 and 5 days before are past the report: not scheduled
    expect(due).toEqual(['2027-04-29T01:00:00.000Z', '2027-05-01T01:00:00.000Z', expiry.toISOString()]);
  });
});
