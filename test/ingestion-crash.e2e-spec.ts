import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, open, readdir, rm, utimes } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { camtEntryXml, camtHead, camtTail, closingFor, type CamtEntrySpec } from './support/camt-builder';
import { createTestDatabase } from './support/test-database';
import { prng } from './support/prng';

/**
 * kill -9 at random points of ingestion. A real worker process (test/support/ingest-worker.ts)
 * ingests a large camt.053 and a smaller one from a local inbox into database A and is killed
 * with SIGKILL again and again at moments picked by a seeded PRNG — while it starts, while it
 * stores the raw copy, inside the file's transaction (parsing and inserting), right after the
 * commit before the file is moved, after the move — then allowed to finish. Database B gets the
 * same files from one uninterrupted run. Both must end up with exactly the same entries, one
 * ingested statement_files row per file, an empty inbox and no claims left behind.
 */

const ROOT = path.resolve(__dirname, '..');
const WORKER = path.join(__dirname, 'support', 'ingest-worker.ts');
const SEED = Number(process.env.REMITD_CRASH_SEED ?? 20261102);
const MIN_KILLS = 20;
const BIG_ENTRIES = 20_000;
const SMALL_ENTRIES = 2_000;
const ACCOUNT = 'DE89370400440532013000';
const RUN_LIMIT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// the bank files

/**
 * Mostly entries with a bank reference; every 25th has none (its natural key is a content
 * hash) and some of those are identical transfers, which are told apart only by their
 * occurrence number: the numbering must come out the same however often the file is retried.
 */
function bigEntries(): CamtEntrySpec[] {
  return Array.from({ length: BIG_ENTRIES }, (_, i): CamtEntrySpec => {
    const noRef = i % 25 === 0;
    const twin = noRef && i % 50 === 0;
    return {
      ref: noRef ? null : `BIG-${i}`,
      amount: twin ? '250.00' : `${(i % 9_000) + 10}.${String(i % 100).padStart(2, '0')}`,
      direction: i % 17 === 0 ? 'DBIT' : 'CRDT',
      remitterName: twin ? 'Same Payer Ltd' : `Remitter ${i % 700}`,
      remitterIban: 'GB29NWBK60161331926819',
      ustrd: twin ? 'monthly fee' : `invoice INV-${i} customer VA-${String(i % 5_000).padStart(6, '0')}`,
      charges: i % 3 === 0 ? '1.50' : undefined,
      instructed: i % 11 === 0 ? { amount: `${(i % 9_000) + 12}.00`, currency: 'USD' } : undefined,
    };
  });
}

function smallEntries(): CamtEntrySpec[] {
  return Array.from({ length: SMALL_ENTRIES }, (_, i) => ({
    ref: `SMALL-${i}`,
    amount: `${(i % 400) + 1}.99`,
    direction: i % 10 === 0 ? ('DBIT' as const) : ('CRDT' as const),
    remitterName: `Small Remitter ${i}`,
    ustrd: `order ${i}`,
  }));
}

/** streams a camt.053 to disk, 1,000 entries per write */
async function writeStatement(
  file: string,
  spec: { id: string; sequence: number; date: string; opening: string; entries: CamtEntrySpec[] },
): Promise<string> {
  const closing = closingFor(spec.opening, spec.entries);
  const fh = await open(file, 'w');
  try {
    await fh.write(
      camtHead({
        statementId: spec.id,
        sequence: spec.sequence,
        date: spec.date,
        account: ACCOUNT,
        opening: spec.opening,
        closing,
      }),
    );
    for (let i = 0; i < spec.entries.length; i += 1_000) {
      await fh.write(
        spec.entries
          .slice(i, i + 1_000)
          .map((e) => camtEntryXml(e, 'EUR', spec.date))
          .join(''),
      );
    }
    await fh.write(camtTail('camt.053'));
  } finally {
    await fh.close();
  }
  return closing;
}

// ---------------------------------------------------------------------------------------------
// the worker

interface Marker {
  t: number;
  event: string;
  file?: string;
  detail?: string;
}

interface KillPlan {
  /** the worker line the delay counts from: 'spawn' = process start, 'committing' = the use case's log line just before a commit */
  anchor: 'spawn' | 'ready' | 'stored' | 'ingest' | 'committing';
  delayMs: number;
}

interface WorkerRun {
  spawnedAt: number;
  exitedAt: number;
  killed: boolean;
  code: number | null;
  markers: Marker[];
  /** Nest "ingested …" log lines: printed inside the transaction, right before its commit */
  committing: string[];
  stderr: string;
}

interface Site {
  name: string;
  url: string;
  dir: string;
  inbox: string;
  dataDir: string;
}

