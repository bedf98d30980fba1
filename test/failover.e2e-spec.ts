import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { ApiKeysService } from '@remitd/access';
import { loadConfig } from '@remitd/config';
import { LedgerVerifier } from '@remitd/ledger';
import { DEDUPE_KEY_HEADER } from '@remitd/notifications';
import { PrismaService } from '@remitd/persistence';
import { createAdminApi } from '../apps/admin-api/src/main';
import { buildCamt, type CamtEntrySpec } from './support/camt-builder';
import { migrate, startReplicatedPostgres, waitFor, type ReplicatedPostgres } from './support/pg-replication';
import { prng } from './support/prng';
import { startSmtpServer, type TestSmtpServer } from './support/smtp-server';
import { startTcpProxy } from './support/tcp-proxy';

/**
 * A primary failover while the system works. PostgreSQL runs as a primary and a synchronous
 * streaming hot standby; the admin API (in this process) and a real reconciler process (its
 * schedulers polling an inbox, sending e-mail over real SMTP) reach it through one TCP endpoint,
 * as through a load balancer. While a statement file is being reconciled and manual payments
 * arrive over the API, the primary crashes (immediate shutdown), the standby is promoted and
 * the endpoint repointed to it. Afterwards nothing is lost or doubled: every entry of the file
 * once (natural keys) and credited once (exact balances), every bill paid once, one e-mail per
 * dedupe key, the ledger verifies.
 */

const ROOT = path.resolve(__dirname, '..');
const COLLECTION = 'DE89370400440532013000';
const PAYERS = 6;
const CREDITED = 10;
const ENTRIES_EACH = 15;
const BILLS = [
  ['2026-08', '10.00'],
  ['2026-09', '20.00'],
  ['2026-10', '30.00'],
] as const;

jest.setTimeout(240_000);

/** REMITD_FAILOVER_DEBUG=1: each step and the reconciler's log on stderr */
const debug = process.env.REMITD_FAILOVER_DEBUG
  ? (m: string) => process.stderr.write(`[failover ${new Date().toISOString()}] ${m}\n`)
  : () => undefined;

interface Customer {
  id: string;
  name: string;
  virtualAccount: string;
}

