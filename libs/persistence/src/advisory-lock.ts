import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { PrismaService, SESSION_OPTIONS } from './prisma.service';
import { sqlOver, type SqlTx } from './sql';

/**
 * Runs `fn` only if this replica gets the PostgreSQL advisory lock named `name`; otherwise
 * returns null at once. A session lock on one pooled connection, held for the run, released
 * after (and by PostgreSQL if the process dies).
 */
@Injectable()
export class AdvisoryLocks {
  constructor(private readonly prisma: PrismaService) {}

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
    return this.prisma.$transaction(
      async (tx) => {
        const got = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${name})) AS ok`;
        if (!got[0].ok) return null;
        return fn();
      },
      { timeout: 24 * 3600_000, maxWait: 10_000 },
    );
  }
}

/**
 * A claim that lives exactly as long as this process: a session advisory lock on a dedicated
 * connection. If the process is killed, PostgreSQL drops the connection and the claim with it,
 * so a restarted (or another) replica can take the work over at once.
 */
export interface SessionClaim {
  /** the connection holding the claim, for work that must live and die with it */
  sql: SqlTx;
  release(): Promise<void>;
}

export async function trySessionClaim(url: string, name: string): Promise<SessionClaim | null> {
  const client = new Client({ connectionString: url, options: SESSION_OPTIONS });
  // a dropped connection surfaces as the failing query; without a listener it would crash the process
  client.on('error', () => undefined);
  await client.connect();
  try {
    const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [name]);
    if (!r.rows[0].ok) {
      await client.end();
      return null;
    }
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
  return {
    sql: sqlOver(client),
    release: async () => {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