function runWorker(site: Site, plan?: KillPlan): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const spawnedAt = Date.now();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', WORKER, site.inbox], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: site.url, REMITD_DATA_DIR: site.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: WorkerRun = {
      spawnedAt,
      exitedAt: 0,
      killed: false,
      code: null,
      markers: [],
      committing: [],
      stderr: '',
    };
    let timer: NodeJS.Timeout | undefined;
    const armKill = (delayMs: number) => {
      timer ??= setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) {
          run.killed = true;
          child.kill('SIGKILL');
        }
      }, delayMs);
    };
    const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    if (plan?.anchor === 'spawn') armKill(plan.delayMs);
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const m = /^@@ (\d+) (\S+)(?: (\S+))?(?: (.*))?$/.exec(line);
        if (m) {
          const marker: Marker = { t: Number(m[1]), event: m[2], file: m[3], detail: m[4] };
          run.markers.push(marker);
          if (plan && plan.anchor === marker.event) armKill(plan.delayMs);
        } else {
          const committing = /\bingested (\S+) \(/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
          if (committing) {
            run.committing.push(committing[1]);
            if (plan?.anchor === 'committing') armKill(plan.delayMs);
          }
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      clearTimeout(limit);
      run.exitedAt = Date.now();
      run.code = code;
      resolve(run);
    });
  });
}

// ---------------------------------------------------------------------------------------------

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

const committedShas = async (url: string) =>
  new Set(
    (await query<{ sha256: string }>(url, `SELECT sha256 FROM statement_files WHERE status = 'ingested'`)).map(
      (r) => r.sha256,
    ),
  );

async function regularFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

/**
 * Where a kill landed, from the worker's last lines and what the database holds before the run
 * and after the kill.
 */
function phaseOf(
  run: WorkerRun,
  shaOf: Map<string, string>,
  committedBefore: Set<string>,
  committed: Set<string>,
): { phase: string; afterCommit: boolean | null; file: string | null } {
  const last = run.markers[run.markers.length - 1];
  if (!last) return { phase: 'starting up (before any database work)', afterCommit: null, file: null };
  const file = last.file ?? null;
  const isCommitted = file !== null && shaOf.has(file) && committed.has(shaOf.get(file)!);
  if (file !== null && shaOf.has(file) && committedBefore.has(shaOf.get(file)!) && last.event !== 'moved') {
    return { phase: 'finishing a file an earlier run committed (duplicate → move)', afterCommit: true, file };
  }
  switch (last.event) {
    case 'ready':
      return { phase: 'listing the inbox', afterCommit: null, file: null };
    case 'outcome':
      return { phase: 'after a poll, checking the inbox is empty', afterCommit: null, file: null };
    case 'store':
      return { phase: 'storing the raw copy', afterCommit: isCommitted, file };
    case 'stored':
      return { phase: 'claiming the file', afterCommit: isCommitted, file };
    case 'ingest':
      if (isCommitted) return { phase: 'committed, before the use case returned', afterCommit: true, file };
      if (run.committing.includes(file!)) return { phase: 'all entries written, committing', afterCommit: false, file };
      return { phase: 'parsing + inserting inside the transaction', afterCommit: false, file };
    case 'ingested':
      if (last.detail === 'busy')
        return { phase: 'file still claimed by a killed worker (busy)', afterCommit: isCommitted, file };
      return { phase: 'after the commit, before the file move', afterCommit: isCommitted, file };
    case 'move':
      return { phase: 'after the commit, before the file move', afterCommit: isCommitted, file };
    case 'moved':
      return { phase: 'after the file move', afterCommit: isCommitted, file };
    case 'done':
      return { phase: 'finished, exiting', afterCommit: null, file: null };
    default:
      return { phase: `after "${last.event}"`, afterCommit: null, file };
  }
}

async function advisoryLocks(url: string): Promise<number> {
  const [r] = await query<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
     WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
  );
  return r.n;
}

async function otherSessions(url: string): Promise<number> {
  const [r] = await query<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return r.n;
}

async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------------------------

