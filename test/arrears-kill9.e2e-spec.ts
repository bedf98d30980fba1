import path from 'node:path';
import { Client } from 'pg';
import { runWorker } from './support/kill-worker';
import { createTestDatabase } from './support/test-database';

const WORKER = path.join(__dirname, 'support', 'arrears-worker.ts');
const CUSTOMERS = 1500;
const SUBSCRIPTIONS = 300;
const T0 = new Date('2027-11-01T00:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3600_000);

/**
 * Issue 16: the hourly deduction and the lifecycle pass killed with SIGKILL mid-run, then run
 * again: no hour deducted twice or skipped, no timer fired twice, no webhook or message queued
 * twice or missed.
 */
describe('hourly deduction and lifecycle pass killed with kill -9', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: Client;
  const count = async (query: string) => (await sql.query(query)).rows[0].n as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // pay-per-hour customers with nothing on their balance, each with one resource at 0.25/h
    await sql.query(
      `WITH c AS (
         INSERT INTO customers (id, reference, name, email, currency, credit_control)
         SELECT gen_random_uuid(), 'H' || lpad(i::text, 6, '0'), 'Hourly ' || i, 'h' || i || '@example.com', 'USD', false
         FROM generate_series(1, $1::int) AS i
         RETURNING id, reference)
       INSERT INTO resources (customer_id, external_id, name, billing_mode, currency, hourly_price, billed_until)
       SELECT c.id, 'cvm-' || c.reference, 'CVM', 'hourly', 'USD', 0.25, $2::timestamptz FROM c`,
      [CUSTOMERS, T0],
    );
    // subscriptions of other customers expiring 25 h in, unfunded: isolated by the second pass
    await sql.query(
      `WITH c AS (
         INSERT INTO customers (id, reference, name, email, currency, credit_control)
         SELECT gen_random_uuid(), 'S' || lpad(i::text, 6, '0'), 'Monthly ' || i, 's' || i || '@example.com', 'USD', false
         FROM generate_series(1, $1::int) AS i
         RETURNING id, reference),
       r AS (
         INSERT INTO resources (customer_id, external_id, name, billing_mode, currency, expires_at, auto_renew, renewal_price)
         SELECT c.id, 'ckafka-' || c.reference, 'CKafka', 'monthly', 'USD', $2::timestamptz, true, 30 FROM c
         RETURNING id, expires_at)
       INSERT INTO lifecycle_timers (subject_id, kind, due_at, basis) SELECT id, 'expire', expires_at, expires_at FROM r`,
      [SUBSCRIPTIONS, at(25)],
    );
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  const run = (now: Date, killWhen?: () => Promise<boolean>) =>
    runWorker(WORKER, { databaseUrl: db.url, now: now.toISOString() }, { killWhen });

  async function expectLedgerHolds() {
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT journal_entry_id FROM postings GROUP BY journal_entry_id, currency HAVING sum(amount) <> 0) x`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM ledger_accounts a
         LEFT JOIN (SELECT ledger_account_id, SUM(amount) total FROM postings GROUP BY ledger_account_id) s ON s.ledger_account_id = a.id
         WHERE a.balance <> COALESCE(s.total, 0)`,
      ),
    ).toBe(0);
  }
  /** every hourly customer's balance is exactly −hours × 0.25: no hour twice, none skipped */
  async function expectBalances(hours: number) {
    const wrong = await sql.query(
      `SELECT c.reference, a.balance::text FROM customers c
       LEFT JOIN ledger_accounts a ON a.code = 'customer:' || c.id || ':cash:USD'
       WHERE c.reference LIKE 'H%' AND a.balance IS DISTINCT FROM $1::numeric`,
      [-hours * 0.25],
    );
    expect(wrong.rows).toEqual([]);
  }

  it('no hour deducted twice or skipped, no timer fired twice, no webhook or reminder doubled or missed', async () => {
    // 3 full hours in: killed once the first batch of customers is through
    const journals = () => count(`SELECT count(*)::int AS n FROM journal_entries WHERE kind = 'resource_hourly_fees'`);
    const first = await run(at(3), async () => (await journals()) >= 1000);
    expect(first.killed).toBe(true);
    expect(await journals()).toBeLessThan(CUSTOMERS);
    const again = await run(at(3));
    expect(again.out).toMatch(/^done /m);
    await expectBalances(3);
    await expectLedgerHolds();
    expect(await count(`SELECT count(*)::int AS n FROM hourly_arrears`)).toBe(CUSTOMERS);
    // one reminder per customer (no contacts: the customer's own e-mail), one stop timer each
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE payload->>'event' = 'arrears'`)).toBe(
      CUSTOMERS,
    );
    expect(await count(`SELECT count(*)::int AS n FROM lifecycle_timers WHERE kind = 'hourly_stop'`)).toBe(CUSTOMERS);

    // the balances turned negative with the hour ending at T0 + 3 h: the stops are due 24 h later,
    // after the subscriptions' expiry (T0 + 25 h); one pass at T0 + 27 h fires both, killed half-way
    const isolatedOrStopped = () =>
      count(`SELECT count(*)::int AS n FROM resources WHERE status IN ('isolated', 'stopped')`);
    const second = await run(at(27), async () => (await isolatedOrStopped()) >= 400);
    expect(second.killed).toBe(true);
    expect(await isolatedOrStopped()).toBeLessThan(CUSTOMERS + SUBSCRIPTIONS);
    const rerun = await run(at(27));
    expect(rerun.out).toMatch(/^done /m);
    expect(await count(`SELECT count(*)::int AS n FROM resources WHERE status = 'stopped'`)).toBe(CUSTOMERS);
    expect(await count(`SELECT count(*)::int AS n FROM resources WHERE status = 'isolated'`)).toBe(SUBSCRIPTIONS);
    // every timer due fired exactly once
    expect(
      await count(
        `SELECT count(*)::int AS n FROM lifecycle_timers WHERE due_at <= '${at(27).toISOString()}' AND done_at IS NULL`,
      ),
    ).toBe(0);
    // one webhook per decision: a stop per hourly resource, an isolation per subscription
    const hooks = await sql.query(
      `SELECT type, count(*)::int AS n, count(DISTINCT resource_id)::int AS resources FROM webhook_events GROUP BY type ORDER BY type`,
    );
    expect(hooks.rows).toEqual([
      { type: 'resource.isolated', n: SUBSCRIPTIONS, resources: SUBSCRIPTIONS },
      { type: 'resource.stopped', n: CUSTOMERS, resources: CUSTOMERS },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE payload->>'event' = 'stopped'`)).toBe(
      CUSTOMERS,
    );
    await expectBalances(27);
    await expectLedgerHolds();
  });
});
