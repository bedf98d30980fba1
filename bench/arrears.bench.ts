/**
 * npm run bench:arrears (issue 16, seed 003), two figures:
 * - the hourly deduction of BENCH_HOURLY_RESOURCES (1,000,000) pay-per-hour resources of
 *   BENCH_HOURLY_CUSTOMERS (100,000) customers, one full hour due (target < 60 s);
 * - the daily reminder pass over BENCH_SUBSCRIPTIONS (1,000,000) monthly subscriptions whose
 *   expiries spread over 30 days: the day's due warnings (7, 5, 3, 1 days before and on the day)
 *   fired set-based, messages queued (target < 30 s).
 * Seeds with set-based SQL, checks every customer was charged exactly the hour, the ledger
 * verifies, and ends with one JSON line.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DeductHourlyFeesUseCase, RunLifecycleUseCase } from '@remitd/arrears';
import { loadConfig } from '@remitd/config';
import { LedgerVerifier } from '@remitd/ledger';
import { ReconcilerModule } from '../apps/reconciler/src/reconciler.module';
import { withBenchDatabase } from './support';

const HOURLY_RESOURCES = Number(process.env.BENCH_HOURLY_RESOURCES ?? 1_000_000);
const HOURLY_CUSTOMERS = Number(process.env.BENCH_HOURLY_CUSTOMERS ?? 100_000);
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 1_000_000);
const T0 = new Date('2027-06-01T00:00:00Z');
const CHUNK = 100_000;

async function main() {
  await withBenchDatabase('arrears', async ({ url }) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const seedStart = Date.now();
      // customers with 100.00 on their balance (through a journal, so the ledger verifies)
      await client.query(
        `WITH c AS (
           INSERT INTO customers (id, reference, name, email, currency, credit_control)
           SELECT gen_random_uuid(), 'BH' || lpad(i::text, 7, '0'), 'Hourly ' || i, 'bh' || i || '@bench.example', 'USD', false
           FROM generate_series(1, $1::int) AS i RETURNING id)
         INSERT INTO ledger_accounts (id, code, kind, customer_id, currency, balance)
         SELECT gen_random_uuid(), 'customer:' || c.id || ':cash:USD', 'customer_cash', c.id, 'USD', 100 FROM c`,
        [HOURLY_CUSTOMERS],
      );
      await client.query(
        `INSERT INTO ledger_accounts (id, code, kind, currency, balance)
         VALUES (gen_random_uuid(), 'system:bench:USD', 'external', 'USD', -100 * $1::int)`,
        [HOURLY_CUSTOMERS],
      );
      await client.query(
        `WITH j AS (INSERT INTO journal_entries (id, idempotency_key, kind, description, metadata)
                    VALUES (gen_random_uuid(), 'bench-seed', 'bench_seed', 'bench balances', '{}') RETURNING id)
         INSERT INTO postings (journal_entry_id, ledger_account_id, amount, currency)
         SELECT j.id, a.id, a.balance, 'USD' FROM j, ledger_accounts a WHERE a.kind = 'customer_cash' OR a.code = 'system:bench:USD'`,
      );
      for (let from = 0; from < HOURLY_RESOURCES; from += CHUNK)
        await client.query(
          `INSERT INTO resources (customer_id, external_id, name, billing_mode, currency, hourly_price, billed_until)
           SELECT c.id, 'bh-' || i, 'CVM', 'hourly', 'USD', 0.01, $3::timestamptz
           FROM generate_series($1::int, $2::int) AS i
           JOIN LATERAL (SELECT id FROM customers WHERE reference = 'BH' || lpad((1 + i % $4::int)::text, 7, '0')) c ON true`,
          [from, Math.min(from + CHUNK, HOURLY_RESOURCES) - 1, T0, HOURLY_CUSTOMERS],
        );
      // subscriptions of 10,000 customers (no contacts: each customer's own e-mail), expiries over 30 days
      const subscribers = Math.max(1, Math.round(SUBSCRIPTIONS / 100));
      await client.query(
        `INSERT INTO customers (id, reference, name, email, currency, credit_control)
         SELECT gen_random_uuid(), 'BS' || lpad(i::text, 7, '0'), 'Monthly ' || i, 'bs' || i || '@bench.example', 'USD', false
         FROM generate_series(1, $1::int) AS i`,
        [subscribers],
      );
      for (let from = 0; from < SUBSCRIPTIONS; from += CHUNK) {
        await client.query(
          `WITH r AS (
             INSERT INTO resources (customer_id, external_id, name, billing_mode, currency, expires_at, auto_renew, renewal_price)
             SELECT c.id, 'bs-' || i, 'CKafka', 'monthly', 'USD', $3::timestamptz + (i % 43200) * interval '1 minute', true, 30
             FROM generate_series($1::int, $2::int) AS i
             JOIN LATERAL (SELECT id FROM customers WHERE reference = 'BS' || lpad((1 + i % $4::int)::text, 7, '0')) c ON true
             RETURNING id, expires_at)
           INSERT INTO lifecycle_timers (subject_id, kind, due_at, basis, detail)
           SELECT r.id, 'expiry_warning', LEAST(((((r.expires_at AT TIME ZONE 'UTC')::date - d) + time '09:00') AT TIME ZONE 'UTC'), r.expires_at),
                  r.expires_at, jsonb_build_object('daysBefore', d)
           FROM r, unnest(ARRAY[7, 5, 3, 1, 0]) AS d`,
          [from, Math.min(from + CHUNK, SUBSCRIPTIONS) - 1, new Date(T0.getTime() + 86400_000), subscribers],
        );
      }
      await client.query('ANALYZE');
      console.log(
        `seeded ${HOURLY_RESOURCES} hourly resources of ${HOURLY_CUSTOMERS} customers and ${SUBSCRIPTIONS} subscriptions in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
      );
      const config = loadConfig({ DATABASE_URL: url, DB_POOL_SIZE: '10' });
      const app = await NestFactory.createApplicationContext(ReconcilerModule.forRoot(config, { schedulers: false }), {
        logger: ['error', 'warn'],
      });
      try {
        let started = Date.now();
        const hourly = await app.get(DeductHourlyFeesUseCase).run(new Date(T0.getTime() + 3600_000));
        const hourlySeconds = (Date.now() - started) / 1000;
        const perResource = 0.01;
        const wrong = await client.query(
          `SELECT count(*)::int AS n FROM (
             SELECT r.customer_id, count(*) AS k FROM resources r WHERE r.billing_mode = 'hourly' GROUP BY r.customer_id) x
           JOIN ledger_accounts a ON a.code = 'customer:' || x.customer_id || ':cash:USD'
           WHERE a.balance <> 100 - x.k * $1::numeric`,
          [perResource],
        );
        console.log(
          `hourly deduction: ${hourly.resources} resources of ${hourly.customers} customers in ${hourlySeconds.toFixed(1)} s`,
        );
        // the day the warnings of 1/30 of the subscriptions for each of the 5 offsets fall due
        const day = new Date(T0.getTime() + 10 * 86400_000 + 12 * 3600_000);
        const dueWarnings = Number(
          (
            await client.query(
              `SELECT count(*)::int AS n FROM lifecycle_timers WHERE done_at IS NULL AND due_at <= $1 AND due_at > $2`,
              [day, new Date(day.getTime() - 86400_000)],
            )
          ).rows[0].n,
        );
        // earlier days' warnings are done first (as a running reconciler would have)
        await client.query(`UPDATE lifecycle_timers SET done_at = now(), outcome = 'bench' WHERE due_at <= $1`, [
          new Date(day.getTime() - 86400_000),
        ]);
        started = Date.now();
        const pass = await app.get(RunLifecycleUseCase).run(day);
        const reminderSeconds = (Date.now() - started) / 1000;
        const queued = Number(
          (await client.query(`SELECT count(*)::int AS n FROM notifications WHERE template = 'resource-lifecycle'`))
            .rows[0].n,
        );
        console.log(
          `daily reminder pass: ${pass.fired} warnings (${queued} messages) in ${reminderSeconds.toFixed(1)} s`,
        );
        const ledger = await app.get(LedgerVerifier).verify();
        console.log(
          JSON.stringify({
            bench: 'arrears',
            hourlyResources: HOURLY_RESOURCES,
            hourlyCustomers: HOURLY_CUSTOMERS,
            hourlySeconds: Number(hourlySeconds.toFixed(2)),
            hourlyWrongBalances: wrong.rows[0].n,
            subscriptions: SUBSCRIPTIONS,
            warningsDue: dueWarnings,
            warningsFired: pass.fired,
            messagesQueued: queued,
            reminderSeconds: Number(reminderSeconds.toFixed(2)),
            ledgerOk: ledger.ok,
            targets: { hourlySeconds: 60, reminderSeconds: 30 },
            pass:
              hourlySeconds < 60 &&
              reminderSeconds < 30 &&
              wrong.rows[0].n === 0 &&
              ledger.ok &&
              pass.fired === dueWarnings,
          }),
        );
      } finally {
        await app.close();
      }
    } finally {
      await client.end();
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
