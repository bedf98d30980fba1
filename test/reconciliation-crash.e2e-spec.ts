import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { LedgerRepository, LedgerVerifier } from '@remitd/ledger';
import { emlFileNameFor } from '@remitd/notifications';
import { PrismaService } from '@remitd/persistence';
import { PollStatementSourcesUseCase } from '@remitd/statement-sources';
import { buildCamt, type CamtEntrySpec } from './support/camt-builder';
import type { WorkerArgs } from './support/reconcile-worker';
import { startSystem } from './support/system';
import { prng } from './support/prng';

/**
 * kill -9 at any instant → the same final state.
 *
 * One database is seeded (200 customers with virtual accounts over the API, ~650 open bills,
 * a camt.053 of 5,000 entries ingested, nothing reconciled) and cloned three times, so all
 * three start from byte-identical rows (same entry order, same ids):
 *  - expected: one reconciler process reconciles and sends everything without interruption;
 *  - crash:    reconciler processes are SIGKILLed at random (seeded) instants, one after the other,
 *              at least KILLS times, then one is let finish; the final state must equal `expected`
 *              exactly (balances, bills, repayments, remittances, ledger journals, outbox payloads);
 *  - replicas: two reconciler processes at once (three batches at a time each, the default),
 *              both killed at random instants, several rounds,
 *              then two let finish; nothing may be credited twice and every order-independent fact
 *              must equal `expected`.
 * Rows created during reconciliation get fresh random ids in every database, so everything is
 * compared by natural keys (customer reference, bill reference, the entry's bank reference).
 */

const ROOT = path.resolve(__dirname, '..');
const WORKER = path.join(__dirname, 'support', 'reconcile-worker.ts');
const COLLECTION = 'DE89370400440532013000';
const SEED = Number(process.env.REMITD_CRASH_SEED ?? 20261122);
const CUSTOMERS = 200;
const ENTRIES = 5000;
const KILLS = 24;
/** about half the kills are aimed at the middle of reconciling, the rest at sending and start-up */
const RECONCILE_KILLS = 12;
const REPLICA_ROUNDS = 5;
const BATCH = 100;
const LEASE_MS = 2000;

jest.setTimeout(5 * 60_000);

/** seeded, so the data and the kill schedule are reproducible */
function random(seed: number) {
  const next = prng(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    /** a decimal amount with two places in [lo, hi] */
    amount: (lo: number, hi: number) => {
      const cents = lo * 100 + Math.floor(next() * (hi - lo) * 100);
      return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// databases

function dbName(url: string) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: process.env.REMITD_TEST_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function cloneDatabase(sourceUrl: string, name: string): Promise<string> {
  await admin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE "${dbName(sourceUrl)}"`);
        return;
      } catch (e) {
        if (attempt > 100 || !/being accessed by other users/.test(String(e))) throw e;
        await sleep(100);
      }
    }
  });
  const url = new URL(sourceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const dropDatabase = (url: string) => admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName(url)}" WITH (FORCE)`));

async function withDb<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Waits until PostgreSQL has noticed that the killed processes are gone (their transactions rolled back, their locks released). */
async function waitForNoOtherBackends(c: Client): Promise<void> {
  for (let i = 0; ; i++) {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].n === 0) return;
    if (i > 600) throw new Error(`${rows[0].n} backend(s) of killed workers are still connected after 30 s`);
    await sleep(50);
  }
}

/** Resolves once the worker has committed some work (fewer pending `what` than `from`), or has exited. */
async function progressed(c: Client, w: Worker, what: 'entries' | 'mail', from: number): Promise<void> {
  while (w.alive() && (await counts(c))[what] >= from) await sleep(10);
}

