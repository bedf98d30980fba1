/** Pieces every database benchmark shares. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../libs/persistence/src/embedded-postgres';
import { migrateDeploy } from '../libs/persistence/src/migrator';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A deterministic customer reference for seeded customer i (same shape as newCustomerReference). */
export function benchReference(i: number): string {
  let s = '';
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / 32)) s = ALPHABET[n % 32] + s;
  return `RC${s}`;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A throw-away embedded PostgreSQL with the migrations applied, removed after `fn`. */
export async function withBenchDatabase<T>(name: string, fn: (db: { url: string; dir: string }) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `remitd-${name}-`));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 55000 + Math.floor(Math.random() * 5000), persistent: false });
  try {
    await migrateDeploy(pg.url);
    return await fn({ url: pg.url, dir });
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
