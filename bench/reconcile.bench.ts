/**
 * npm run bench: reconciliation end to end, file to settled bills.
 *
 * 100,000 customers with exclusive virtual accounts, 300,000 open bills, and a camt.053 of
 * 100,000 credits (80 % by virtual account, 10 % known remitter, 5 % reference only, 5 %
 * unmatched; 30 % with charges). Reports end-to-end entries/s, p50/p99 from file arrival to
 * the e-mail being queued, peak RSS. Ends with one JSON line of figures.
 *
 * Environment: BENCH_CUSTOMERS, BENCH_ENTRIES, BENCH_WORKERS (batches at once, default 3 like the
 * reconciler's REMITD_RECONCILE_CONCURRENCY), BENCH_BATCH (entries per transaction, default 2000 like the reconciler's REMITD_RECONCILE_BATCH_SIZE),
 * BENCH_PROCESSES (reconciler processes on the same database, each with BENCH_WORKERS batches at
 * once; unset: the bench's own process reconciles), BENCH_PROFILE=<file> (CPU profile of the
 * reconcile phase, in-process only), BENCH_STATS=1 (top statements from pg_stat_statements).
 * `npm run bench:scale` runs it with 1, 2 and 3 reconciler processes. Whichever process reconciles
 * runs with the reconciler's heap cap (REMITD_RECONCILER_HEAP_MB, default 256; 0 for none), as
 * `npm start` runs the reconciler.
 */
import 'reflect-metadata';
import { fork, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { ApprovalsModule } from '@remitd/access';
import { virtualAccountNumber } from '@remitd/customers';
import { customerAccounts, LedgerVerifier, LedgerModule } from '@remitd/ledger';
import { PersistenceModule } from '@remitd/persistence';
import { ReconcileEntriesUseCase, ReconciliationModule, type BatchResult } from '@remitd/reconciliation';
import { SettlementTasksModule } from '@remitd/settlement-tasks';
import { IngestStatementFileUseCase, RawFileStore, StatementsModule } from '@remitd/statements';
import { camtEntryXml, camtHead, camtTail, type CamtEntrySpec } from '../test/support/camt-builder';
import { decimal, int, prng, randomIban, remitterName, StreamingWriter } from './generators/realistic';
import { benchReference, percentile, pgCpuSeconds, withBenchDatabase } from './support';
import { reconcilerHeapMb, reconcilerNodeFlags } from '../libs/config/src/node-flags';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 2000);
/** reconciler processes draining the queue (0: in the bench's own process, as before) */
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 0);
const RECONCILIATION = { minAutoCreditConfidence: 0.9, feeReimbursementCaps: { EUR: '50.00' } };
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

/** The modules of a reconciler process, as apps/reconciler wires them (the settlement-task hook included). */
function benchModule(url: string, dir: string, poolSize: number) {
  @Module({
    imports: [
      PersistenceModule.forRoot({ url, poolSize }),
      ApprovalsModule.forRoot({ caps: {} }),
      LedgerModule,
      StatementsModule.forRoot({ dataDir: dir }),
      ReconciliationModule.forRoot(RECONCILIATION),
      SettlementTasksModule.forRoot({ timeZone: 'UTC', reconciliation: RECONCILIATION }),
    ],
  })
  class BenchModule {}
  return BenchModule;
}

/** What one reconciler process reports back: its totals and its own CPU while draining. */
interface DrainReport {
  totals: BatchResult;
  cpuSeconds: number;
  peakRssMb: number;
}

/** BENCH_PROCESSES: one reconciler process (forked from this file) drains the queue with the others. */
async function reconcilerProcess(): Promise<void> {
  const ctx = await NestFactory.createApplicationContext(
    benchModule(process.env.BENCH_URL!, process.env.BENCH_DIR!, WORKERS * 2 + 2),
    { logger: ['error'] },
  );
  const reconcile = ctx.get(ReconcileEntriesUseCase);
  // start together: the parent measures from the moment every process is ready
  const start = new Promise<void>((resolve) => process.once('message', () => resolve()));
  process.send!('ready');
  await start;
  const cpuBefore = process.cpuUsage();
  const totals = await reconcile.drain(BATCH, WORKERS);
  const cpu = process.cpuUsage(cpuBefore);
  const report: DrainReport = {
    totals,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peakRssMb(),
  };
  await new Promise<void>((resolve) => process.send!(report, undefined, undefined, () => resolve()));
  await ctx.close();
}