async function counts(c: Client) {
  const { rows } = await c.query<{ entries: number; mail: number }>(`
    SELECT (SELECT count(*)::int FROM reconcile_queue) AS entries,
           (SELECT count(*)::int FROM notifications WHERE status = 'pending') AS mail`);
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// worker processes

interface Worker {
  child: ChildProcess;
  started: number;
  events: { name: string; at: number; data: unknown }[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  alive: () => boolean;
  /** resolves when the worker printed `name` (true) or exited first (false) */
  reached: (name: string) => Promise<boolean>;
}

/** every worker started, so none outlives a failed test */
const started = new Set<Worker>();

/** `concurrency` 1 unless given: an exact comparison with the uninterrupted run needs one order of crediting */
function startWorker(databaseUrl: string, dir: string, concurrency = 1): Worker {
  const args: WorkerArgs = {
    databaseUrl,
    dataDir: path.join(dir, 'data'),
    mailDir: path.join(dir, 'mail'),
    sendLog: path.join(dir, 'sends.log'),
    batchSize: BATCH,
    concurrency,
    leaseMs: LEASE_MS,
  };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', WORKER, JSON.stringify(args)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Worker['events'] = [];
  const listeners: (() => void)[] = [];
  let out = '';
  let err = '';
  let done = false;
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      const sp = line.indexOf(' ');
      const name = sp < 0 ? line : line.slice(0, sp);
      let data: unknown = null;
      try {
        data = sp < 0 ? null : JSON.parse(line.slice(sp + 1));
      } catch {
        data = line;
      }
      events.push({ name, at: Date.now(), data });
      listeners.splice(0).forEach((l) => l());
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      done = true;
      listeners.splice(0).forEach((l) => l());
      resolve({ code, signal });
    }),
  );
  const w: Worker = {
    child,
    started: Date.now(),
    events,
    exited,
    stderr: () => err,
    alive: () => !done && child.exitCode === null && child.signalCode === null,
    reached: (name) =>
      new Promise<boolean>((resolve) => {
        const check = () => {
          if (events.some((e) => e.name === name)) return resolve(true);
          if (done) return resolve(false);
          listeners.push(check);
        };
        check();
      }),
  };
  started.add(w);
  void exited.then(() => started.delete(w));
  return w;
}

async function finish(w: Worker): Promise<void> {
  const { code, signal } = await w.exited;
  if (code !== 0) throw new Error(`worker exited with ${code ?? signal}: ${w.stderr()}`);
}

/** SIGKILLs the worker after `ms`; returns the phase it was in, or null when it had already exited. */
async function killAfter(w: Worker, ms: number): Promise<string | null> {
  await Promise.race([sleep(ms), w.exited]);
  if (!w.alive()) {
    const { code } = await w.exited;
    if (code !== 0) throw new Error(`worker exited with ${code}: ${w.stderr()}`);
    return null;
  }
  const phase =
    ({ ready: 'reconciling', reconciled: 'sending', dispatched: 'closing', done: 'exiting' } as Record<string, string>)[
      w.events.at(-1)?.name ?? ''
    ] ?? 'booting';
  w.child.kill('SIGKILL');
  await w.exited;
  return phase;
}

// ---------------------------------------------------------------------------------------------
// the final state, by natural keys

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Snapshot {
  customers: Record<string, string>;
  bills: Record<string, string>;
  repayments: Record<string, string[]>;
  repaymentCount: number;
  entries: Record<string, Record<string, unknown>>;
  notifications: Record<
    string,
    { status: string; template: string; recipient: string; payload: Record<string, unknown> }
  >;
  journals: Record<string, { kind: string; description: string; metadata: string; postings: string[] }>;
  accounts: Record<string, string>;
  creditJournalsPerEntry: number;
  ledgerOk: boolean;
}

