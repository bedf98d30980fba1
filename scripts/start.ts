/**
 * `npm start`: the whole system on one machine with no set-up. `npm run start:prod` runs the
 * same file as built by `npm run build` (dist/scripts/start.js), with the apps from dist/ under
 * plain node.
 * Without DATABASE_URL it starts an embedded PostgreSQL whose data lives in .data/pg (kept
 * across restarts), applies the migrations, then runs the reconciler and the admin API as two
 * processes (and the payment gateway simulator, unless REMITD_GATEWAY_URL names a gateway). Ctrl-C stops everything cleanly; after a SIGKILL the apps and the database stop by
 * themselves, and the next start takes over whatever did not.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reconcilerNodeFlags } from '../libs/config/src/node-flags';
import { ensurePrivateDir, isAlive, writePrivateFile } from '../libs/core/src';
import { embeddedPgPort, remitdDataDir } from '../libs/persistence/src/database-location';
import { startEmbeddedPostgres, type RunningPostgres } from '../libs/persistence/src/embedded-postgres';
import { migrateDeploy, REPO_ROOT } from '../libs/persistence/src/migrator';
import { ensureConsoleBundle } from './console-bundle';

const log = (m: string) => console.log(`[remitd] ${m}`);
/** run from its build (dist/scripts/start.js): the apps are the built ones too */
const BUILT = path.extname(__filename) === '.js';

function appCommand(app: string): string[] {
  // the reconciler's heap is capped (REMITD_RECONCILER_HEAP_MB): see libs/config/src/node-flags.ts
  const flags = app === 'reconciler' ? reconcilerNodeFlags() : [];
  return BUILT
    ? [...flags, '--enable-source-maps', path.join(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js')]
    : [...flags, '-r', '@swc-node/register', path.join(REPO_ROOT, 'apps', app, 'src', 'main.ts')];
}

/**
 * One `npm start` per data directory: its pid in `remitd.pid`. This is also what lets the start
 * stop a database server it finds running there: no live start owns it, so a killed one left it.
 */
function claimDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'remitd.pid');
  let owner = 0;
  try {
    owner = Number(readFileSync(file, 'utf8').trim());
  } catch {
    // first start
  }
  if (owner > 0 && owner !== process.pid && isAlive(owner) && isStart(owner))
    throw new Error(`remitd is already running on ${dataDir} (pid ${owner})`);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (Number(readFileSync(file, 'utf8').trim()) === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

/** whether `pid` runs this script (not an unrelated process that reused a dead start's pid) */
function isStart(pid: number): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    cmdline = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).stdout ?? '';
  }
  return /scripts[/\\]start\.[jt]s/.test(cmdline);
}

/**
 * `npm start` runs this file under `sh -c`, and neither passes on what happens to npm: a SIGKILL
 * leaves the shell and us running, and npm 11 answers a SIGTERM by killing the shell, which does
 * not pass it on. Without a watch, this process and everything it started would outlive npm
 * (holding the ports, so the next start fails). Stop when our parent or that npm is gone.
 */
function watchLauncher(stop: () => void): void {
  const parent = process.ppid;
  const npm = process.env.npm_lifecycle_event ? npmAncestor() : null;
  const timer = setInterval(() => {
    if (process.ppid !== parent || (npm !== null && !isAlive(npm))) {
      clearInterval(timer);
      log(npm !== null && !isAlive(npm) ? 'npm is gone' : 'the process that started this one is gone');
      stop();
    }
  }, 1000);
  timer.unref();
}

/** the npm process above us: our parent, or the shell's parent (Linux: read from /proc) */
function npmAncestor(): number | null {
  let pid = process.ppid;
  for (let depth = 0; depth < 2 && pid > 1; depth++) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (/(^|\/)npm( |$)/.test(argv[0]) || /npm-cli\.js$/.test(argv[1] ?? '')) return pid;
      pid = Number(
        readFileSync(`/proc/${pid}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ')[1],
      );
    } catch {
      return null;
    }
  }
  return null;
}

async function main() {
  // found as every command finds it (`npm run remitd`, db:status, ledger:verify)
  const dataDir = remitdDataDir();
  // it holds the API key, the database password and bank files
  ensurePrivateDir(dataDir);
  const release = claimDataDir(dataDir);
  let pg: RunningPostgres | null = null;
  const env: Record<string, string | undefined> = { ...process.env, REMITD_DATA_DIR: dataDir };
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(
      children.map((c) =>
        c.exitCode !== null || c.signalCode !== null
          ? null
          : new Promise((r) => {
              c.once('exit', r);
              c.kill('SIGTERM');
              setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
            }),
      ),
    );
    if (pg) await pg.stop();
    release();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  watchLauncher(() => void stop());

  try {
    if (!process.env.DATABASE_URL) {
      const port = embeddedPgPort();
      log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.join(dataDir, 'pg')})`);
      pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, persistent: true, takeOver: true });
      env.DATABASE_URL = pg.url;
    } else {
      log('using DATABASE_URL');
    }
    const applied = await migrateDeploy(env.DATABASE_URL!);
    log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  } catch (e) {
    stopping = true;
    await pg?.stop();
    release();
    throw e;
  }
  const inbox = path.join(dataDir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  // the key TOTP seeds are sealed with at rest: generated once, kept beside the database (0600)
  if (!process.env.REMITD_SECRETS_KEY) {
    const keyFile = path.join(dataDir, 'secrets-key');
    let key = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '';
    if (!key) {
      key = randomBytes(32).toString('base64');
      writePrivateFile(keyFile, key + '\n');
      log(`generated the secrets key in ${keyFile} (back it up with the database)`);
    }
    env.REMITD_SECRETS_KEY = key;
  }
  // the admin API serves the console at /console: built on first start (and after a change)
  try {
    ensureConsoleBundle(log);
  } catch (e) {
    log(`${e instanceof Error ? e.message : e}: the API runs without the console`);
  }

  const run = (name: string, app: string) => {
    // the IPC channel is how the app notices this process is gone, even after a SIGKILL
    const child = spawn(process.execPath, appCommand(app), {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    log(`${name} started (pid ${child.pid})`);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        log(`${name} exited (${signal ?? code}); stopping`);
        void stop(1);
      }
    });
    children.push(child);
  };
  // the payment gateway: the simulator unless REMITD_GATEWAY_URL points at a real one
  if (!process.env.REMITD_GATEWAY_URL) {
    const port = process.env.REMITD_GATEWAY_PORT ?? '3002';
    env.REMITD_GATEWAY_PORT = port;
    env.REMITD_GATEWAY_URL = `http://127.0.0.1:${port}`;
    env.GATEWAY_WEBHOOK_URL ??= `http://127.0.0.1:${process.env.ADMIN_API_PORT ?? '3000'}/webhooks/gateway`;
    run('gateway-simulator', 'gateway-simulator');
  }
  run('reconciler', 'reconciler');
  run('admin-api', 'admin-api');
  log(
    `drop bank statement files into ${inbox}; e-mails are written to ${path.join(dataDir, 'mail')} (unless SMTP_HOST is set)`,
  );
}

main().catch((e) => {
  console.error(`[remitd] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
