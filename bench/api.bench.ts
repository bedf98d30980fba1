/**
 * npm run bench:api: the admin API over real HTTP at production-like volume, and monthly issuance.
 *
 * Seeds an embedded PostgreSQL with set-based SQL: 100,000 customers with exclusive virtual
 * accounts and cash ledger accounts (balances from opening journals, so the ledger verifier
 * holds), 1,000,000 bills (10 cycles × 100,000; most settled, ~4 % still open). Starts the real
 * admin API on an ephemeral port and drives it from a worker thread with 200 concurrent
 * keep-alive connections:
 *
 *   GET  /customers/:id                       (cash balance and available credit)
 *   GET  /bills?customerId=…&status=open
 *   POST /bills/:id/payments                  (manual payment from the balance, a new Idempotency-Key each)
 *
 * then the same requests against a bare node:http server in the same process that calls the same
 * read and payment code without the framework (the floor, see startFloorServer; BENCH_SKIP_FLOOR=1
 * leaves it out), then issues a new cycle for every customer (one charge each) with automatic write-off and
 * times it. Prints a table and ends with one JSON line.
 *
 * Environment: BENCH_CUSTOMERS (100000), BENCH_CYCLES (10), BENCH_CONCURRENCY (200),
 * BENCH_REQUESTS (reads per endpoint, 20000), BENCH_PAYMENTS (5000), BENCH_POOL (API connection
 * pool; default 2 × this machine's cores, the sizing docs/operations.md gives), BENCH_STATS=1 (top statements; needs
 * REMITD_PG_SETTINGS=shared_preload_libraries=pg_stat_statements).
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client, Pool } from 'pg';
import { ApiKeysService } from '@remitd/access';
import { IssueBillsUseCase, ManualPaymentUseCase, nextCycle, previousCycle } from '@remitd/billing';
import { loadConfig } from '@remitd/config';
import { CustomerQueries, virtualAccountNumber } from '@remitd/customers';
import { LedgerVerifier } from '@remitd/ledger';
import { createAdminApi } from '../apps/admin-api/src/main';
import { benchReference, percentile, pgCpuSeconds, withBenchDatabase } from './support';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 5_000);
// PostgreSQL runs on this machine: ~2 connections per core keep its backends busy without
// putting them to sleep and waking them for every statement (docs/operations.md, "Pool size")
const POOL = process.env.BENCH_POOL ?? String(Math.max(2, 2 * availableParallelism()));
const STATS = !!process.env.BENCH_STATS;
const FLOOR = !process.env.BENCH_SKIP_FLOOR;
const NEW_CYCLE = '2026-10';
const COLLECTION_IBAN = 'DE89370400440532013000';
const TARGET_READ_P99_MS = 50;
const TARGET_ISSUE_S = 60;

const ref = benchReference;
const log = (m: string) => console.error(`[bench] ${m}`);
const secs = (t: number) => ((Date.now() - t) / 1000).toFixed(1);

/** The CYCLES months before NEW_CYCLE, oldest first. */
function pastCycles(): string[] {
  const out: string[] = [];
  for (let c = previousCycle(NEW_CYCLE); out.length < CYCLES; c = previousCycle(c)) out.unshift(c);
  return out;
}