async function snapshot(url: string): Promise<Snapshot> {
  return withDb(url, async (c) => {
    const q = async <R extends object>(sql: string) => (await c.query<R & object>(sql)).rows as R[];
    const names = new Map<string, string>();
    for (const r of await q<{ id: string; ref: string }>(
      `SELECT id::text, coalesce(bank_reference, natural_key) AS ref FROM statement_entries`,
    ))
      names.set(r.id, `entry(${r.ref})`);
    for (const r of await q<{ id: string; ref: string }>(`SELECT id::text, reference AS ref FROM customers`))
      names.set(r.id, `customer(${r.ref})`);
    for (const r of await q<{ id: string; ref: string }>(`SELECT id::text, number AS ref FROM virtual_accounts`))
      names.set(r.id, `va(${r.ref})`);
    for (const r of await q<{ id: string; ref: string }>(
      `SELECT id::text, coalesce(iban, account_number) AS ref FROM collection_accounts`,
    ))
      names.set(r.id, `collection(${r.ref})`);
    for (const r of await q<{ id: string; ref: string }>(`SELECT id::text, reference AS ref FROM bills`))
      names.set(r.id, `bill(${r.ref})`);
    for (const r of await q<{ id: string; ref: string }>(
      `SELECT m.id::text, coalesce(e.bank_reference, e.natural_key) AS ref FROM remittances m JOIN statement_entries e ON e.id = m.entry_id`,
    ))
      names.set(r.id, `remittance(${r.ref})`);
    const nat = (s: string) => s.replace(UUID, (u) => names.get(u) ?? `?${u}`);
    for (const r of await q<{ id: string; key: string }>(
      `SELECT id::text, idempotency_key AS key FROM journal_entries`,
    ))
      names.set(r.id, `journal(${nat(r.key)})`);

    const s: Snapshot = {
      customers: {},
      bills: {},
      repayments: {},
      repaymentCount: 0,
      entries: {},
      notifications: {},
      journals: {},
      accounts: {},
      creditJournalsPerEntry: 0,
      ledgerOk: false,
    };
    for (const r of await q<{ ref: string; cash: string }>(`
        SELECT c.reference AS ref, coalesce(a.balance, 0)::text AS cash FROM customers c LEFT JOIN ledger_accounts a ON a.customer_id = c.id AND a.kind = 'customer_cash'`)) {
      s.customers[r.ref] = r.cash;
    }
    for (const r of await q<{ ref: string; paid: string; status: string }>(
      `SELECT reference AS ref, paid::text, status FROM bills`,
    ))
      s.bills[r.ref] = `${r.status} ${r.paid}`;
    for (const r of await q<{ ref: string; amount: string; remittance: string | null; reversed: boolean }>(`
        SELECT b.reference AS ref, r.amount::text, r.remittance_id::text AS remittance, r.reversed_at IS NOT NULL AS reversed
        FROM repayments r JOIN bills b ON b.id = r.bill_id`)) {
      (s.repayments[r.ref] ??= []).push(
        `${r.amount} from ${r.remittance ? nat(r.remittance) : 'none'}${r.reversed ? ' reversed' : ''}`,
      );
      s.repaymentCount++;
    }
    for (const list of Object.values(s.repayments)) list.sort();
    for (const r of await q<Record<string, unknown> & { id: string; ref: string }>(`
        SELECT e.id::text, coalesce(e.bank_reference, e.natural_key) AS ref, CASE WHEN EXISTS (SELECT 1 FROM reconcile_queue q WHERE q.entry_id = e.id) THEN 'pending' ELSE m.state END AS "reconState", m.state, m.rule, m.flags, m.confidence::text AS confidence,
               c.reference AS customer, m.booked_amount::text AS booked, m.remitted_amount::text AS remitted, m.fee_reimbursed::text AS fee, m.explanation,
               (SELECT count(*)::int FROM remittances x WHERE x.entry_id = e.id) AS remittances,
               m.credit_journal_id IS NOT NULL AS "creditJournal", m.settlement_journal_id IS NOT NULL AS "settlementJournal"
        FROM statement_entries e LEFT JOIN remittances m ON m.entry_id = e.id LEFT JOIN customers c ON c.id = m.customer_id`)) {
      const { id: _id, ref, ...rest } = r;
      s.entries[ref] = {
        ...rest,
        explanation: typeof rest.explanation === 'string' ? nat(rest.explanation) : rest.explanation,
      };
    }
    for (const r of await q<{
      key: string;
      status: string;
      template: string;
      recipient: string;
      payload: Record<string, unknown>;
    }>(`SELECT dedupe_key AS key, status, template, recipient, payload FROM notifications`)) {
      s.notifications[nat(r.key)] = {
        status: r.status,
        template: r.template,
        recipient: r.recipient,
        payload: JSON.parse(nat(JSON.stringify(r.payload))) as Record<string, unknown>,
      };
    }
    for (const r of await q<{ key: string; kind: string; description: string; metadata: unknown; postings: string[] }>(`
        SELECT j.idempotency_key AS key, j.kind, j.description, j.metadata,
               array_agg(a.code || ' ' || p.amount::text ORDER BY a.code, p.amount) AS postings
        FROM journal_entries j JOIN postings p ON p.journal_entry_id = j.id JOIN ledger_accounts a ON a.id = p.ledger_account_id
        GROUP BY j.id`)) {
      s.journals[nat(r.key)] = {
        kind: r.kind,
        description: nat(r.description),
        metadata: nat(JSON.stringify(r.metadata)),
        postings: r.postings.map(nat),
      };
    }
    for (const r of await q<{ code: string; balance: string }>(`SELECT code, balance::text FROM ledger_accounts`))
      s.accounts[nat(r.code)] = r.balance;
    s.creditJournalsPerEntry = Math.max(
      0,
      ...(
        await q<{ n: number }>(
          `SELECT count(*)::int AS n FROM journal_entries WHERE kind = 'remittance_credit' GROUP BY metadata->>'remittanceId'`,
        )
      ).map((r) => r.n),
    );
    const prisma = new PrismaService(url, 2);
    try {
      s.ledgerOk = (await new LedgerVerifier(new LedgerRepository(prisma)).verify()).ok;
    } finally {
      await prisma.$disconnect();
    }
    return s;
  });
}

