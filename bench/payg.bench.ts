/**
 * npm run bench:payg: the month-end pay-as-you-go deduction (issue 14) for BENCH_CUSTOMERS
 * (100,000) customers not on credit control, each with a card and one unpaid charge, through the
 * gateway simulator (its own process) answering every charge after BENCH_LATENCY_MS (20 ms),
 * with REMITD_GATEWAY_CONCURRENCY (BENCH_CONCURRENCY, 64) charges in flight. Seeds with set-based
 * SQL, runs PaygDeductionUseCase.monthEnd, checks every customer was charged exactly once and
 * the ledger verifies, prints charges/s and ends with one JSON line. Target: ≥ 500 charges/s.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { loadConfig } from '@remitd/config';
import { LedgerVerifier } from '@remitd/ledger';
import { PaygDeductionUseCase } from '@remitd/payments';
import { ReconcilerModule } from '../apps/reconciler/src/reconciler.module';
import { startGatewaySimulator } from '../test/support/gateway-simulator';
import { benchReference, withBenchDatabase } from './support';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const LATENCY_MS = process.env.BENCH_LATENCY_MS ?? '20';
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '64';
const CYCLE = '2026-10';

async function main() {
  await withBenchDatabase('payg', async ({ url }) => {
    const gw = await startGatewaySimulator({ GATEWAY_LATENCY_MS: LATENCY_MS });
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const seedStart = Date.now();
      for (let from = 0; from < CUSTOMERS; from += 50_000) {
        const ids = Array.from({ length: Math.min(50_000, CUSTOMERS - from) }, (_, k) => from + k);
        await client.query(
          `WITH c AS (
             INSERT INTO customers (id, reference, name, email, currency, credit_control)
             SELECT gen_random_uuid(), r, 'Payg ' || r, lower(r) || '@bench.example', 'USD', false
             FROM unnest($1::text[]) AS t(r)
             RETURNING id, reference),
           m AS (
             INSERT INTO payment_methods (id, customer_id, kind, gateway_token, brand, last4, expiry, is_default)
             SELECT gen_random_uuid(), c.id, 'card', 'tok_test_card_' || c.reference, 'visa', '4242', '12/29', true FROM c)
           INSERT INTO charges (id, customer_id, billing_cycle, product, usage, amount, currency)
           SELECT gen_random_uuid(), c.id, $2, 'Compute (pay-as-you-go)', '10 h', 12.34, 'USD' FROM c`,
          [ids.map(benchReference), CYCLE],
        );
      }
      await client.query('ANALYZE');
      console.log(`seeded ${CUSTOMERS} pay-as-you-go customers in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
      const config = loadConfig({
        DATABASE_URL: url,
        REMITD_GATEWAY_URL: gw.url,
        REMITD_GATEWAY_CONCURRENCY: CONCURRENCY,
        DB_POOL_SIZE: '10',
      });
      const app = await NestFactory.createApplicationContext(ReconcilerModule.forRoot(config, { schedulers: false }), {
        logger: ['error', 'warn'],
      });
      try {
        // the per-minute threshold detection over every customer, none of whom reached the threshold
        // yet: what the scheduler spends each minute besides reconciling (a pass of its own, not
        // on the crediting path)
        const scanStart = Date.now();
        const scan = await app.get(PaygDeductionUseCase).tick(new Date('2026-10-15T10:00:00Z'));
        const thresholdScanMs = Date.now() - scanStart;
        console.log(
          `threshold detection over ${CUSTOMERS} customers: ${thresholdScanMs} ms (${scan.threshold.charged} charged)`,
        );
        const started = Date.now();
        const result = await app.get(PaygDeductionUseCase).monthEnd(CYCLE, new Date('2026-11-01T00:00:00Z'));
        const seconds = (Date.now() - started) / 1000;
        const stats = await gw.stats();
        const twice = await client.query(
          `SELECT count(*)::int AS n FROM (SELECT customer_id FROM gateway_payments WHERE status = 'succeeded'
             GROUP BY customer_id HAVING count(*) > 1) x`,
        );
        const unpaid = await client.query(`SELECT count(*)::int AS n FROM charges WHERE gateway_payment_id IS NULL`);
        const ledger = await app.get(LedgerVerifier).verify();
        const chargesPerSecond = Math.round((result?.charged ?? 0) / seconds);
        console.log(
          `month-end deduction: ${result?.charged} charges in ${seconds.toFixed(1)} s = ${chargesPerSecond} charges/s ` +
            `(gateway latency ${LATENCY_MS} ms, concurrency ${CONCURRENCY}); gateway saw ${stats.charges} charges`,
        );
        console.log(
          JSON.stringify({
            bench: 'payg-month-end',
            customers: CUSTOMERS,
            latencyMs: Number(LATENCY_MS),
            concurrency: Number(CONCURRENCY),
            charged: result?.charged,
            succeeded: result?.succeeded,
            seconds: Number(seconds.toFixed(2)),
            chargesPerSecond,
            thresholdScanMs,
            gatewayCharges: stats.charges,
            chargedTwice: twice.rows[0].n,
            leftUnpaid: unpaid.rows[0].n,
            ledgerOk: ledger.ok,
            target: 500,
            pass: chargesPerSecond >= 500 && twice.rows[0].n === 0 && unpaid.rows[0].n === 0 && ledger.ok,
          }),
        );
      } finally {
        await app.close();
      }
    } finally {
      await client.end();
      await gw.stop();
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
