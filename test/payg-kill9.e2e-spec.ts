import path from 'node:path';
import { Client } from 'pg';
import { startGatewaySimulator, type RunningGateway } from './support/gateway-simulator';
import { runWorker } from './support/kill-worker';
import { createTestDatabase } from './support/test-database';

const WORKER = path.join(__dirname, 'support', 'payg-sweep-worker.ts');
const CUSTOMERS = 1500;
const CYCLE = '2026-10';

/** Issue 14: the month-end sweep killed with SIGKILL mid-run, then run again: no customer charged twice, none skipped. */
describe('month-end deduction killed with kill -9', () => {
  let gw: RunningGateway;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: Client;

  beforeAll(async () => {
    gw = await startGatewaySimulator({ GATEWAY_LATENCY_MS: '20' });
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query(
      `WITH c AS (
         INSERT INTO customers (id, reference, name, email, currency, credit_control)
         SELECT gen_random_uuid(), 'K' || lpad(i::text, 6, '0'), 'Kill ' || i, 'k' || i || '@example.com', 'USD', false
         FROM generate_series(1, $1::int) AS i
         RETURNING id, reference),
       m AS (
         INSERT INTO payment_methods (id, customer_id, kind, gateway_token, brand, last4, expiry, is_default)
         SELECT gen_random_uuid(), c.id, 'card', 'tok_test_card_' || c.reference, 'visa', '4242', '12/29', true FROM c)
       INSERT INTO charges (id, customer_id, billing_cycle, product, usage, amount, currency)
       SELECT gen_random_uuid(), c.id, $2, 'Compute', '1 h', 25.50, 'USD' FROM c`,
      [CUSTOMERS, CYCLE],
    );
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
    await gw?.stop();
  });

  const run = (killWhen?: () => Promise<boolean>) =>
    runWorker(WORKER, { databaseUrl: db.url, gatewayUrl: gw.url, cycle: CYCLE }, { killWhen });

  it('no customer charged twice, none skipped', async () => {
    const succeeded = async () =>
      (await sql.query(`SELECT count(*)::int AS n FROM gateway_payments WHERE status = 'succeeded'`)).rows[0]
        .n as number;
    const pending = async () =>
      (await sql.query(`SELECT count(*)::int AS n FROM gateway_payments WHERE status = 'pending'`)).rows[0].n as number;
    // killed once a first batch is through and the next one's charges are at the gateway, unrecorded
    const first = await run(async () => (await succeeded()) >= 1000 && (await pending()) > 0);
    expect(await pending()).toBeGreaterThan(0);
    expect(first.killed).toBe(true);
    expect(await succeeded()).toBeLessThan(CUSTOMERS);
    const second = await run();
    expect(second.out).toMatch(/^done /m);
    const perCustomer = await sql.query(
      `SELECT c.id, count(g.id) FILTER (WHERE g.status = 'succeeded')::int AS paid
       FROM customers c LEFT JOIN gateway_payments g ON g.customer_id = c.id GROUP BY c.id`,
    );
    expect(perCustomer.rows).toHaveLength(CUSTOMERS);
    expect(perCustomer.rows.filter((r) => r.paid !== 1)).toEqual([]);
    const unpaid = await sql.query(`SELECT count(*)::int AS n FROM charges WHERE gateway_payment_id IS NULL`);
    expect(unpaid.rows[0].n).toBe(0);
    // the gateway itself took one successful charge per customer
    const charges = await gw.charges();
    const byToken = new Map<string, number>();
    for (const c of charges.filter((x) => x.status === 'succeeded'))
      byToken.set(c.token, (byToken.get(c.token) ?? 0) + 1);
    expect(byToken.size).toBe(CUSTOMERS);
    expect([...byToken.values()].every((n) => n === 1)).toBe(true);
    // the ledger holds: journals balance and the cached balances equal their postings
    const unbalanced = await sql.query(
      `SELECT count(*)::int AS n FROM (SELECT journal_entry_id FROM postings GROUP BY journal_entry_id, currency HAVING sum(amount) <> 0) x`,
    );
    expect(unbalanced.rows[0].n).toBe(0);
    const mismatched = await sql.query(
      `SELECT count(*)::int AS n FROM ledger_accounts a
       LEFT JOIN (SELECT ledger_account_id, SUM(amount) total FROM postings GROUP BY ledger_account_id) s ON s.ledger_account_id = a.id
       WHERE a.balance <> COALESCE(s.total, 0)`,
    );
    expect(mismatched.rows[0].n).toBe(0);
    const journals = await sql.query(`SELECT count(*)::int AS n FROM journal_entries WHERE kind = 'payg_deduction'`);
    expect(journals.rows[0].n).toBe(CUSTOMERS);
  });
});