/** Drains the queue with `n` reconciler processes on the same database; their CPU summed. */
async function drainInProcesses(n: number, url: string, dir: string): Promise<DrainReport & { startedAt: number }> {
  const children = Array.from({ length: n }, () =>
    fork(__filename, [], {
      env: { ...process.env, BENCH_ROLE: 'reconciler', BENCH_URL: url, BENCH_DIR: dir },
      execArgv: [...reconcilerNodeFlags(), '-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  const messages = children.map((child) => {
    const queue: unknown[] = [];
    const waiting: ((m: unknown) => void)[] = [];
    child.on('message', (m) => (waiting.length ? waiting.shift()!(m) : queue.push(m)));
    child.once('exit', (code) => {
      if (code !== 0) for (const w of waiting) w(new Error(`reconciler process exited with ${code}`));
    });
    return () =>
      new Promise<unknown>((resolve) => (queue.length ? resolve(queue.shift()) : waiting.push(resolve))).then((m) => {
        if (m instanceof Error) throw m;
        return m;
      });
  });
  // every process has its application context and waits for the start signal
  await Promise.all(messages.map((next) => next()));
  const startedAt = Date.now();
  for (const child of children) child.send('start');
  const all = (await Promise.all(messages.map((next) => next()))) as DrainReport[];
  const totals = all.reduce(
    (sum, r) => {
      for (const k of Object.keys(sum) as (keyof BatchResult)[]) sum[k] += r.totals[k];
      return sum;
    },
    { processed: 0, credited: 0, unmatched: 0, debits: 0, reversals: 0, deferred: 0 } as BatchResult,
  );
  await Promise.all(exited);
  return {
    totals,
    cpuSeconds: all.reduce((s, r) => s + r.cpuSeconds, 0),
    peakRssMb: Math.max(...all.map((r) => r.peakRssMb)),
    startedAt,
  };
}

/** BENCH_PROFILE=<file>: a CPU profile of this process while it reconciles (open it in Chrome's DevTools). */
async function profiled<T>(fn: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return fn();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    log(`CPU profile of the reconcile phase written to ${file}`);
  }
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuSecondsOf = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

async function main() {
  if (process.env.BENCH_ROLE === 'reconciler') return reconcilerProcess();
  // this process reconciles (unless BENCH_PROCESSES): it runs as the reconciler does, heap capped
  const flags = reconcilerNodeFlags();
  if (flags.length && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
    const again = spawnSync(process.execPath, [...flags, ...process.execArgv, __filename, ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    process.exit(again.status ?? 1);
  }
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
    log(`statement with ${ENTRIES} credits written (peak RSS so far ${peakRssMb()} MB)`);

    const ctx = await NestFactory.createApplicationContext(benchModule(url, dir, WORKERS * 2 + 2), {
      logger: ['error'],
    });
    const store = ctx.get(RawFileStore);
    const ingest = ctx.get(IngestStatementFileUseCase);
    const reconcile = ctx.get(ReconcileEntriesUseCase);
    const pgDir = path.join(dir, 'pg');

    const arrival = Date.now();
    const ingestCpuBefore = process.cpuUsage();
    const ingestPgBefore = pgCpuSeconds(pgDir);
    const stored = await store.putFile(file);
    const outcome = await ingest.execute({
      sourceId: 'bench',
      fileName: 'statement.xml',
      storedPath: stored.path,
      sha256: stored.sha256,
      size: stored.size,
    });
    const ingested = Date.now();
    const ingestNodeCpu = cpuSecondsOf(process.cpuUsage(ingestCpuBefore));
    const ingestPgAfter = pgCpuSeconds(pgDir);
    log(
      `ingested: ${JSON.stringify(outcome)} in ${((ingested - arrival) / 1000).toFixed(2)} s (peak RSS so far ${peakRssMb()} MB)`,
    );
    const cpuBefore = process.cpuUsage();
    const pgCpuBefore = pgCpuSeconds(pgDir);
    // exactly what the reconciler's poll loop runs: in this process, or in BENCH_PROCESSES reconcilers
    let totals: BatchResult;
    let reconcileNodeCpu: number;
    let childPeakRss = 0;
    let reconcileStarted = ingested;
    if (PROCESSES) {
      const r = await drainInProcesses(PROCESSES, url, dir);
      totals = r.totals;
      reconcileNodeCpu = r.cpuSeconds;
      childPeakRss = r.peakRssMb;
      reconcileStarted = r.startedAt;
    } else {
      totals = await profiled(() => reconcile.drain(BATCH, WORKERS));
      reconcileNodeCpu = cpuSecondsOf(process.cpuUsage(cpuBefore));
    }
    const done = Date.now();
    const pgCpuAfter = pgCpuSeconds(pgDir);
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
      // triggers' own time (with REMITD_PG_SETTINGS=track_functions=pl)
      const fns = await c.query(
        `SELECT funcname, calls, round(total_time)::int AS ms FROM pg_stat_user_functions ORDER BY total_time DESC LIMIT 5`,
      );
      for (const r of fns.rows)
        log(`${String(r.ms).padStart(6)} ms ${String(r.calls).padStart(5)}× function ${r.funcname}`);
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
    const perEntryUs = (cpuSeconds: number | null) =>
      cpuSeconds === null ? null : Math.round((cpuSeconds * 1e6) / ENTRIES);
    const ingestPgCpu = ingestPgBefore === null || ingestPgAfter === null ? null : ingestPgAfter - ingestPgBefore;
    const reconcilePgCpu = pgCpuBefore === null || pgCpuAfter === null ? null : pgCpuAfter - pgCpuBefore;
    const nodeUs = perEntryUs(ingestNodeCpu + reconcileNodeCpu)!;
    const pgUs = ingestPgCpu === null || reconcilePgCpu === null ? null : perEntryUs(ingestPgCpu + reconcilePgCpu);
    const figures = {
      entries: ENTRIES,
      customers: CUSTOMERS,
      bills: CUSTOMERS * 3,
      processes: PROCESSES || 1,
      in_process: !PROCESSES,
      workers: WORKERS,
      batch: BATCH,
      credited: totals.credited,
      unmatched: totals.unmatched,
      bills_settled: Number(settled.rows[0].n),
      bills_partly_paid: Number(partly.rows[0].n),
      ingest_s: round((ingested - arrival) / 1000),
      reconcile_s: round((done - reconcileStarted) / 1000),
      reconcile_eps: Math.round(ENTRIES / ((done - reconcileStarted) / 1000)),
      end_to_end_s: round(seconds),
      end_to_end_eps: Math.round(ENTRIES / seconds),
      // the reconciler's own CPU while reconciling (the rest of the two cores is PostgreSQL's)
      reconcile_node_cpu_s: round(reconcileNodeCpu),
      // PostgreSQL's CPU while reconciling (server and backends, Linux only)
      reconcile_pg_cpu_s: reconcilePgCpu === null ? null : round(reconcilePgCpu),
      // CPU per entry, the machine-independent figures (wall clock depends on who else runs)
      ingest_node_us_per_entry: perEntryUs(ingestNodeCpu),
      ingest_pg_us_per_entry: perEntryUs(ingestPgCpu),
      reconcile_node_us_per_entry: perEntryUs(reconcileNodeCpu),
      reconcile_pg_us_per_entry: perEntryUs(reconcilePgCpu),
      node_us_per_entry: nodeUs,
      pg_us_per_entry: pgUs,
      // the sizing model: entries/s one fully busy core sustains, file to settled bills
      node_eps_per_core: Math.round(1e6 / nodeUs),
      pg_eps_per_core: pgUs === null ? null : Math.round(1e6 / pgUs),
      email_queued_p50_ms: Math.round(percentile(latencies, 50)),
      email_queued_p99_ms: Math.round(percentile(latencies, 99)),
      peak_rss_mb: Math.max(peakRssMb(), childPeakRss),
      // with BENCH_PROCESSES: the largest reconciler process alone (the bench's own process also seeds and ingests)
      reconciler_peak_rss_mb: PROCESSES ? childPeakRss : null,
      // the reconciler's V8 heap cap the reconciling process ran with (REMITD_RECONCILER_HEAP_MB; 0: none)
      reconciler_heap_mb: reconcilerHeapMb(),
      ledger_ok: verify.ok,
    };
    console.log(
      `\nreconciliation benchmark (${ENTRIES} credits, ${CUSTOMERS} customers, ${CUSTOMERS * 3} bills, ${PROCESSES ? `${PROCESSES} reconciler process(es) × ` : ''}${WORKERS} workers)`,
    );
    console.log(`  ingest         ${figures.ingest_s} s`);
    console.log(
      `  reconcile      ${figures.reconcile_s} s  (${figures.credited} credited, ${figures.unmatched} unmatched, ${figures.bills_settled} bills settled)`,
    );
    console.log(`  end to end     ${figures.end_to_end_s} s = ${figures.end_to_end_eps} entries/s`);
    console.log(
      `  CPU per entry  Node ${figures.node_us_per_entry} µs (ingest ${figures.ingest_node_us_per_entry}, reconcile ${figures.reconcile_node_us_per_entry}), PostgreSQL ${figures.pg_us_per_entry} µs (ingest ${figures.ingest_pg_us_per_entry}, reconcile ${figures.reconcile_pg_us_per_entry})`,
    );
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
