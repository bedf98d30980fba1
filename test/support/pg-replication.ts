/**
 * PostgreSQL as a primary plus a streaming hot standby, made with nothing but the embedded
 * binaries (initdb, postgres): the standby is a copy of the primary's data directory taken
 * between pg_backup_start and pg_backup_stop (the low-level backup API), with the backup_label
 * pg_backup_stop returns, standby.signal, primary_conninfo and a physical replication slot. It
 * then streams the WAL it lacks from the slot. pg_basebackup is not needed.
 *
 * Replication is synchronous (synchronous_standby_names names the standby) once it streams, as a
 * set-up that promises no loss on failover has it: a commit is acknowledged only when the
 * standby has it too.
 */
import {
  chownSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  postgresOsUser,
  startEmbeddedPostgres,
  startPostgresServer,
  type OsUser,
  type RunningPostgres,
} from '../../libs/persistence/src/embedded-postgres';
import { freePort } from './free-port';

const SLOT = 'standby1';
const ROOT = path.resolve(__dirname, '..', '..');

/** `npm run db:migrate` on `url` (the migration engine is ESM: a process of its own, as in production) */
export async function migrate(url: string): Promise<void> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`migrations failed (${code}): ${out}`);
}

export interface ReplicatedPostgres {
  primary: RunningPostgres;
  standby: { port: number; pid: number; adminUrl: string };
  /** a URL of `database` on the primary's or the standby's port */
  urlOn(port: number, database: string): string;
  /** waits until the standby has replayed everything the primary has written so far */
  caughtUp(): Promise<void>;
  /** the primary dies as in a crash: immediate shutdown, no checkpoint, clients cut off */
  crashPrimary(): Promise<void>;
  /** the standby becomes a primary (pg_promote, waiting until it accepts writes) */
  promoteStandby(): Promise<void>;
  stop(): Promise<void>;
}

