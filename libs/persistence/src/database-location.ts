/**
 * Which database a command uses, found the way `npm start` finds it: DATABASE_URL when set,
 * else the embedded PostgreSQL of the data directory (REMITD_DATA_DIR, default `.data` in the
 * repository whatever the current directory) on the port its server runs on (REMITD_PG_PORT
 * when set, else read from the server's postmaster.pid, else 54329), with the password
 * `npm start` generated and keeps beside it. One function for the command line, `db:migrate`/`db:status`
 * and `ledger:verify`, so none of them needs the environment repeated.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
// relative, like embedded-postgres.ts: the scripts load this file without the path mapping
import { embeddedPostgresUrl, startEmbeddedPostgres } from './embedded-postgres';
import { REPO_ROOT } from './migrator';

export const DEFAULT_PG_PORT = 54329;

type Env = Record<string, string | undefined>;

/** REMITD_DATA_DIR (relative to the repository, as under npm), default `<repo>/.data` */
export function remitdDataDir(env: Env = process.env): string {
  return path.resolve(REPO_ROOT, env.REMITD_DATA_DIR || '.data');
}

/** REMITD_PG_PORT; unset: the port the server of `clusterDir` runs on (if it runs), else 54329 */
export function embeddedPgPort(env: Env = process.env, clusterDir?: string): number {
  const raw = env.REMITD_PG_PORT;
  if (!raw) return (clusterDir && runningPort(clusterDir)) || DEFAULT_PG_PORT;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535)
    throw new NoDatabaseError(`configuration REMITD_PG_PORT: "${raw}" is not a port`);
  return Number(raw);
}

export type DatabaseLocation =
  | { source: 'DATABASE_URL'; url: string }
  | { source: 'embedded'; url: string; dataDir: string; clusterDir: string; port: number };

export function locateDatabase(env: Env = process.env): DatabaseLocation {
  if (env.DATABASE_URL) return { source: 'DATABASE_URL', url: env.DATABASE_URL };
  const dataDir = remitdDataDir(env);
  const clusterDir = path.join(dataDir, 'pg');
  const port = embeddedPgPort(env, clusterDir);
  return { source: 'embedded', url: embeddedPostgresUrl(clusterDir, port), dataDir, clusterDir, port };
}

/** No database to use: its message is one line saying what to do. */
export class NoDatabaseError extends Error {
  readonly code = 'NO_DATABASE';
}

export interface OpenDatabase {
  url: string;
  location: DatabaseLocation;
  /** whether the embedded server was started for this command (and `stop` stops it) */
  startedHere: boolean;
  stop(): Promise<void>;
}

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0];

/**
 * The database a command should use, reachable. When `npm start` is not running, the embedded
 * server of its data directory is started for the command (`startIfStopped`) and stopped by
 * `stop()`; a data directory `npm start` never initialised is not created here.
 */
export async function openDatabase(
  env: Env = process.env,
  opts: { startIfStopped?: boolean } = {},
): Promise<OpenDatabase> {
  const location = locateDatabase(env);
  const what = `run \`npm start\` first, or set DATABASE_URL`;
  // a data directory npm start never initialised: whatever listens on the port is not its server
  if (location.source === 'embedded' && !existsSync(path.join(location.clusterDir, 'PG_VERSION')))
    throw new NoDatabaseError(`no database: ${what} (no embedded database in ${location.dataDir})`);
  const reached = { url: location.url, location, startedHere: false, stop: async () => undefined };
  const failure = await probe(location.url);
  if (!failure) return reached;
  if (location.source === 'DATABASE_URL')
    throw new NoDatabaseError(`no database: DATABASE_URL cannot be reached (${failure.message}); check it or unset it`);
  if (failure.code !== 'ECONNREFUSED')
    throw new NoDatabaseError(
      `no database: the embedded PostgreSQL on port ${location.port} refused us (${failure.message}); is REMITD_DATA_DIR (${location.dataDir}) the one \`npm start\` uses?`,
    );
  if (!opts.startIfStopped) throw new NoDatabaseError(`no database: nothing listens on port ${location.port}; ${what}`);
  try {
    const pg = await startEmbeddedPostgres({ dataDir: location.clusterDir, port: location.port, persistent: true });
    return { url: pg.url, location, startedHere: true, stop: () => pg.stop() };
  } catch (e) {
    throw new NoDatabaseError(
      `no database: the embedded PostgreSQL in ${location.dataDir} could not be started (${firstLine(e)}); ${what}`,
    );
  }
}

/** line 4 of PostgreSQL's postmaster.pid is the port the running server listens on */
function runningPort(clusterDir: string): number | null {
  try {
    const port = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
  } catch {
    return null;
  }
}

async function probe(url: string): Promise<{ code?: string; message: string } | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return null;
  } catch (e) {
    const err = e as { code?: string; errors?: { code?: string }[] };
    // "localhost" tries each address: an AggregateError of refusals
    const code = err.code ?? err.errors?.find((x) => x.code)?.code;
    return { code, message: firstLine(e) || code || 'cannot connect' };
  } finally {
    await client.end().catch(() => undefined);
  }
}
