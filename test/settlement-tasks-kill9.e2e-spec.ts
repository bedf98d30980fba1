import path from 'node:path';
import { Client } from 'pg';
import { LedgerModule, LedgerService, LedgerVerifier, cashAccount, externalAccount, transfer } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { TransactionRunner } from '@remitd/persistence';
import { runWorker } from './support/kill-worker';
import { createTestContext } from './support/test-app';

const WORKER = path.join(__dirname, 'support', 'settlement-task-worker.ts');
const TASKS = 200;
const MEMBERS = 3;
const CYCLES = ['2026-07', '2026-08', '2026-09'];

/**
 * Issue 15: the settlement-task pass killed with SIGKILL while it pays, then run again. Each
 * task's settlement (transfers creator → members, the members' bills) is all or nothing: after
 * the kill a task is either completed with every bill settled, or untouched; the second run
 * completes the rest, nothing is paid twice, and the ledger balances.
 */
describe('settlement-task pass killed with kill -9', () => {
  let ctx: Awaited<ReturnType<typeof createTestContext>>;
  let sql: Client;

  beforeAll(async () => {
    ctx = await createTestContext([LedgerModule]);
    sql = new Client({ connectionString: ctx.url });
    await sql.connect();
    await sql.query(
      `WITH p AS (
         INSERT INTO customers (id, reference, name, email, currency)
         SELECT gen_random_uuid(), 'KP' || lpad(i::text, 5, '0'), 'Payer ' || i, 'p' || i || '@example.com', 'EUR'
         FROM generate_series(1, $1::int) AS i RETURNING id, reference),
       t AS (
         INSERT INTO settlement_tasks (id, reference, name, payer_customer_id, currency, status, created_by, created_by_role)
         SELECT gen_random_uuid(), 'ST-' || p.reference, 'kill', p.id, 'EUR', 'running', 'test', 'super_admin' FROM p
         RETURNING id, payer_customer_id),
       m AS (
         INSERT INTO customers (id, reference, name, email, currency)
         SELECT gen_random_uuid(), p.reference || '-M' || j, 'Member ' || p.reference || '/' || j, 'm@example.com', 'EUR'
         FROM p, generate_series(1, $2::int) AS j RETURNING id, reference),
       r AS (
         INSERT INTO financial_relationships (id, main_customer_id, member_customer_id, created_by)
         SELECT gen_random_uuid(), p.id, m.id, 'test' FROM p JOIN m ON m.reference LIKE p.reference || '-M%'),
       b AS (
         INSERT INTO bills (id, customer_id, reference, billing_cycle, issued_at, currency, amount)
         SELECT gen_random_uuid(), m.id, 'B-' || m.reference || '-' || c, c, '2026-10-02T12:00:00Z', 'EUR', 40.00
         FROM m, unnest($3::text[]) AS c)
       INSERT INTO settlement_task_items (task_id, customer_id, billing_cycle, position)
       SELECT t.id, m.id, c, row_number() OVER (PARTITION BY t.id ORDER BY c, m.id)
       FROM t JOIN p ON p.id = t.payer_customer_id JOIN m ON m.reference LIKE p.reference || '-M%', unnest($3::text[]) AS c`,
      [TASKS, MEMBERS, CYCLES],
    );
    // every payer is funded with exactly what its task owes (through the ledger, so balances and postings agree)
    const payers = (await sql.query(`SELECT payer_customer_id::text AS id FROM settlement_tasks`)).rows as {
      id: string;
    }[];
    const total = Money.of(String(40 * MEMBERS * CYCLES.length), 'EUR');
    await ctx.get(TransactionRunner).run((tx) =>
      ctx.get(LedgerService).postMany(
        tx,
        payers.map((p) => ({
          idempotencyKey: `fund:${p.id}`,
          kind: 'top_up',
          description: 'test funding',
          legs: transfer(externalAccount('test', 'EUR'), cashAccount(p.id, 'EUR'), total),
        })),
      ),
    );
  });
  afterAll(async () => {
    await sql?.end();
    await ctx?.close();
  });

  const run = (killWhen?: () => Promise<boolean>) =>
    runWorker(WORKER, { databaseUrl: ctx.url }, { killWhen, pollMs: 10 });

  const count = async (q: string) => (await sql.query(q)).rows[0].n as number;
  const completed = () => count(`SELECT count(*)::int AS n FROM settlement_tasks WHERE status = 'completed'`);

  /** every task is whole: completed with all its bills settled, or nothing paid at all */
  async function expectWholeTasks() {
    const half = await count(`
      SELECT count(*)::int AS n FROM settlement_tasks t
      WHERE (t.status = 'completed' AND EXISTS (
               SELECT 1 FROM settlement_task_items i JOIN bills b ON b.customer_id = i.customer_id AND b.billing_cycle = i.billing_cycle
               WHERE i.task_id = t.id AND (b.status <> 'settled' OR i.paid <> b.amount)))
         OR (t.status <> 'completed' AND EXISTS (
               SELECT 1 FROM settlement_task_items i JOIN bills b ON b.customer_id = i.customer_id AND b.billing_cycle = i.billing_cycle
               WHERE i.task_id = t.id AND (b.paid <> 0 OR i.paid <> 0)))
         OR (t.status <> 'completed' AND (
               SELECT balance FROM ledger_accounts WHERE code = 'customer:' || t.payer_customer_id || ':cash:EUR') <> ${40 * MEMBERS * CYCLES.length})`);
    expect(half).toBe(0);
  }

  it('crashes during task settlement leave either the whole step or none of it; the rerun completes the rest once', async () => {
    const first = await run(async () => (await completed()) >= 20);
    expect(first.killed).toBe(true);
    const done = await completed();
    expect(done).toBeGreaterThanOrEqual(20);
    expect(done).toBeLessThan(TASKS);
    await expectWholeTasks();

    const second = await run();
    expect(second.out).toMatch(/^done /m);
    expect(await completed()).toBe(TASKS);
    await expectWholeTasks();
    // nothing paid twice: each bill's repayments add up to its amount, payers end at zero
    expect(
      await count(`SELECT count(*)::int AS n FROM bills b WHERE b.paid <> 40 OR
                     (SELECT sum(amount) FROM repayments r WHERE r.bill_id = b.id) <> 40`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM ledger_accounts WHERE code LIKE 'customer:%:cash:EUR' AND balance <> 0`,
      ),
    ).toBe(0);
    expect(await ctx.get(LedgerVerifier).verify()).toMatchObject({ ok: true });
  });
});
