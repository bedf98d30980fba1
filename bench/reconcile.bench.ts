/**
 * npm run bench: reconciliation end to end, file to settled bills.
 *
 * 100,000 customers with exclusive virtual accounts, 300,000 open bills, and a camt.053 of
 * 100,000 credits (80 % by virtual account, 10 % known remitter, 5 % reference only, 5 %
 * unmatched; 30 % with charges). Reports end-to-end entries/s, p50/p99 from file arrival to
 * the e-mail being queued, peak RSS. Ends with one JSON line of figures.
 *
 * Environment: BENCH_CUSTOMERS, BENCH_ENTRIES, BENCH_WORKERS (batches at once, default 3 like the
 * reconciler's REMITD_RECONCILE_CONCURRENCY), BENCH_BATCH (entries per transaction, default 2000 like the reconciler's REMITD_RECONCILE_BATCH_SIZE).
 */
import 'reflect-metadata';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { virtualAccountNumber } from '@remitd/customers';
import { customerAccounts, LedgerVerifier, LedgerModule } from '@remitd/ledger';
import { PersistenceModule } from '@remitd/persistence';
import { ReconcileEntriesUseCase, ReconciliationModule } from '@remitd/reconciliation';
import { IngestStatementFileUseCase, RawFileStore, StatementsModule } from '@remitd/statements';
import { camtEntryXml, camtHead, camtTail, type CamtEntrySpec } from '../test/support/camt-builder';
import { decimal, int, prng, randomIban, remitterName, StreamingWriter } from './generators/realistic';
import { benchReference, percentile, pgCpuSeconds, withBenchDatabase } from './support';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 2000);
const COLLECTION_IBAN = 'DE89370400440532013000';

const ref = benchReference;
const knownIban = (i: number) => `GB${String(10 + (i % 89)).padStart(2, '0')}BENC${String(i).padStart(14, '0')}`;
const log = (m: string) => console.error(`[bench] ${m}`);