/** `prepare` runs on the primary before the standby is copied from it (migrations: copied, not streamed). */
export async function startReplicatedPostgres(
  opts: { prepare?: (primaryUrl: string) => Promise<unknown>; log?: (line: string) => void } = {},
): Promise<ReplicatedPostgres> {
  const log = opts.log;
  const dir = mkdtempSync(path.join(tmpdir(), 'remitd-failover-'));
  const primary = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'primary'),
    port: await freePort(),
    persistent: false,
    settings: { wal_level: 'replica', max_wal_senders: '5', max_replication_slots: '5', hot_standby: 'on' },
    log,
  });
  const user = postgresOsUser();
  let standbyServer: { pid: number; stop(): Promise<void> } | null = null;
  const standbyDir = mkdtempSync(path.join(tmpdir(), 'remitd-standby-'));
  const cleanup = async () => {
    await standbyServer?.stop().catch(() => undefined);
    await primary.stop().catch(() => undefined);
    rmSync(standbyDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const password = decodeURIComponent(new URL(primary.adminUrl).password);
    const primaryPort = Number(new URL(primary.adminUrl).port);
    const standbyPort = await freePort();
    await opts.prepare?.(primary.url);
    await withClient(primary.adminUrl, async (c) => {
      // reserved now: the WAL from here on stays on the primary until the standby has streamed it
      await c.query('SELECT pg_create_physical_replication_slot($1, true)', [SLOT]);
      await c.query(`SELECT pg_backup_start('standby', true)`);
      copyClusterDir(primary.clusterDir, standbyDir, user);
      const stop = await c.query<{ labelfile: string; spcmapfile: string | null }>(
        'SELECT labelfile, spcmapfile FROM pg_backup_stop(false)',
      );
      writeOwned(path.join(standbyDir, 'backup_label'), stop.rows[0].labelfile, user);
      if (stop.rows[0].spcmapfile) writeOwned(path.join(standbyDir, 'tablespace_map'), stop.rows[0].spcmapfile, user);
    });
    writeOwned(path.join(standbyDir, 'standby.signal'), '', user);
    const conninfo = `host=127.0.0.1 port=${primaryPort} user=postgres password=${password} application_name=${SLOT}`;
    writeOwned(
      path.join(standbyDir, 'postgresql.auto.conf'),
      `primary_conninfo = '${conninfo}'\nprimary_slot_name = '${SLOT}'\n`,
      user,
    );
    standbyServer = await startPostgresServer({
      clusterDir: standbyDir,
      port: standbyPort,
      settings: { hot_standby: 'on', max_connections: '300', listen_addresses: '127.0.0.1' },
      log,
    });
    const urlOn = (port: number, database: string) => {
      const u = new URL(primary.adminUrl);
      u.port = String(port);
      u.pathname = `/${database}`;
      return u.toString();
    };
    const standbyAdminUrl = urlOn(standbyPort, 'postgres');
    /** the standby as the primary sees it in pg_stat_replication */
    const standbyIs = (what: string, condition: string) =>
      waitFor(what, () =>
        withClient(primary.adminUrl, async (c) => {
          const r = await c.query(`SELECT 1 FROM pg_stat_replication WHERE application_name = $1 AND ${condition}`, [
            SLOT,
          ]);
          return r.rowCount === 1;
        }),
      );
    await standbyIs('the standby streams from the primary', `state = 'streaming'`);
    await withClient(primary.adminUrl, async (c) => {
      await c.query(`ALTER SYSTEM SET synchronous_standby_names = '${SLOT}'`);
      await c.query('SELECT pg_reload_conf()');
    });
    await standbyIs('the standby is synchronous', `sync_state = 'sync'`);
    const server = standbyServer;
    return {
      primary,
      standby: { port: standbyPort, pid: server.pid, adminUrl: standbyAdminUrl },
      urlOn,
      caughtUp: async () => {
        const lsn = await withClient(primary.adminUrl, async (c) => {
          const r = await c.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
          return r.rows[0].lsn;
        });
        await waitFor('the standby replays the primary', () =>
          withClient(standbyAdminUrl, async (c) => {
            const r = await c.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
            return r.rows[0].ok;
          }),
        );
      },
      crashPrimary: async () => {
        process.kill(primary.pid, 'SIGQUIT');
        await waitFor('the primary is gone', async () => {
          try {
            process.kill(primary.pid, 0);
            return false;
          } catch {
            return true;
          }
        });
      },
      promoteStandby: async () => {
        await withClient(standbyAdminUrl, (c) => c.query('SELECT pg_promote(true, 60)'));
        await waitFor('the promoted standby accepts writes', () =>
          withClient(standbyAdminUrl, async (c) => {
            const r = await c.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering');
            return !r.rows[0].recovering;
          }),
        );
      },
      stop: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Polls `ok` (every `everyMs`, up to `timeoutMs`); a failing probe counts as "not yet". */
export async function waitFor(
  what: string,
  ok: () => Promise<boolean>,
  timeoutMs = 60_000,
  everyMs = 20,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      if (await ok()) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}${last ? ` (${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Written as the postgres OS user would own it (we may be root), mode 0600. */
function writeOwned(file: string, content: string, user: OsUser | null): void {
  writeFileSync(file, content, { mode: 0o600 });
  if (user) chownSync(file, user.uid, user.gid);
}

/**
 * Not needed in a base backup (PostgreSQL's own list): the WAL comes by streaming, the slots and
 * the run-time state are the primary's own.
 */
const SKIP_CONTENTS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
]);
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map']);

/**
 * A copy of a running cluster's files. Files come and go while it runs (temporary files,
 * statistics): one that vanished between listing and copying is skipped, as PostgreSQL allows
 * in a base backup (the WAL replayed from the backup's start makes the copy consistent).
 */
function copyClusterDir(from: string, to: string, user: OsUser | null, top = true): void {
  for (const name of readdirSync(from)) {
    if (top && SKIP_FILES.has(name)) continue;
    const src = path.join(from, name);
    const dst = path.join(to, name);
    const st = lstatSync(src, { throwIfNoEntry: false });
    if (!st) continue;
    try {
      if (st.isDirectory()) {
        mkdirSync(dst, { mode: st.mode & 0o777 });
        if (!(top && SKIP_CONTENTS.has(name))) copyClusterDir(src, dst, user, false);
        else if (name === 'pg_wal') mkdirSync(path.join(dst, 'archive_status'), { mode: 0o700 });
      } else if (st.isSymbolicLink()) {
        symlinkSync(readlinkSync(src), dst);
      } else {
        copyFileSync(src, dst);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    if (user) {
      chownSync(dst, user.uid, user.gid);
      if (name === 'pg_wal' && top) chownSync(path.join(dst, 'archive_status'), user.uid, user.gid);
    }
  }
  if (top && user) chownSync(to, user.uid, user.gid);
}