describe('failover of the primary', () => {
  let pg: ReplicatedPostgres;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let smtp: TestSmtpServer;
  let api: INestApplication;
  let reconciler: ChildProcess | undefined;
  let reconcilerLog = '';
  let dir: string;
  let closeSql = async () => undefined as void;

  afterAll(async () => {
    debug(`reconciler log:\n${reconcilerLog}`);
    if (reconciler && reconciler.exitCode === null) {
      const exited = new Promise((r) => reconciler!.once('exit', r));
      reconciler.kill('SIGTERM');
      await exited;
    }
    await closeSql();
    await api?.close();
    await smtp?.close();
    await proxy?.close();
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loses and doubles nothing while the standby is promoted under reconciliation and payments', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'remitd-failover-apps-'));
    const inbox = path.join(dir, 'inbox');
    mkdirSync(inbox);
    pg = await startReplicatedPostgres({ prepare: migrate });
    debug(`replicated postgres up`);
    const primaryPort = Number(new URL(pg.primary.url).port);
    proxy = await startTcpProxy(primaryPort);
    const url = pg.urlOn(proxy.port, 'remitd');
    smtp = await startSmtpServer();

    // a real reconciler process (started first: it boots while the API seeds): its schedulers poll the inbox, reconcile, send the e-mails
    reconciler = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/reconciler/src/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: url,
        REMITD_DATA_DIR: path.join(dir, 'reconciler'),
        RECONCILER_PORT: '0',
        REMITD_INBOX_DIR: inbox,
        REMITD_INBOX_MIN_AGE_MS: '0',
        REMITD_POLL_INTERVAL_MS: '200',
        REMITD_RECONCILE_BATCH_SIZE: '2',
        REMITD_RECONCILE_CONCURRENCY: '2',
        DB_POOL_SIZE: '4',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: 'billing@remitd.test',
        // a message claimed on the old primary whose send was never recorded is tried again soon
        REMITD_NOTIFICATION_LEASE_MS: '3000',
      },
    });
    reconciler.stdout!.on('data', (d: Buffer) => (reconcilerLog += d.toString()));
    reconciler.stderr!.on('data', (d: Buffer) => (reconcilerLog += d.toString()));
    const config = loadConfig({
      DATABASE_URL: url,
      ADMIN_API_PORT: '0',
      RECONCILER_PORT: '0',
      REMITD_DATA_DIR: path.join(dir, 'api'),
      DB_POOL_SIZE: '8',
    });
    api = await createAdminApi(config, { logger: false });
    await api.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
    const key = (await api.get(ApiKeysService).ensureBootstrapKey())!;
    const prisma = api.get(PrismaService);

    /** one HTTP call; a client that gets no answer or a 5xx tries again with the same Idempotency-Key */
    const call = async (method: string, p: string, body: unknown, idem?: string) => {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await fetch(base + p, {
            method,
            headers: {
              authorization: `Bearer ${key}`,
              'content-type': 'application/json',
              ...(idem ? { 'idempotency-key': idem } : {}),
            },
            body: JSON.stringify(body),
          });
          const json = (await res.json()) as Record<string, unknown>;
          if (res.status < 500) return { status: res.status, body: json, attempt };
        } catch {
          // the API answers even when the database does not: only a broken socket lands here
        }
        if (attempt > 600) throw new Error(`${method} ${p} never succeeded`);
        await new Promise((r) => setTimeout(r, 50)); // a client's backoff, not a wait for a condition
      }
    };
    const created = async (method: string, p: string, body: unknown, idem: string) => {
      const r = await call(method, p, body, idem);
      if (r.status !== 201) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    await created(
      'POST',
      '/collection-accounts',
      { name: 'Main collection', iban: COLLECTION, bic: 'COBADEFFXXX', currencies: ['EUR'] },
      'ca',
    );
    const customer = async (n: number): Promise<Customer> => {
      const c = await created(
        'POST',
        '/customers',
        // bills are paid by the API calls only, not by the automatic settlement sweep
        { name: `Failover ${n} Ltd`, email: `c${n}@customer.example`, currency: 'EUR', autoBillSettlement: false },
        `c-${n}`,
      );
      const va = await created('POST', `/customers/${c.id as string}/virtual-accounts`, {}, `va-${n}`);
      return { id: c.id as string, name: c.name as string, virtualAccount: va.number as string };
    };
    debug(`api up`);
    const payers: Customer[] = [];
    for (let n = 0; n < PAYERS; n++) payers.push(await customer(n));
    const credited: Customer[] = [];
    for (let n = 0; n < CREDITED; n++) credited.push(await customer(PAYERS + n));

    const drop = (name: string, content: string) => {
      // written beside the inbox and moved in: the poller never sees half a file
      const tmp = path.join(dir, name);
      writeFileSync(tmp, content);
      renameSync(tmp, path.join(inbox, name));
    };
    // one connection for the test's own queries, opened again after the failover cut it
    let conn: Client | null = null;
    const sql = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
      if (!conn) {
        const c = new Client({ connectionString: url });
        c.on('error', () => (conn = conn === c ? null : conn));
        await c.connect();
        conn = c;
      }
      const c = conn;
      try {
        return (await c.query(text, values)).rows as T[];
      } catch (e) {
        if (conn === c) conn = null;
        await c.end().catch(() => undefined);
        throw e;
      }
    };
    closeSql = async () => {
      await conn?.end().catch(() => undefined);
    };

    // the payers' money first: 100.00 each, reconciled before their bills exist
    drop(
      'funding.xml',
      buildCamt({
        statementId: 'FAILOVER-1',
        account: COLLECTION,
        entries: payers.map((c, n) => ({
          ref: `FUND-${n}`,
          amount: '100.00',
          creditedAccount: c.virtualAccount,
          remitterName: c.name,
        })),
      }),
    );
    await waitFor('the funding is reconciled', async () => {
      const [r] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM remittances r JOIN statement_entries e ON e.id = r.entry_id WHERE r.state = 'credited'`,
      );
      return r.n === PAYERS;
    });
    debug(`funding reconciled`);
    const bills: { id: string; customerId: string }[] = [];
    for (const c of payers)
      for (const [cycle, amount] of BILLS) {
        const [y, m] = cycle.split('-').map(Number);
        const b = await prisma.bill.create({
          data: {
            customerId: c.id,
            reference: `B-${cycle.replace('-', '')}-${c.id.slice(0, 8)}`,
            billingCycle: cycle,
            issuedAt: new Date(Date.UTC(y, m, 2, 12)),
            currency: 'EUR',
            amount,
          },
        });
        bills.push({ id: b.id, customerId: c.id });
      }

    // the file reconciled across the failover: ENTRIES_EACH credits to every credited customer
    const rnd = prng(20261203);
    const expected = new Map<string, bigint>();
    const entries: CamtEntrySpec[] = [];
    for (let i = 0; i < ENTRIES_EACH; i++)
      for (const [n, c] of credited.entries()) {
        const cents = 100 + Math.floor(rnd() * 50_000);
        expected.set(c.id, (expected.get(c.id) ?? 0n) + BigInt(cents));
        entries.push({
          ref: `FO-${i}-${n}`,
          amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
          creditedAccount: c.virtualAccount,
          remitterName: c.name,
        });
      }
    drop('big.xml', buildCamt({ statementId: 'FAILOVER-2', account: COLLECTION, entries }));

    // payments over the API: half before the crash, half started as it happens (and so during the outage)
    let crashing!: () => void;
    const crashed = new Promise<void>((r) => (crashing = r));
    const outcomes: { bill: string; status: number; attempt: number; replayed: boolean }[] = [];
    const pay = async (list: typeof bills) => {
      for (const b of list) {
        const r = await call('POST', `/bills/${b.id}/payments`, {}, `pay-${b.id}`);
        outcomes.push({ bill: b.id, status: r.status, attempt: r.attempt, replayed: false });
      }
    };
    const half = bills.length / 2;
    const before = [0, 1].map((w) => pay(bills.slice(0, half).filter((_, i) => i % 2 === w)));
    const during = [0, 1, 2].map((w) => crashed.then(() => pay(bills.slice(half).filter((_, i) => i % 3 === w))));

    // the crash comes while the big file is being reconciled: some of it done, most of it not
    const total = PAYERS + entries.length;
    await waitFor(
      'reconciliation is under way',
      async () => {
        const [r] = await sql<{ done: number; queued: number }>(
          `SELECT (SELECT count(*)::int FROM remittances) AS done, (SELECT count(*)::int FROM reconcile_queue) AS queued`,
        );
        return r.done > PAYERS + 20 && r.queued > 60;
      },
      90_000,
    );
    await Promise.all(before);
    const [at] = await sql<{ done: number }>(`SELECT count(*)::int AS done FROM remittances`);
    debug(`crashing at ${at.done}`);
    crashing();
    await pg.crashPrimary();
    await pg.promoteStandby();
    debug(`promoted`);
    proxy.repoint(pg.standby.port);

    debug(`repointed`);
    await Promise.all(during);
    let shown = 0;
    await waitFor(
      'every entry is reconciled and every e-mail sent',
      async () => {
        const [r] = await sql<{ done: number; queued: number; pending: number }>(
          `SELECT (SELECT count(*)::int FROM remittances) AS done,
                  (SELECT count(*)::int FROM reconcile_queue) AS queued,
                  (SELECT count(*)::int FROM notifications WHERE status <> 'sent') AS pending`,
        );
        if (Date.now() - shown > 2000) {
          shown = Date.now();
          debug(`progress ${JSON.stringify(r)} payments ${outcomes.length}`);
        }
        return r.done === total && r.queued === 0 && r.pending === 0;
      },
      90_000,
      200,
    );
    debug(`converged`);
    // the endpoint now reaches the promoted standby
    const [server] = await sql<{ port: number; recovering: boolean }>(
      `SELECT current_setting('port')::int AS port, pg_is_in_recovery() AS recovering`,
    );
    expect(server).toEqual({ port: pg.standby.port, recovering: false });
    expect(at.done).toBeLessThan(total);

    // every entry of the file once, by its natural key, and credited once
    const perEntry = await sql<{ n: number; remittances: number }>(
      `SELECT count(*)::int AS n, count(r.id)::int AS remittances
         FROM statement_entries e LEFT JOIN remittances r ON r.entry_id = e.id`,
    );
    expect(perEntry[0]).toEqual({ n: total, remittances: total });
    const keys = await sql<{ n: number }>(
      `SELECT count(DISTINCT (account_key, natural_key))::int AS n FROM statement_entries`,
    );
    expect(keys[0].n).toBe(total);
    const cash = await sql<{ customer: string; cents: string }>(
      `SELECT split_part(code, ':', 2) AS customer, (balance * 100)::bigint::text AS cents
         FROM ledger_accounts WHERE code LIKE 'customer:%:cash:EUR'`,
    );
    const balances = new Map(cash.map((r) => [r.customer, BigInt(r.cents)]));
    for (const c of credited) expect([c.name, balances.get(c.id)]).toEqual([c.name, expected.get(c.id)]);

    // every bill paid exactly once; the payers paid 60.00 of their 100.00
    expect(outcomes).toHaveLength(bills.length);
    expect(outcomes.filter((o) => o.status !== 201)).toEqual([]);
    const paid = await sql<{ bill: string; status: string; repayments: number }>(
      `SELECT b.id AS bill, b.status, count(r.id)::int AS repayments
         FROM bills b LEFT JOIN repayments r ON r.bill_id = b.id GROUP BY b.id, b.status`,
    );
    expect(paid).toHaveLength(bills.length);
    for (const p of paid) expect(p).toEqual({ bill: p.bill, status: 'settled', repayments: 1 });
    for (const c of payers) expect([c.name, balances.get(c.id)]).toEqual([c.name, 4000n]);
    // a retry of a payment after the failover answers with the first outcome
    const again = await call(
      'POST',
      `/bills/${bills[bills.length - 1].id}/payments`,
      {},
      `pay-${bills[bills.length - 1].id}`,
    );
    expect(again.status).toBe(201);

    // one funds-received e-mail per credited entry, each dedupe key seen over SMTP
    const outbox = await sql<{ dedupe_key: string }>(`SELECT dedupe_key FROM notifications ORDER BY dedupe_key`);
    expect(outbox.filter((o) => o.dedupe_key.startsWith('funds-received:'))).toHaveLength(total);
    const received = new Set(smtp.messages.map((m) => String(m.headers.get(DEDUPE_KEY_HEADER.toLowerCase()))));
    expect([...received].sort()).toEqual(outbox.map((o) => o.dedupe_key));

    const report = await api.get(LedgerVerifier).verify();
    expect(report).toMatchObject({ ok: true });

    const retried = (reconcilerLog.match(/retried after a lost connection/g) ?? []).length;
    process.stdout.write(
      `${JSON.stringify({
        failover: {
          entries: total,
          reconciledAtCrash: at.done,
          payments: outcomes.length,
          paymentsRetriedByClient: outcomes.filter((o) => o.attempt > 0).length,
          reconcilerTransactionsRetried: retried,
          emails: smtp.messages.length,
          distinctEmails: received.size,
        },
      })}\n`,
    );
  });
});