async function seed(url: string): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const t = Date.now();
  const ca = await c.query<{ id: string }>(
    `INSERT INTO collection_accounts (id, name, iban, account_number, bic, currencies, next_serial)
    VALUES (gen_random_uuid(), 'Bench collection', $1, '0532013000', 'COBADEFFXXX', '{EUR}', $2) RETURNING id`,
    [COLLECTION_IBAN, CUSTOMERS + 1],
  );
  const caId = ca.rows[0].id;
  for (let from = 0; from < CUSTOMERS; from += 20_000) {
    const ids = Array.from({ length: Math.min(20_000, CUSTOMERS - from) }, (_, k) => from + k);
    await c.query(
      `INSERT INTO customers (id, reference, name, email, currency)
      SELECT gen_random_uuid(), r, n, e, 'EUR' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(r, n, e)`,
      [ids.map(ref), ids.map((i) => `Bench Customer ${i} Ltd`), ids.map((i) => `c${i}@bench.example`)],
    );
    const vas = ids.map((i) =>
      virtualAccountNumber({ iban: COLLECTION_IBAN, accountNumber: '0532013000' }, BigInt(i + 1)),
    );
    await c.query(
      `INSERT INTO virtual_accounts (id, customer_id, collection_account_id, currency, number, serial)
      SELECT gen_random_uuid(), cu.id, $1::uuid, 'EUR', v, s FROM unnest($2::text[], $3::text[], $4::bigint[]) AS t(r, v, s) JOIN customers cu ON cu.reference = t.r`,
      [caId, ids.map(ref), vas, ids.map((i) => String(i + 1))],
    );
  }
  // each customer's ledger accounts, opened with the virtual account (as AllocateVirtualAccountUseCase does)
  const customerIds = (await c.query<{ id: string }>('SELECT id::text FROM customers')).rows.map((r) => r.id);
  const accounts = customerIds.flatMap((id) => customerAccounts(id, 'EUR'));
  await c.query(
    `INSERT INTO ledger_accounts (id, code, kind, currency, customer_id)
    SELECT gen_random_uuid(), code, kind, currency, customer_id FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS t(code, kind, currency, customer_id)`,
    [
      accounts.map((a) => a.code),
      accounts.map((a) => a.kind),
      accounts.map((a) => a.currency),
      accounts.map((a) => a.customerId),
    ],
  );
  // three open bills per customer: 300,000
  await c.query(`INSERT INTO bills (id, customer_id, reference, billing_cycle, issued_at, currency, amount)
    SELECT gen_random_uuid(), cu.id, 'B-' || replace(cy, '-', '') || '-' || cu.reference, cy, (cy || '-02 12:00:00+00')::timestamptz + interval '1 month', 'EUR',
           (50 + (abs(hashtext(cu.reference || cy)) % 90000) / 100.0)::numeric(20,4)
    FROM customers cu CROSS JOIN unnest(ARRAY['2026-07', '2026-08', '2026-09']) AS cy`);
  // remitter accounts learned for the 10 % "known remitter" share
  await c.query(`INSERT INTO known_remitter_accounts (id, account, customer_id, learned_by)
    SELECT gen_random_uuid(), 'GB' || lpad((10 + (n % 89))::text, 2, '0') || 'BENC' || lpad(n::text, 14, '0'), cu.id, 'bench'
    FROM generate_series(0, ${CUSTOMERS - 1}) n JOIN customers cu ON cu.reference = ANY(ARRAY[NULL::text]) IS NOT TRUE AND cu.email = 'c' || n || '@bench.example'`);
  await c.query('ANALYZE');
  log(
    `seeded ${CUSTOMERS} customers, ${CUSTOMERS} virtual accounts, ${CUSTOMERS * 3} bills in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  await c.end();
  return caId;
}

async function writeStatement(file: string): Promise<void> {
  const rnd = prng(2026);
  const w = await StreamingWriter.create(file);
  await w.write(camtHead({ statementId: 'BENCH-1', account: COLLECTION_IBAN, sequence: 1 }));
  for (let i = 0; i < ENTRIES; i++) {
    const who = int(rnd, 0, CUSTOMERS - 1);
    const kind = rnd();
    const cents = BigInt(int(rnd, 1_000, 200_000));
    const e: CamtEntrySpec = {
      ref: `BENCH${String(i).padStart(9, '0')}`,
      amount: decimal(cents),
      remitterName: remitterName(rnd),
    };
    if (kind < 0.8)
      e.creditedAccount = virtualAccountNumber({ iban: COLLECTION_IBAN, accountNumber: '0532013000' }, BigInt(who + 1));
    else if (kind < 0.9) e.remitterIban = knownIban(who);
    else if (kind < 0.95) e.ustrd = `payment for ${ref(who)} invoice ${i}`;
    else {
      e.remitterIban = randomIban(rnd);
      e.ustrd = `order ${i}`;
    }
    if (rnd() < 0.3) e.charges = decimal(BigInt(int(rnd, 100, 2_500)));
    await w.write(camtEntryXml(e, 'EUR', '2026-11-02'));
  }
  await w.write(camtTail());
  await w.close();
}

async function main() {
  await withBenchDatabase('bench', async ({ url, dir }) => {
    await seed(url);
    if (process.env.BENCH_STATS) {
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await c.query('SELECT pg_stat_statements_reset()');
      await c.end();
    }
    const file = path.join(dir, 'statement.xml');
    await writeStatement(file);
    log(`statement with ${ENTRIES} credits written`);

    @Module({
      imports: [
        PersistenceModule.forRoot({ url: url, poolSize: WORKERS * 2 + 2 }),
        LedgerModule,
        StatementsModule.forRoot({ dataDir: dir }),
        ReconciliationModule.forRoot({ minAutoCreditConfidence: 0.9, feeReimbursementCaps: { EUR: '50.00' } }),
      ],
    })
    class BenchModule {}
    const ctx = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
    const store = ctx.get(RawFileStore);
    const ingest = ctx.get(IngestStatementFileUseCase);
    const reconcile = ctx.get(ReconcileEntriesUseCase);

    const arrival = Date.now();
    const stored = await store.putFile(file);
    const outcome = await ingest.execute({
      sourceId: 'bench',
      fileName: 'statement.xml',
      storedPath: stored.path,
      sha256: stored.sha256,
      size: stored.size,
    });
    const ingested = Date.now();
    log(`ingested: ${JSON.stringify(outcome)} in ${((ingested - arrival) / 1000).toFixed(2)} s`);
    const cpuBefore = process.cpuUsage();
    const pgCpuBefore = pgCpuSeconds(path.join(dir, 'pg'));
    // exactly what the reconciler's poll loop runs
    const totals = await reconcile.drain(BATCH, WORKERS);
    const done = Date.now();
    const cpu = process.cpuUsage(cpuBefore);
    const pgCpuAfter = pgCpuSeconds(path.join(dir, 'pg'));
    const c = new Client({ connectionString: url });
    await c.connect();
    if (process.env.BENCH_STATS) {
      // where the database time goes (needs REMITD_PG_SETTINGS=shared_preload_libraries=pg_stat_statements)
      const top =
        await c.query(`SELECT round(total_exec_time)::int AS ms, calls, wal_records AS wr, wal_fpi AS fpi, round(wal_bytes / 1048576) AS wmb, shared_blks_dirtied AS dirt, left(regexp_replace(query, '\\s+', ' ', 'g'), 80) AS q
        FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`);
      for (const r of top.rows)
        log(
          `${String(r.ms).padStart(6)} ms ${String(r.calls).padStart(5)}× wal ${r.wr} rec ${r.fpi} fpi ${r.wmb} MB, ${r.dirt} dirtied: ${r.q}`,
        );
    }
    // latency per entry: file arrival → its funds-received e-mail row committed in the outbox
    const lat = await c.query<{ ms: number }>(
      `SELECT (EXTRACT(EPOCH FROM created_at) * 1000)::float8 AS ms FROM notifications WHERE template = 'funds-received'`,
    );
    const latencies = lat.rows.map((r) => r.ms - arrival).sort((a, b) => a - b);
    const settled = await c.query<{ n: string }>(`SELECT count(*) n FROM bills WHERE status = 'settled'`);
    const partly = await c.query<{ n: string }>(`SELECT count(*) n FROM bills WHERE status = 'partly_paid'`);
    await c.end();
    const verify = await ctx.get(LedgerVerifier).verify();
    await ctx.close();
    const seconds = (done - arrival) / 1000;
    const figures = {
      entries: ENTRIES,
      customers: CUSTOMERS,
      bills: CUSTOMERS * 3,
      workers: WORKERS,
      batch: BATCH,
      credited: totals.credited,
      unmatched: totals.unmatched,
      bills_settled: Number(settled.rows[0].n),
      bills_partly_paid: Number(partly.rows[0].n),
      ingest_s: Number(((ingested - arrival) / 1000).toFixed(2)),
      reconcile_s: Number(((done - ingested) / 1000).toFixed(2)),
      end_to_end_s: Number(seconds.toFixed(2)),
      end_to_end_eps: Math.round(ENTRIES / seconds),
      // the reconciler's own CPU while reconciling (the rest of the two cores is PostgreSQL's)
      reconcile_node_cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      // PostgreSQL's CPU while reconciling (server and backends, Linux only)
      reconcile_pg_cpu_s:
        pgCpuBefore === null || pgCpuAfter === null ? null : Number((pgCpuAfter - pgCpuBefore).toFixed(2)),
      email_queued_p50_ms: Math.round(percentile(latencies, 50)),
      email_queued_p99_ms: Math.round(percentile(latencies, 99)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      ledger_ok: verify.ok,
    };
    console.log(
      `\nreconciliation benchmark (${ENTRIES} credits, ${CUSTOMERS} customers, ${CUSTOMERS * 3} bills, ${WORKERS} workers)`,
    );
    console.log(`  ingest         ${figures.ingest_s} s`);
    console.log(
      `  reconcile      ${figures.reconcile_s} s  (${figures.credited} credited, ${figures.unmatched} unmatched, ${figures.bills_settled} bills settled)`,
    );
    console.log(`  end to end     ${figures.end_to_end_s} s = ${figures.end_to_end_eps} entries/s`);
    console.log(
      `  e-mail queued  p50 ${figures.email_queued_p50_ms} ms, p99 ${figures.email_queued_p99_ms} ms after file arrival`,
    );
    console.log(`  peak RSS       ${figures.peak_rss_mb} MB; ledger invariants ${verify.ok ? 'hold' : 'BROKEN'}`);
    console.log(JSON.stringify(figures));
  });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