async function seed(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const t = Date.now();
  const ca = await c.query<{ id: string }>(
    `INSERT INTO collection_accounts (id, name, iban, account_number, bic, currencies, next_serial)
    VALUES (gen_random_uuid(), 'Bench collection', $1, '0532013000', 'COBADEFFXXX', '{EUR}', $2) RETURNING id`,
    [COLLECTION_IBAN, CUSTOMERS + 1],
  );
  const caId = ca.rows[0].id;
  // customers: 20 % with a credit limit, 70 % with automatic write-off on
  for (let from = 0; from < CUSTOMERS; from += 20_000) {
    const ids = Array.from({ length: Math.min(20_000, CUSTOMERS - from) }, (_, k) => from + k);
    await c.query(
      `INSERT INTO customers (id, reference, name, email, currency, credit_limit, auto_write_off, created_at)
      SELECT gen_random_uuid(), r, n, e, 'EUR', CASE WHEN abs(hashtext(r || ':limit')) % 10 < 2 THEN 500 ELSE 0 END,
             abs(hashtext(r || ':awo')) % 10 < 7, now() - make_interval(secs => i)
      FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS t(r, n, e, i)`,
      [
        ids.map(ref),
        ids.map((i) => `Bench Customer ${i} Ltd`),
        ids.map((i) => `c${i}@bench.example`),
        ids.map((i) => CUSTOMERS - i),
      ],
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
  log(`customers and virtual accounts in ${secs(t)} s`);

  // bills: one per customer and cycle. Open: 25 % of the last cycle, 6 % of the one before, 1 % of older ones (a third partly paid); the rest settled.
  const t2 = Date.now();
  const cycles = pastCycles();
  for (const [k, cy] of cycles.entries()) {
    const openPerMille = k === cycles.length - 1 ? 250 : k === cycles.length - 2 ? 60 : 10;
    const [ny, nm] = nextCycle(cy).split('-');
    await c.query(
      `INSERT INTO bills (id, customer_id, reference, billing_cycle, issued_at, due_date, currency, amount, paid, status, created_at, updated_at)
      SELECT gen_random_uuid(), id, 'B-' || replace($1, '-', '') || '-' || reference, $1, $2::timestamptz, $3, 'EUR', amount,
             CASE WHEN NOT open THEN amount WHEN partial THEN round(amount / 2, 2) ELSE 0 END,
             CASE WHEN NOT open THEN 'settled' WHEN partial THEN 'partly_paid' ELSE 'overdue' END, $2::timestamptz, $2::timestamptz
      FROM (SELECT cu.id, cu.reference, (20 + (abs(hashtext(cu.reference || $1)) % 50000) / 100.0)::numeric(20, 2) AS amount,
                   abs(hashtext(cu.reference || $1 || ':open')) % 1000 < $4 AS open, abs(hashtext(cu.reference || $1 || ':partial')) % 3 = 0 AS partial
            FROM customers cu) s`,
      [cy, `${ny}-${nm}-02T12:00:00Z`, dueDate(cy), openPerMille],
    );
  }
  log(`${CUSTOMERS * CYCLES} bills in ${secs(t2)} s`);

  // cash accounts: 30 % at zero, the rest 0.01–3,000.00; every balance comes from an opening journal against one system account
  const t3 = Date.now();
  await c.query(`INSERT INTO ledger_accounts (id, code, kind, customer_id, currency, balance)
    SELECT gen_random_uuid(), 'customer:' || id || ':cash:EUR', 'customer_cash', id, 'EUR',
           CASE WHEN abs(hashtext(reference || ':cash')) % 10 < 3 THEN 0 ELSE (1 + abs(hashtext(reference || ':balance')) % 300000) / 100.0 END
    FROM customers`);
  const contra = await c.query<{ id: string }>(
    `INSERT INTO ledger_accounts (id, code, kind, currency) VALUES (gen_random_uuid(), 'system:external:opening-balances:EUR', 'external', 'EUR') RETURNING id::text`,
  );
  await c.query(
    `CREATE TEMP TABLE opening AS SELECT gen_random_uuid() AS journal_id, id AS account_id, customer_id, balance FROM ledger_accounts WHERE kind = 'customer_cash' AND balance <> 0`,
  );
  await c.query(`INSERT INTO journal_entries (id, idempotency_key, kind, description, metadata, created_at)
    SELECT journal_id, 'bench-opening:' || customer_id, 'opening_balance', 'opening balance', jsonb_build_object('customerId', customer_id), now() - interval '400 days' FROM opening`);
  await c.query(
    `INSERT INTO postings (journal_entry_id, ledger_account_id, amount, currency, created_at)
    SELECT journal_id, account_id, balance, 'EUR', now() - interval '400 days' FROM opening
    UNION ALL SELECT journal_id, $1::uuid, -balance, 'EUR', now() - interval '400 days' FROM opening`,
    [contra.rows[0].id],
  );
  await c.query(`UPDATE ledger_accounts SET balance = (SELECT -SUM(balance) FROM opening) WHERE id = $1::uuid`, [
    contra.rows[0].id,
  ]);
  log(`cash accounts and opening journals in ${secs(t3)} s`);
  const t4 = Date.now();
  await c.query('VACUUM ANALYZE');
  log(`vacuum analyze in ${secs(t4)} s; seeded in ${secs(t)} s`);
  await c.end();
}

/** end of the cycle + 15 calendar days (the default payment terms) */
function dueDate(cycle: string): string {
  const [y, m] = cycle.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0));
  d.setUTCDate(d.getUTCDate() + 15);
  return d.toISOString().slice(0, 10);
}

