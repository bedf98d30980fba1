/**
 * `npm start`: the whole system on one machine with no set-up.
 * Without DATABASE_URL it starts an embedded PostgreSQL whose data lives in .data/pg (kept
 * across restarts), applies the migrations, then runs the reconciler and the admin API as two
 * processes. Ctrl-C stops everything cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../libs/persistence/src/embedded-postgres';
import { migrateDeploy } from '../libs/persistence/src/migrator';

const ROOT = path.resolve(__dirname, '..');
const log = (m: string) => console.log(`[remitd] ${m}`);

async function main() {
  const dataDir = path.resolve(process.env.REMITD_DATA_DIR ?? path.join(ROOT, '.data'));
  mkdirSync(dataDir, { recursive: true });
  let pg: RunningPostgres | null = null;
  const env: Record<string, string | undefined> = { ...process.env, REMITD_DATA_DIR: dataDir };
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.REMITD_PG_PORT ?? 54329);
    log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.join(dataDir, 'pg')})`);
    pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, persistent: true });
    env.DATABASE_URL = pg.url;
  } else {
    log('using DATABASE_URL');
  }
  const applied = await migrateDeploy(env.DATABASE_URL!);
  log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  const inbox = path.join(dataDir, 'inbox');
  mkdirSync(inbox, { recursive: true });

  const children: ChildProcess[] = [];
  const run = (name: string, entry: string) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        log(`${name} exited (${signal ?? code}); stopping`);
        void stop(1);
      }
    });
    children.push(child);
  };
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(
      children.map((c) =>
        c.exitCode !== null
          ? null
          : new Promise((r) => {
              c.once('exit', r);
              c.kill('SIGTERM');
              setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
            }),
      ),
    );
    if (pg) await pg.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  run('reconciler', 'apps/reconciler/src/main.ts');
  run('admin-api', 'apps/admin-api/src/main.ts');
  log(
    `drop bank statement files into ${inbox}; e-mails are written to ${path.join(dataDir, 'mail')} (unless SMTP_HOST is set)`,
  );
}

main().catch((e) => {
  console.error(`[remitd] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
