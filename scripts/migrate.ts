/* npm run db:migrate | db:status | db:migrate:create -- NAME */
import { migrateCreate, migrateDeploy, migrateStatus } from '../libs/persistence/src/migrator';

async function main() {
  const [cmd, name] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set (npm start sets it for the embedded database; or export it for your own server)');
    process.exit(2);
  }
  if (cmd === 'deploy') {
    const applied = await migrateDeploy(url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } else if (cmd === 'status') {
    const s = await migrateStatus(url);
    console.log(JSON.stringify(s, null, 2));
    if (s.history || s.failedMigrationNames.length || s.editedMigrationNames.length) process.exit(1);
  } else if (cmd === 'create') {
    if (!name) throw new Error('usage: npm run db:migrate:create -- NAME');
    const dir = await migrateCreate(url, name);
    console.log(dir ? `created ${dir}` : 'no changes: schema.prisma matches the migrations');
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