interface Req {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  idem?: string;
}
interface PhaseResult {
  name: string;
  requests: number;
  ok: number;
  errors: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** CPU per request in µs: this process (the API, and the load generator's thread) and PostgreSQL (NaN: unknown) */
  nodeCpuUs: number;
  pgCpuUs: number;
}

/** where PostgreSQL's data lives, for its CPU time (set once the database is up) */
let pgDataDir = '';

// The load generator runs in a worker thread: its own event loop, so the API's thread only serves.
const LOADGEN = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, key, concurrency, requests } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const lat = new Float64Array(requests.length);
const status = new Int32Array(requests.length);
const codes = new Array(requests.length).fill(null);
let next = 0;
function one(i) {
  return new Promise((resolve) => {
    const r = requests[i];
    const headers = { authorization: 'Bearer ' + key };
    let body;
    if (r.body !== undefined) { body = JSON.stringify(r.body); headers['content-type'] = 'application/json'; headers['content-length'] = Buffer.byteLength(body); }
    if (r.idem) headers['idempotency-key'] = r.idem;
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        lat[i] = Number(process.hrtime.bigint() - t0) / 1e6;
        status[i] = res.statusCode;
        if (res.statusCode >= 400) {
          try { codes[i] = JSON.parse(Buffer.concat(chunks).toString()).error.code; } catch { codes[i] = 'HTTP_' + res.statusCode; }
        }
        resolve();
      });
    });
    req.on('error', (e) => { lat[i] = Number(process.hrtime.bigint() - t0) / 1e6; status[i] = -1; codes[i] = e.code || String(e); resolve(); });
    if (body) req.write(body);
    req.end();
  });
}
async function lane() { for (;;) { const i = next++; if (i >= requests.length) return; await one(i); } }
const t0 = process.hrtime.bigint();
Promise.all(Array.from({ length: concurrency }, lane)).then(() => {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  agent.destroy();
  parentPort.postMessage({ ms, lat, status, codes });
});
`;

async function drive(
  name: string,
  port: number,
  key: string,
  requests: Req[],
  concurrency = CONCURRENCY,
): Promise<PhaseResult> {
  const cpu0 = process.cpuUsage();
  const pg0 = pgCpuSeconds(pgDataDir) ?? NaN;
  const out = await new Promise<{ ms: number; lat: Float64Array; status: Int32Array; codes: (string | null)[] }>(
    (resolve, reject) => {
      const w = new Worker(LOADGEN, { eval: true, workerData: { port, key, concurrency, requests } });
      w.once('message', resolve);
      w.once('error', reject);
    },
  );
  const cpu = process.cpuUsage(cpu0);
  const pgCpu = (pgCpuSeconds(pgDataDir) ?? NaN) - pg0;
  const okLat: number[] = [];
  const errors: Record<string, number> = {};
  out.status.forEach((s, i) => {
    if (s >= 200 && s < 300) okLat.push(out.lat[i]);
    else errors[out.codes[i] ?? `HTTP_${s}`] = (errors[out.codes[i] ?? `HTTP_${s}`] ?? 0) + 1;
  });
  okLat.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    name,
    requests: requests.length,
    ok: okLat.length,
    errors,
    seconds: r(out.ms / 1000),
    rps: Math.round(requests.length / (out.ms / 1000)),
    p50: r(percentile(okLat, 50)),
    p90: r(percentile(okLat, 90)),
    p99: r(percentile(okLat, 99)),
    max: r(okLat[okLat.length - 1] ?? NaN),
    nodeCpuUs: Math.round((cpu.user + cpu.system) / requests.length),
    // only live backends count: one that exited during the phase (an idle pool connection closed) makes it meaningless
    pgCpuUs: pgCpu >= 0 ? Math.round((pgCpu * 1e6) / requests.length) : NaN,
  };
}

type AdminApi = Awaited<ReturnType<typeof createAdminApi>>;

/**
 * The floor: what this machine gives the same requests without the HTTP framework. A bare
 * node:http server in this process, driven by the same load generator, answers
 *   GET  /hello                  a constant JSON body: HTTP and the load generator alone;
 *   GET  /customers/:id          the API's own read (CustomerQueries.get, the same prepared query);
 *   POST /bills/:id/payments     the API's own use case (ManualPaymentUseCase, the same transaction);
 *   POST /sql/bills/:id/payments the same rows a payment from the balance writes (journal, two
 *                                postings and balances, repayment, bill, audit, idempotency
 *                                record) in ONE statement: one round trip, no BEGIN or COMMIT,
 *                                no checks. What the data model costs the database at the least.
 * The bearer key is compared as a string: no guard, interceptors, validation or idempotency
 * record. Whatever a target needs below these figures, no framework change can give.
 */
async function startFloorServer(
  api: AdminApi,
  key: string,
  url: string,
): Promise<{ port: number; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: url, max: Number(POOL) });
  const queries = api.get(CustomerQueries);
  const manual = api.get(ManualPaymentUseCase);
  const actor = { id: 'apikey:bench-floor', role: 'finance', name: 'bench floor' };
  const hello = Buffer.from(JSON.stringify({ ok: true }));
  const send = (res: http.ServerResponse, status: number, body: Buffer | string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${key}`) return send(res, 401, '{"error":{"code":"UNAUTHORIZED"}}');
    // no route reads a body: drain it and answer once the request has ended
    req.resume();
    req.on('end', () => {
      const [, a, id, b] = (req.url ?? '').split('/');
      let work: Promise<unknown>;
      if (a === 'hello') return send(res, 200, hello);
      if (req.method === 'GET' && a === 'customers' && id) work = queries.get(id);
      else if (req.method === 'POST' && a === 'sql' && id === 'bills')
        work = pool
          .query({
            name: 'floor-payment',
            text: ONE_STATEMENT_PAYMENT,
            values: [b, String(req.headers['idempotency-key'])],
          })
          .then((r) => {
            if (!r.rows[0]?.journal) throw new Error('bill not payable');
            return r.rows[0];
          });
      else if (req.method === 'POST' && a === 'bills' && b === 'payments')
        work = manual.execute({ actor, billId: id, idempotencyKey: String(req.headers['idempotency-key']) });
      else return send(res, 404, '{"error":{"code":"NOT_FOUND"}}');
      work.then(
        (out) => send(res, req.method === 'POST' ? 201 : 200, JSON.stringify(out)),
        (e: Error) => send(res, 500, JSON.stringify({ error: { code: e.name, message: e.message } })),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => server.close(() => r())).then(() => pool.end()),
  };
}

