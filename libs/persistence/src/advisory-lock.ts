import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

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
