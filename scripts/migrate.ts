/* npm run db:migrate | db:status | db:migrate:create -- NAME */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NoDatabaseError, openDatabase } from '../libs/persistence/src/database-location';
import { startEmbeddedPostgres } from '../libs/persistence/src/embedded-postgres';
import { migrateCreate, migrateDeploy, migrateStatus } from '../libs/persistence/src/migrator';

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
  if (cmd !== 'deploy' && cmd !== 'status') {
    console.error('usage: migrate deploy|status|create NAME');
    process.exit(2);
  }
  // the database `npm start` uses (its embedded server started for the command when it is stopped)
  const db = await openDatabase(process.env, { startIfStopped: true });
  try {
    if (cmd === 'deploy') {
      const applied = await migrateDeploy(db.url);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } else {
      const s = await migrateStatus(db.url);
      console.log(JSON.stringify(s, null, 2));
      if (s.history || s.failedMigrationNames.length || s.editedMigrationNames.length) process.exitCode = 1;
    }
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err instanceof NoDatabaseError ? err.message : err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