/** A payment of a bill's outstanding amount from the balance as one statement ($1 bill, $2 key). */
const ONE_STATEMENT_PAYMENT = `
  WITH b AS (
    SELECT id, customer_id, amount - paid AS due, currency FROM bills
    WHERE id = $1::uuid AND status IN ('unsettled', 'partly_paid', 'overdue') FOR UPDATE
  ), c AS (
    SELECT c.id FROM customers c JOIN b ON b.customer_id = c.id FOR UPDATE OF c
  ), a AS (
    SELECT la.id, CASE WHEN la.kind = 'customer_cash' THEN -b.due ELSE b.due END AS delta, b.currency
    FROM ledger_accounts la JOIN b ON la.code IN ('customer:' || b.customer_id || ':cash:' || b.currency,
                                                  'customer:' || b.customer_id || ':receivable:' || b.currency)
    ORDER BY la.id FOR UPDATE OF la
  ), j AS (
    INSERT INTO journal_entries (id, idempotency_key, kind, description, metadata)
    SELECT gen_random_uuid(), 'floor:' || $2, 'manual_payment', 'floor payment', jsonb_build_object('customerId', b.customer_id)
    FROM b JOIN c ON c.id = b.customer_id RETURNING id
  ), p AS (
    INSERT INTO postings (journal_entry_id, ledger_account_id, amount, currency)
    SELECT j.id, a.id, a.delta, a.currency FROM j, a
  ), u AS (
    UPDATE ledger_accounts la SET balance = la.balance + a.delta FROM a WHERE la.id = a.id
  ), r AS (
    INSERT INTO repayments (id, bill_id, customer_id, method, amount, currency, journal_entry_id)
    SELECT gen_random_uuid(), b.id, b.customer_id, 'balance', b.due, b.currency, j.id FROM b, j
  ), s AS (
    UPDATE bills SET paid = bills.paid + b.due, status = 'settled', updated_at = now() FROM b, j WHERE bills.id = b.id
  ), l AS (
    INSERT INTO audit_log (actor, action, entity_type, entity_id, payload)
    SELECT 'apikey:bench-floor', 'bill.manual_payment', 'bill', b.id::text, jsonb_build_object('amount', b.due::text) FROM b, j
  ), k AS (
    INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body)
    SELECT 'apikey:bench-floor', $2, 'floor', 201, jsonb_build_object('journalEntryId', j.id) FROM j
  )
  SELECT id::text AS journal FROM j`;

