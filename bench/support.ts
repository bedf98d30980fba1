/** Pieces every database benchmark shares. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../libs/persistence/src/embedded-postgres';
import { migrateDeploy } from '../libs/persistence/src/migrator';
import { freePort } from '../test/support/free-port';

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
export async function withBenchDatabase<T>(
  name: string,
  fn: (db: { url: string; dir: string }) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `remitd-${name}-`));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false });
  try {
    await migrateDeploy(pg.url);
    return await fn({ url: pg.url, dir });
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CPU seconds (user + system) the PostgreSQL server of `pgDataDir` and its backends have
 * used so far, from /proc (Linux only; null elsewhere), backends that have exited included (so a
 * reconciler process that has closed its connections is still counted).
 */
export function pgCpuSeconds(pgDataDir: string): number | null {
  const pidFile = path.join(pgDataDir, 'postmaster.pid');
  if (!existsSync('/proc/self/stat') || !existsSync(pidFile)) return null;
  const postmaster = readFileSync(pidFile, 'utf8').split('\n')[0].trim();
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // fields after the parenthesised command name: state ppid ... utime(14) stime(15)
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid === postmaster || f[1] === postmaster) ticks += Number(f[11]) + Number(f[12]);
      // backends that have exited: the postmaster has reaped them, their CPU is in its cutime + cstime
      if (pid === postmaster) ticks += Number(f[13]) + Number(f[14]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / ticksPerSecond;
}