/** keys whose values differ (at most `limit`, for a readable failure) */
function differences<T>(name: string, a: Record<string, T>, b: Record<string, T>, limit = 10): string[] {
  const out: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k]))
      out.push(`${name} ${k}: expected ${JSON.stringify(a[k])}, got ${JSON.stringify(b[k])}`);
    if (out.length >= limit) break;
  }
  return out;
}

/** The facts that do not depend on the order in which replicas happened to credit a customer's remittances. */
function orderIndependent(s: Snapshot) {
  const ORDER_DEPENDENT = ['billsSettled', 'balanceRemaining'];
  return {
    customers: s.customers,
    bills: s.bills,
    // whether a credit paid a bill depends on the order too
    entries: Object.fromEntries(Object.entries(s.entries).map(([k, { settlementJournal: _s, ...e }]) => [k, e])),
    accounts: s.accounts,
    notifications: Object.fromEntries(
      Object.entries(s.notifications).map(([k, n]) => [
        k,
        { ...n, payload: Object.fromEntries(Object.entries(n.payload).filter(([f]) => !ORDER_DEPENDENT.includes(f))) },
      ]),
    ),
    // the credit and suspense journals are one per entry; the part of a credit that settled
    // bills depends on the order (its description, metadata.bills, the receivable leg and so
    // the customer cash leg, remitted − settled)
    journals: Object.fromEntries(
      Object.entries(s.journals).map(([k, j]) => [k, j.kind === 'remittance_credit' ? creditPartOf(j) : j]),
    ),
    // each bill's repayments add up to what it has been paid
    repaidPerBill: Object.fromEntries(
      Object.entries(s.bills).map(([ref]) => [
        ref,
        (s.repayments[ref] ?? []).reduce((sum, r) => sum + Math.round(Number(r.split(' ')[0]) * 10000), 0),
      ]),
    ),
  };
}

