/* npm run db:migrate | db:status | db:migrate:create -- NAME */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedPostgresUrl, startEmbeddedPostgres } from '../libs/persistence/src/embedded-postgres';
import { migrateCreate, migrateDeploy, migrateStatus } from '../libs/persistence/src/migrator';

const DEFAULT_URL = embeddedPostgresUrl(
  path.resolve(process.env.REMITD_DATA_DIR ?? '.data', 'pg'),
  Number(process.env.REMITD_PG_PORT ?? 54329),
);

/** `create` only diffs the migrations against schema.prisma: a throw-away embedded PostgreSQL will do. */
async function scratchDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'remitd-migrate-'));
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: 56000 + Math.floor(Math.random() * 3000),
    persistent: false,
  });
  return {
    url: pg.url,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const [cmd, name] = process.argv.slice(2);
  if (cmd === 'create') {
    if (!name) throw new Error('usage: npm run db:migrate:create -- NAME');
    const db = process.env.DATABASE_URL
      ? { url: process.env.DATABASE_URL, stop: async () => undefined }
      : await scratchDatabase();
    try {
      const dir = await migrateCreate(db.url, name);
      console.log(dir ? `created ${dir}` : 'no changes: schema.prisma matches the migrations');
    } finally {
      await db.stop();
    }
    return;
  }
  // deploy/status: DATABASE_URL, else the embedded database of `npm start` (which must be running)
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  if (cmd === 'deploy') {
    const applied = await migrateDeploy(url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } else if (cmd === 'status') {
    const s = await migrateStatus(url);
    console.log(JSON.stringify(s, null, 2));
    if (s.history || s.failedMigrationNames.length || s.editedMigrationNames.length) process.exit(1);
  } else {
    console.error('usage: migrate deploy|status|create NAME');
    process.exit(2);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