describe('ingestion survives kill -9 at random points', () => {
  let work: string;
  const dbs: { drop(): Promise<void> }[] = [];
  let A: Site;
  let B: Site;
  const SMALL = '2026-11-01-small.xml';
  const BIG = '2026-11-02-big.xml';
  /** oldest first, the order the inbox hands them out: the big one last, so it is the one most kills find in hand */
  const FILES = [SMALL, BIG];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'remitd-crash-'));
    const src = path.join(work, 'src');
    await mkdir(src);
    const closingSmall = await writeStatement(path.join(src, SMALL), {
      id: 'SMALL',
      sequence: 1,
      date: '2026-11-01',
      opening: '1000.00',
      entries: smallEntries(),
    });
    await writeStatement(path.join(src, BIG), {
      id: 'BIG',
      sequence: 2,
      date: '2026-11-02',
      opening: closingSmall,
      entries: bigEntries(),
    });

    const site = async (name: string): Promise<Site> => {
      const db = await createTestDatabase();
      dbs.push(db);
      const dir = path.join(work, name);
      const inbox = path.join(dir, 'inbox');
      await mkdir(inbox, { recursive: true });
      // identical copies, with the modification times that fix the order
      for (const [i, f] of FILES.entries()) {
        await copyFile(path.join(src, f), path.join(inbox, f));
        await utimes(path.join(inbox, f), 1_790_000_000 + i, 1_790_000_000 + i);
      }
      await query(
        db.url,
        `INSERT INTO collection_accounts (id, name, iban, account_number, currencies) VALUES (gen_random_uuid(), 'Main', $1, '0532013000', '{EUR}')`,
        [ACCOUNT],
      );
      return { name, url: db.url, dir, inbox, dataDir: path.join(dir, 'data') };
    };
    A = await site('A');
    B = await site('B');
  }, 120_000);

  afterAll(async () => {
    for (const db of dbs) await db.drop().catch(() => undefined);
    if (work) await rm(work, { recursive: true, force: true });
  });

  it(
    `ends with exactly what one uninterrupted run stores, after at least ${MIN_KILLS} SIGKILLs (seed ${SEED})`,
    async () => {
      // B: one uninterrupted run; its timeline tells how long the phases take on this machine
      const clean = await runWorker(B);
      expect({ code: clean.code, stderr: clean.stderr }).toMatchObject({ code: 0 });
      expect(clean.markers.map((m) => m.event)).toContain('done');
      const at = (event: string, file?: string) =>
        clean.markers.find((m) => m.event === event && (!file || m.file === file))!.t;
      const total = clean.exitedAt - clean.spawnedAt;
      const startup = at('ready') - clean.spawnedAt;
      const bigTransaction = at('ingested', BIG) - at('ingest', BIG);
      const shaOf = new Map(clean.markers.filter((m) => m.event === 'stored').map((m) => [m.file!, m.detail!]));
      /** how long a run takes on this machine for what is left: B's timeline, file by file */
      const expectedRun = (pending: string[], committed: Set<string>) => {
        let ms = startup + (clean.exitedAt - at('moved', FILES[FILES.length - 1]));
        for (const f of pending)
          ms += committed.has(shaOf.get(f)!) ? at('stored', f) - at('store', f) + 20 : at('moved', f) - at('store', f);
        return ms;
      };

      // A: killed again and again. Most kills come at a uniform moment of what is left of the
      // run after start-up (so they land while it lists, stores, parses, inserts, commits,
      // moves, in proportion to how long each takes; the last tenth is left out, or one lucky
      // run would finish everything and leave nothing to kill), some during start-up; others are
      // aimed after a worker line to hit short windows: the claim, a file's transaction. The
      // last kills are aimed at the commit itself (a few ms around it, from the log line the
      // use case prints just before it), so they land just before or just after a commit.
      const rnd = prng(SEED);
      const AIMED_AT_COMMIT = 3;
      const drawAnchor = (killsSoFar: number, commitAhead: boolean): KillPlan['anchor'] => {
        if (commitAhead && killsSoFar >= MIN_KILLS - AIMED_AT_COMMIT) return 'committing';
        const r = rnd();
        return r < 0.15 ? 'spawn' : r < 0.75 ? 'ready' : r < 0.85 ? 'stored' : 'ingest';
      };
      const pick = (expected: number, killsSoFar: number, commitAhead: boolean): KillPlan => {
        const anchor = drawAnchor(killsSoFar, commitAhead);
        const delayMs = {
          spawn: () => rnd() * startup * 1.5,
          ready: () => rnd() * (expected - startup) * 0.9,
          stored: () => rnd() * 40,
          ingest: () => rnd() * bigTransaction,
          committing: () => rnd() * 15,
        }[anchor]();
        return { anchor, delayMs };
      };
      const kills: { plan: KillPlan; phase: string; afterCommit: boolean | null; file: string | null }[] = [];
      let completedRuns = 0;
      for (let attempt = 0; kills.length < MIN_KILLS; attempt++) {
        if (attempt > 200) throw new Error(`only ${kills.length} kills landed in 200 attempts`);
        // files a killed run had claimed (renamed into work/) come first, as the inbox hands them out
        const pending = [...(await regularFiles(path.join(A.inbox, 'work'))), ...(await regularFiles(A.inbox))];
        const committedBefore = await committedShas(A.url);
        const commitAhead = pending.some((f) => !committedBefore.has(shaOf.get(f)!));
        const plan = pick(expectedRun(pending, committedBefore), kills.length, commitAhead);
        const run = await runWorker(A, plan);
        if (!run.killed) {
          // it finished before the kill was due: fine, the next run starts on what is left
          expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
          completedRuns++;
          continue;
        }
        kills.push({ plan, ...phaseOf(run, shaOf, committedBefore, await committedShas(A.url)) });
      }
      const last = await runWorker(A);
      expect({ code: last.code, stderr: last.stderr }).toMatchObject({ code: 0 });
      expect(last.markers.map((m) => m.event)).toContain('done');

      // what landed where
      const byPhase = new Map<string, number>();
      for (const k of kills) byPhase.set(k.phase, (byPhase.get(k.phase) ?? 0) + 1);
      const before = kills.filter((k) => k.afterCommit === false).length;
      const after = kills.filter((k) => k.afterCommit === true).length;
      console.log(
        [
          `seed ${SEED}: ${kills.length} SIGKILLs, ${completedRuns} run(s) finished before their kill was due, then one final run`,
          `clean run: ${total} ms (start-up ${startup} ms, big file's transaction ${bigTransaction} ms)`,
          `kills with the file in hand not yet committed: ${before}; with it already committed: ${after}; with no file in hand: ${kills.length - before - after}`,
          ...[...byPhase].map(([phase, n]) => `  ${String(n).padStart(3)} × ${phase}`),
          ...kills.map(
            (k, i) =>
              `  #${String(i + 1).padStart(2)} ${k.plan.anchor} + ${Math.round(k.plan.delayMs)} ms → ${k.phase}${k.file ? ` (${k.file})` : ''}`,
          ),
        ].join('\n'),
      );
      // the whole point: some kills hit a file's open transaction
      expect(
        kills.some((k) => k.phase.startsWith('parsing + inserting') || k.phase.startsWith('all entries written')),
      ).toBe(true);

      // no claim survives its process, and every killed worker's session is gone
      await eventually('advisory locks released', async () => (await advisoryLocks(A.url)) === 0);
      await eventually('sessions of killed workers gone', async () => (await otherSessions(A.url)) === 0);
      expect(await advisoryLocks(B.url)).toBe(0);

      // the same entries, field for field, in A and B
      const entriesSql = `SELECT account_key, natural_key, amount::text AS amount, currency, direction, status
                          FROM statement_entries ORDER BY account_key, natural_key`;
      const entriesA = await query<Record<string, string>>(A.url, entriesSql);
      const entriesB = await query<Record<string, string>>(B.url, entriesSql);
      expect(entriesB).toHaveLength(BIG_ENTRIES + SMALL_ENTRIES);
      expect(entriesA).toHaveLength(entriesB.length);
      expect(entriesA).toEqual(entriesB);
      expect(
        entriesA.filter((e) => e.natural_key.startsWith('hash:') && e.natural_key.endsWith(':2')).length,
      ).toBeGreaterThan(0);

      // one ingested row per file, and the same statements and alerts
      const filesSql = `SELECT sha256, file_name, status, entry_count, new_entry_count FROM statement_files ORDER BY sha256`;
      const filesA = await query<Record<string, unknown>>(A.url, filesSql);
      expect(filesA).toHaveLength(2);
      expect(filesA.every((f) => f.status === 'ingested')).toBe(true);
      expect(filesA).toEqual(await query(B.url, filesSql));
      const statementsSql = `SELECT statement_ref, entry_count, opening_balance::text, closing_balance::text, balanced FROM statements ORDER BY statement_ref`;
      expect(await query(A.url, statementsSql)).toEqual(await query(B.url, statementsSql));
      const alertsSql = `SELECT kind, message FROM statement_alerts ORDER BY kind, message`;
      expect(await query(A.url, alertsSql)).toEqual(await query(B.url, alertsSql));

      // the inboxes are empty, processed/ holds the files, the raw copies are there
      for (const site of [A, B]) {
        expect(await regularFiles(site.inbox)).toEqual([]);
        expect(await regularFiles(path.join(site.inbox, 'work'))).toEqual([]);
        expect(await regularFiles(path.join(site.inbox, 'processed'))).toEqual([...FILES].sort());
        expect(await regularFiles(path.join(site.inbox, 'failed'))).toEqual([]);
        for (const f of filesA)
          expect(existsSync(path.join(site.dataDir, 'raw', String(f.sha256).slice(0, 2), String(f.sha256)))).toBe(true);
      }
    },
    5 * 60_000,
  );
});