function creditPartOf(j: Snapshot['journals'][string]): Snapshot['journals'][string] {
  const { bills: _bills, ...metadata } = JSON.parse(j.metadata) as Record<string, unknown>;
  return {
    ...j,
    description: j.description.replace(/; settles \d+ bill\(s\) oldest first$/, ''),
    metadata: JSON.stringify(metadata),
    postings: j.postings.filter((p) => !p.includes(':receivable:') && !p.includes(':cash:')),
  };
}

function compareAll(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(expected)) {
    const a = expected[k];
    const b = actual[k];
    if (a && typeof a === 'object' && !Array.isArray(a))
      out.push(...differences(k, a as Record<string, unknown>, b as Record<string, unknown>));
    else if (JSON.stringify(a) !== JSON.stringify(b))
      out.push(`${k}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`);
  }
  return out;
}

/** Every outbox message was sent at least once, and exactly one .eml per dedupe key is on disk. */
async function mailFacts(url: string, dir: string) {
  const keys = await withDb(url, async (c) =>
    (await c.query<{ key: string }>(`SELECT dedupe_key AS key FROM notifications`)).rows.map((r) => r.key),
  );
  const sends = existsSync(path.join(dir, 'sends.log'))
    ? readFileSync(path.join(dir, 'sends.log'), 'utf8').split('\n').filter(Boolean)
    : [];
  const queued = new Set(keys);
  const perKey = new Map<string, number>();
  for (const k of sends) perKey.set(k, (perKey.get(k) ?? 0) + 1);
  const files = readdirSync(path.join(dir, 'mail')).filter((f) => f.endsWith('.eml') && !f.startsWith('.'));
  return {
    rows: keys.length,
    neverSent: keys.filter((k) => !perKey.has(k)).length,
    sentButNotQueued: [...perKey.keys()].filter((k) => !queued.has(k)).length,
    resent: [...perKey.values()].filter((n) => n > 1).length,
    files: files.length,
    filesMatchKeys: JSON.stringify(files.sort()) === JSON.stringify(keys.map(emlFileNameFor).sort()),
  };
}

// ---------------------------------------------------------------------------------------------