function shuffle<T>(xs: T[]): T[] {
  let s = 2026;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

async function topStatements(url: string, title: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const top =
    await c.query(`SELECT round(total_exec_time)::int AS ms, calls, round(mean_exec_time::numeric, 3) AS mean, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS q
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20`);
  log(`top statements (${title}):`);
  for (const r of top.rows)
    log(`${String(r.ms).padStart(7)} ms ${String(r.calls).padStart(7)}× ${String(r.mean).padStart(8)} ms  ${r.q}`);
  await c.query('SELECT pg_stat_statements_reset()');
  await c.end();
}

async function main() {
  await withBenchDatabase('bench-api', async ({ url, dir }) => {
    pgDataDir = path.join(dir, 'pg');
    await seed(url);
    const db = new Client({ connectionString: url });
    await db.connect();
    if (STATS) {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await db.query('SELECT pg_stat_statements_reset()');
    }

    const config = loadConfig({
      DATABASE_URL: url,
      ADMIN_API_PORT: '0',
      RECONCILER_PORT: '0',
      REMITD_DATA_DIR: dir,
      DB_POOL_SIZE: POOL,
    });
    const api = await createAdminApi(config, { logger: false });
    await api.listen(0, '127.0.0.1');
    const port = (api.getHttpServer().address() as { port: number }).port;
    const key = (await api.get(ApiKeysService).ensureBootstrapKey())!;
    log(`admin API on 127.0.0.1:${port} (DB pool ${POOL}), ${CONCURRENCY} concurrent connections`);

    const customerIds = shuffle(
      (await db.query<{ id: string }>('SELECT id::text FROM customers')).rows.map((r) => r.id),
    );
    const pick = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => customerIds[(offset + i * 7919) % customerIds.length]);
    const phases: PhaseResult[] = [];

    await drive(
      'warm-up',
      port,
      key,
      pick(2_000, 1).map((id) => ({ method: 'GET', path: `/customers/${id}` })),
    );
    // the floor: one request at a time (what a request costs when nothing queues)
    const solo = [
      await drive(
        'GET /customers/:id (1 client)',
        port,
        key,
        pick(1_000, 5).map((id) => ({ method: 'GET', path: `/customers/${id}` })),
        1,
      ),
      await drive(
        'GET /bills?status=open (1 client)',
        port,
        key,
        pick(1_000, 7).map((id) => ({ method: 'GET', path: `/bills?customerId=${id}&status=open` })),
        1,
      ),
    ];
    phases.push(
      await drive(
        'GET /customers/:id',
        port,
        key,
        pick(REQUESTS, 11).map((id) => ({ method: 'GET', path: `/customers/${id}` })),
      ),
    );
    log(JSON.stringify(phases.at(-1)));
    phases.push(
      await drive(
        'GET /bills?status=open',
        port,
        key,
        pick(REQUESTS, 23).map((id) => ({ method: 'GET', path: `/bills?customerId=${id}&status=open` })),
      ),
    );
    log(JSON.stringify(phases.at(-1)));

    // manual payments: open bills of distinct customers whose available credit covers what is outstanding
    const payableAll = shuffle(
      (
        await db.query<{ id: string }>(`
      SELECT DISTINCT ON (b.customer_id) b.id::text FROM bills b
      JOIN customers c ON c.id = b.customer_id
      LEFT JOIN ledger_accounts a ON a.code = 'customer:' || c.id || ':cash:EUR'
      WHERE b.status IN ('unsettled', 'partly_paid', 'overdue') AND COALESCE(a.balance, 0) + c.credit_limit - c.frozen_amount >= b.amount - b.paid
      ORDER BY b.customer_id, b.issued_at`)
      ).rows.map((r) => r.id),
    );
    const payable = payableAll.slice(0, PAYMENTS);
    phases.push(
      await drive(
        'POST /bills/:id/payments',
        port,
        key,
        payable.map((id, n) => ({ method: 'POST', path: `/bills/${id}/payments`, body: {}, idem: `bench-pay-${n}` })),
      ),
    );
    log(JSON.stringify(phases.at(-1)));
    if (STATS) await topStatements(url, 'HTTP phases');

    /** each with the name of its figures in the JSON line (floor_<key>_rps, …) */
    const floor: (PhaseResult & { key: string })[] = [];
    if (FLOOR) {
      // the one-statement payments find every account they move (a payment opens the receivables
      // account when it is missing; this one does not)
      const sqlBills = payableAll.slice(2 * PAYMENTS, 3 * PAYMENTS);
      await db.query(
        `INSERT INTO ledger_accounts (id, code, kind, customer_id, currency)
        SELECT gen_random_uuid(), 'customer:' || b.customer_id || ':receivable:' || b.currency, 'receivables', b.customer_id, b.currency
        FROM bills b WHERE b.id = ANY($1::uuid[]) ON CONFLICT (code) DO NOTHING`,
        [sqlBills],
      );
      const bare = await startFloorServer(api, key, url);
      log(`floor: bare node:http server on 127.0.0.1:${bare.port}, same process, same database pool`);
      for (const [figures, name, reqs] of [
        ['hello', 'floor: GET /hello (no database)', pick(REQUESTS, 31).map(() => ({ method: 'GET', path: '/hello' }))],
        [
          'customer_get',
          'floor: GET /customers/:id',
          pick(REQUESTS, 37).map((id) => ({ method: 'GET', path: `/customers/${id}` })),
        ],
        [
          'payment',
          'floor: POST /bills/:id/payments',
          payableAll
            .slice(PAYMENTS, 2 * PAYMENTS)
            .map((id, n) => ({ method: 'POST', path: `/bills/${id}/payments`, idem: `bench-floor-${n}` })),
        ],
        [
          'payment_one_statement',
          'floor: POST payment, one statement',
          sqlBills.map((id, n) => ({ method: 'POST', path: `/sql/bills/${id}/payments`, idem: `bench-sql-${n}` })),
        ],
      ] as [string, string, Req[]][]) {
        if (!reqs.length) continue;
        floor.push({ ...(await drive(name, bare.port, key, reqs)), key: figures });
        log(JSON.stringify(floor.at(-1)));
      }
      await bare.close();
    }

    // monthly issuance: one charge per customer for the new cycle (ANALYZE stands in for a month of autovacuum)
    await db.query(
      `INSERT INTO charges (id, customer_id, billing_cycle, product, usage, amount, currency, created_at)
      SELECT gen_random_uuid(), id, $1, 'Compute · c6.large', '744 h', (5 + (abs(hashtext(reference || $1)) % 50000) / 100.0)::numeric(20, 2), 'EUR', now() FROM customers`,
      [NEW_CYCLE],
    );
    await db.query('ANALYZE charges');
    const before = (
      await db.query<{ n: string }>(
        `SELECT count(*) n FROM bills WHERE status IN ('unsettled', 'partly_paid', 'overdue')`,
      )
    ).rows[0].n;
    log(`issuing ${NEW_CYCLE} for ${CUSTOMERS} customers (${before} bills open before)…`);
    const t = process.hrtime.bigint();
    const issued = await api.get(IssueBillsUseCase).execute(NEW_CYCLE, { force: true });
    const issueS = Number(process.hrtime.bigint() - t) / 1e9;
    log(`issuance: ${JSON.stringify(issued)} in ${issueS.toFixed(1)} s`);
    if (STATS) await topStatements(url, 'issuance');

    const verify = await api.get(LedgerVerifier).verify();
    const counts = (
      await db.query<{ status: string; n: string }>(
        `SELECT status, count(*) n FROM bills GROUP BY status ORDER BY status`,
      )
    ).rows;
    await db.end();
    await api.close();

    const [cust, bills, pay] = phases;
    const readsOk = cust.p99 < TARGET_READ_P99_MS && bills.p99 < TARGET_READ_P99_MS;
    const issueOk = issueS < TARGET_ISSUE_S;
    const pad = (s: string | number, n: number) => String(s).padStart(n);
    console.log(
      `\nadmin API benchmark: ${CUSTOMERS} customers, ${CUSTOMERS * CYCLES} bills, ${CONCURRENCY} concurrent requests, DB pool ${POOL}`,
    );
    console.log(
      `  ${'endpoint'.padEnd(36)}${pad('requests', 9)}${pad('ok', 7)}${pad('errors', 8)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p90 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('node µs', 9)}${pad('pg µs', 8)}`,
    );
    for (const p of [...solo, ...phases, ...floor]) {
      const errs = Object.values(p.errors).reduce((a, b) => a + b, 0);
      console.log(
        `  ${p.name.padEnd(36)}${pad(p.requests, 9)}${pad(p.ok, 7)}${pad(errs, 8)}${pad(p.rps, 8)}${pad(p.p50, 9)}${pad(p.p90, 9)}${pad(p.p99, 9)}${pad(p.max, 9)}${pad(p.nodeCpuUs, 9)}${pad(p.pgCpuUs, 8)}`,
      );
      if (errs) console.log(`    errors: ${JSON.stringify(p.errors)}`);
    }
    console.log(
      `  issuance of ${NEW_CYCLE}: ${issued.billsIssued} bills in ${issueS.toFixed(1)} s = ${Math.round(issued.billsIssued / issueS)} bills/s; write-off paid ${issued.writtenOff} bills of ${issued.customersWrittenOff} customers`,
    );
    console.log(
      `  bills by status after: ${counts.map((c) => `${c.status} ${c.n}`).join(', ')}; ledger invariants ${verify.ok ? 'hold' : 'BROKEN'}`,
    );
    console.log(
      `  targets: reads p99 < ${TARGET_READ_P99_MS} ms ${readsOk ? 'met' : 'MISSED'}; issuance < ${TARGET_ISSUE_S} s ${issueOk ? 'met' : 'MISSED'}`,
    );
    const figures = {
      customers: CUSTOMERS,
      bills: CUSTOMERS * CYCLES,
      concurrency: CONCURRENCY,
      db_pool: Number(POOL),
      customer_get_1client_p50_ms: solo[0].p50,
      customer_get_1client_p99_ms: solo[0].p99,
      bills_open_1client_p50_ms: solo[1].p50,
      bills_open_1client_p99_ms: solo[1].p99,
      customer_get_rps: cust.rps,
      customer_get_node_cpu_us: cust.nodeCpuUs,
      customer_get_pg_cpu_us: cust.pgCpuUs,
      bills_open_node_cpu_us: bills.nodeCpuUs,
      bills_open_pg_cpu_us: bills.pgCpuUs,
      payment_node_cpu_us: pay.nodeCpuUs,
      payment_pg_cpu_us: pay.pgCpuUs,
      customer_get_p50_ms: cust.p50,
      customer_get_p99_ms: cust.p99,
      bills_open_rps: bills.rps,
      bills_open_p50_ms: bills.p50,
      bills_open_p99_ms: bills.p99,
      payments: pay.requests,
      payments_ok: pay.ok,
      payment_errors: pay.errors,
      payment_rps: pay.rps,
      payment_p50_ms: pay.p50,
      payment_p99_ms: pay.p99,
      ...Object.fromEntries(
        floor.flatMap((p) => {
          const k = `floor_${p.key}`;
          return [
            [`${k}_rps`, p.rps],
            [`${k}_p99_ms`, p.p99],
            [`${k}_node_cpu_us`, p.nodeCpuUs],
            [`${k}_pg_cpu_us`, p.pgCpuUs],
          ];
        }),
      ),
      issue_bills: issued.billsIssued,
      issue_s: Number(issueS.toFixed(2)),
      issue_bills_per_s: Math.round(issued.billsIssued / issueS),
      written_off_bills: issued.writtenOff,
      written_off_customers: issued.customersWrittenOff,
      reads_p99_target_met: readsOk,
      issue_target_met: issueOk,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      ledger_ok: verify.ok,
    };
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