describe('reconciliation survives kill -9 at any instant', () => {
  const rnd = random(SEED);
  const work = mkdtempSync(path.join(tmpdir(), 'remitd-crash-'));
  const dbs: string[] = [];
  let seedUrl: string;
  let dropSeed: () => Promise<void>;
  let expected: Snapshot;
  /** of the uninterrupted run, in ms: start-up, ready → first batch committed, first batch → all reconciled, sending the outbox */
  let timing: { boot: number; init: number; reconcile: number; send: number };
  let totals: { entries: number; mail: number };
  /** how long the remaining work takes (estimated from the uninterrupted run) */
  const remainingMs = (left: { entries: number; mail: number }) =>
    (timing.reconcile * left.entries) / totals.entries +
    (timing.send * left.mail) / Object.keys(expected.notifications).length;

  const workDir = (name: string) => {
    const d = path.join(work, name);
    mkdirSync(path.join(d, 'mail'), { recursive: true });
    return d;
  };

  beforeAll(async () => {
    // ---- seed: customers and virtual accounts over the API, bills, one big statement ingested
    const sys = await startSystem();
    seedUrl = sys.db.url;
    dropSeed = () => sys.db.drop();
    const customers: Awaited<ReturnType<typeof sys.customer>>[] = [];
    for (let i = 0; i < CUSTOMERS; i += 10) {
      customers.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, CUSTOMERS - i) }, (_, k) =>
            sys.customer({
              name: `Crash Test ${String(i + k).padStart(3, '0')} GmbH`,
              email: `ct${i + k}@crash.example`,
              partialLastBill: (i + k) % 5 !== 0,
            }),
          ),
        )),
      );
    }
    const bills: [string, string, string][] = [];
    customers.forEach((c, i) => {
      for (const cycle of ['2026-07', '2026-08', '2026-09', ...(i % 4 === 0 ? ['2026-10'] : [])])
        bills.push([c.id, cycle, rnd.amount(150, 1800)]);
    });
    for (let i = 0; i < bills.length; i += 25)
      await Promise.all(bills.slice(i, i + 25).map(([id, cycle, amount]) => sys.bill(id, cycle, amount)));

    const entries: CamtEntrySpec[] = [];
    for (let n = 0; n < ENTRIES; n++) {
      const c = customers[rnd.int(0, CUSTOMERS - 1)];
      const ref = `CR-${String(n).padStart(5, '0')}`;
      const r = rnd.next();
      if (r < 0.55)
        entries.push({ ref, amount: rnd.amount(5, 500), creditedAccount: c.virtualAccount, remitterName: c.name });
      else if (r < 0.6)
        entries.push({
          ref,
          amount: rnd.amount(50, 500),
          charges: rnd.amount(1, 40),
          creditedAccount: c.virtualAccount,
          remitterName: c.name,
        });
      else if (r < 0.62)
        entries.push({
          ref,
          amount: rnd.amount(50, 500),
          charges: rnd.amount(51, 120),
          creditedAccount: c.virtualAccount,
          remitterName: c.name,
        });
      else if (r < 0.8)
        entries.push({
          ref,
          amount: rnd.amount(5, 500),
          remitterName: `Payer ${n}`,
          ustrd: `payment ${c.reference} invoice ${n}`,
        });
      else if (r < 0.85)
        entries.push({
          ref,
          amount: rnd.amount(5, 500),
          remitterName: `Payer ${n}`,
          ustrd: `bill B-202608-${c.reference}`,
        });
      else if (r < 0.99)
        entries.push({ ref, amount: rnd.amount(5, 500), remitterName: `Unknown Sender ${n}`, ustrd: `misc ${n}` });
      else entries.push({ ref, amount: rnd.amount(5, 500), direction: 'DBIT' });
    }
    sys.drop('big.xml', buildCamt({ statementId: 'CRASH-1', account: COLLECTION, entries }));
    const [polled] = await sys.reconciler.ctx.get(PollStatementSourcesUseCase).execute();
    expect(polled).toMatchObject({ outcome: 'ingested' });
    // nothing is reconciled yet; disconnect everything so the database can be cloned
    await sys.reconciler.close();
    await sys.api.close();
    await sys.smtp.close();
    totals = await withDb(seedUrl, counts);
    expect(totals.entries).toBe(ENTRIES);

    const tag = dbName(seedUrl);
    for (const name of ['expected', 'crash', 'replicas']) dbs.push(await cloneDatabase(seedUrl, `${tag}_${name}`));

    // ---- expected: the same data reconciled without interruption (by the same worker program)
    const w = startWorker(dbs[0], workDir('expected'));
    const firstCommit = await withDb(dbs[0], async (c) => {
      await progressed(c, w, 'entries', totals.entries);
      return Date.now();
    });
    await finish(w);
    const at = (name: string) => w.events.find((e) => e.name === name)!.at;
    timing = {
      boot: at('ready') - w.started,
      init: firstCommit - at('ready'),
      reconcile: at('reconciled') - firstCommit,
      send: at('dispatched') - at('reconciled'),
    };
    expected = await snapshot(dbs[0]);
    console.log(
      `seed ${SEED}: uninterrupted run ${JSON.stringify(w.events.find((e) => e.name === 'reconciled')?.data)}, timing ${JSON.stringify(timing)} ms`,
    );
  }, 5 * 60_000);

  afterAll(async () => {
    for (const w of started) if (w.alive()) w.child.kill('SIGKILL');
    await Promise.all([...started].map((w) => w.exited));
    for (const url of dbs) await dropDatabase(url);
    await dropSeed?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('the uninterrupted run reconciled and sent everything, with the ledger in balance', async () => {
    expect(expected.ledgerOk).toBe(true);
    const states = Object.values(expected.entries).map((e) => e.state as string);
    const count = (s: string) => states.filter((x) => x === s).length;
    expect(count('credited')).toBeGreaterThan(ENTRIES * 0.6);
    expect(count('unmatched')).toBeGreaterThan(ENTRIES * 0.1);
    expect(count('debit')).toBeGreaterThan(0);
    expect(Object.values(expected.entries).filter((e) => e.reconState === 'pending')).toHaveLength(0);
    const rules = new Set(Object.values(expected.entries).map((e) => e.rule));
    expect([...rules].sort()).toEqual(
      expect.arrayContaining(['virtual_account', 'customer_reference', 'bill_reference', 'none', 'debit_entry']),
    );
    expect(Object.values(expected.entries).some((e) => (e.flags as string[] | null)?.includes('fee_above_cap'))).toBe(
      true,
    );
    expect(Object.values(expected.entries).some((e) => e.fee !== '0.0000' && e.state === 'credited')).toBe(true);
    const bills = Object.values(expected.bills);
    expect(bills.some((b) => b.startsWith('partly_paid'))).toBe(true);
    expect(bills.some((b) => b.startsWith('settled'))).toBe(true);
    expect(bills.some((b) => b.startsWith('unsettled'))).toBe(true);
    expect(Object.values(expected.notifications).every((n) => n.status === 'sent')).toBe(true);
    expect(expected.creditJournalsPerEntry).toBe(1);
    const mail = await mailFacts(dbs[0], path.join(work, 'expected'));
    expect(mail).toMatchObject({
      neverSent: 0,
      sentButNotQueued: 0,
      resent: 0,
      filesMatchKeys: true,
      files: mail.rows,
    });
  });

  it(`a replica SIGKILLed at ${KILLS}+ random instants ends in exactly the state of the uninterrupted run`, async () => {
    const url = dbs[1];
    const dir = workDir('crash');
    const phases: string[] = [];
    const midway = { reconciling: 0, sending: 0 };
    let aimedAtReconciling = 0;
    await withDb(url, async (c) => {
      for (let spawned = 0; phases.length < KILLS; spawned++) {
        if (spawned > KILLS * 3) throw new Error(`only ${phases.length} kills landed in ${spawned} runs`);
        // a replacement starts once PostgreSQL has rolled the dead one's transaction back (a new
        // replica started earlier would skip the still-locked entries: see the replicas test)
        await waitForNoOtherBackends(c);
        const left = await counts(c);
        const w = startWorker(url, dir);
        let phase: string | null;
        const aim = rnd.next();
        if (aim < 0.12 || (left.entries === 0 && left.mail === 0)) {
          phase = await killAfter(w, rnd.next() * timing.boot); // while starting up
        } else if (aim < 0.24) {
          await w.reached('ready');
          phase = await killAfter(w, rnd.next() * timing.init); // connecting, claiming and reconciling its first batch
        } else if (left.entries > 0) {
          // anywhere in the middle of reconciling, once this replica has committed a batch
          await w.reached('ready');
          await progressed(c, w, 'entries', left.entries);
          phase = await killAfter(
            w,
            (rnd.next() * 2 * (timing.reconcile * left.entries)) /
              totals.entries /
              Math.max(1, RECONCILE_KILLS - aimedAtReconciling++),
          );
        } else {
          // anywhere in the middle of sending the outbox, once this replica has sent something
          await w.reached('reconciled');
          await progressed(c, w, 'mail', left.mail);
          phase = await killAfter(w, (rnd.next() * 2 * 0.8 * remainingMs(left)) / (KILLS - phases.length));
        }
        if (phase) {
          phases.push(phase);
          await waitForNoOtherBackends(c);
          const now = await counts(c);
          // killed with batches committed before it and entries still pending: cut off in the middle of reconciling
          if (phase === 'reconciling' && now.entries < left.entries && now.entries > 0) midway.reconciling++;
          if (phase === 'sending' && now.mail < left.mail && now.mail > 0) midway.sending++;
        }
      }
      await waitForNoOtherBackends(c);
      const before = await counts(c);
      console.log(
        `crash: ${phases.length} kills (${JSON.stringify(tally(phases))}; after progress, with work left: ${JSON.stringify(midway)}); ` +
          `left for the last run: ${before.entries} entries, ${before.mail} e-mails`,
      );
    });
    await finish(startWorker(url, dir));

    const actual = await snapshot(url);
    expect(actual.ledgerOk).toBe(true);
    expect(actual.creditJournalsPerEntry).toBe(1);
    expect(actual.repaymentCount).toBe(expected.repaymentCount);
    expect(
      compareAll(expected as unknown as Record<string, unknown>, actual as unknown as Record<string, unknown>),
    ).toEqual([]);
    const mail = await mailFacts(url, dir);
    console.log(`crash: ${mail.rows} e-mails, ${mail.resent} sent more than once (same dedupe key and Message-ID)`);
    expect(mail).toMatchObject({ neverSent: 0, sentButNotQueued: 0, filesMatchKeys: true, files: mail.rows });
    expect(phases.length).toBeGreaterThanOrEqual(KILLS);
  });

  it('two replicas at once, killed at random instants, credit nothing twice and end in the same balances, bills and remittances', async () => {
    const url = dbs[2];
    const dir = workDir('replicas');
    const phases: string[] = [];
    await withDb(url, async (c) => {
      for (let round = 0; round < REPLICA_ROUNDS; round++) {
        // no waiting for the killed ones' backends: the new pair races them too
        const left = await counts(c);
        // each replica runs batches concurrently, as the reconciler does by default
        const pair = [startWorker(url, dir, 3), startWorker(url, dir, 3)];
        await Promise.all(pair.map((w) => w.reached('ready')));
        // once the pair has committed something, each dies at its own random instant
        await Promise.race(
          pair.map((w) =>
            left.entries > 0 ? progressed(c, w, 'entries', left.entries) : progressed(c, w, 'mail', left.mail),
          ),
        );
        // one of them dies within what is left of reconciling, the other anywhere in the remaining work
        const delays = [
          rnd.next() *
            (left.entries > 0 ? (0.5 * timing.reconcile * left.entries) / totals.entries : remainingMs(left)),
          (rnd.next() * 2 * 0.8 * remainingMs(left)) / (REPLICA_ROUNDS - round),
        ];
        const results = await Promise.all(pair.map((w, i) => killAfter(w, delays[i])));
        for (const p of results) if (p) phases.push(p);
      }
      await waitForNoOtherBackends(c);
      const before = await counts(c);
      console.log(
        `replicas: ${phases.length} kills in ${REPLICA_ROUNDS} rounds of two (${JSON.stringify(tally(phases))}); left for the last pair: ${before.entries} entries, ${before.mail} e-mails`,
      );
    });
    await Promise.all([startWorker(url, dir, 3), startWorker(url, dir, 3)].map(finish));

    const actual = await snapshot(url);
    expect(actual.ledgerOk).toBe(true);
    // nothing credited twice: one remittance per entry, one credit journal per remittance
    expect(Object.values(actual.entries).filter((e) => e.remittances !== 1)).toEqual([]);
    expect(actual.creditJournalsPerEntry).toBe(1);
    expect(compareAll(orderIndependent(expected), orderIndependent(actual))).toEqual([]);
    const mail = await mailFacts(url, dir);
    console.log(`replicas: ${mail.rows} e-mails, ${mail.resent} sent more than once`);
    expect(mail).toMatchObject({ neverSent: 0, sentButNotQueued: 0, filesMatchKeys: true, files: mail.rows });
    expect(phases.length).toBeGreaterThan(0);
  });
});

function tally(xs: string[]) {
  return xs.reduce<Record<string, number>>((t, x) => ((t[x] = (t[x] ?? 0) + 1), t), {});
}
