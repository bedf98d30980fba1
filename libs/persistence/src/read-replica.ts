import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaService } from './prisma.service';

/** Set by the admin API around a read that tolerates replication lag (list pages, exports, dashboards). */
export const lagTolerantReads = new AsyncLocalStorage<true>();

/** The application_name of replica connections: what an operator sees in pg_stat_activity. */
export const READ_REPLICA_APPLICATION = 'remitd-read';

/**
 * Where a read goes. With DATABASE_READ_URL set, reads inside `lagTolerantReads` go to the
 * replica (a hot standby); every other read, and every read in a transaction, stays on the
 * primary. The admin API decides which requests tolerate lag and keeps an actor who just wrote
 * on the primary (read-your-writes).
 */
@Injectable()
export class ReadReplica implements OnModuleDestroy {
  private readonly replica: PrismaService | null;

  constructor(readUrl: string | null, poolSize?: number) {
    if (!readUrl) {
      this.replica = null;
      return;
    }
    const url = new URL(readUrl);
    url.searchParams.set('application_name', READ_REPLICA_APPLICATION);
    this.replica = new PrismaService(url.toString(), poolSize);
  }

  /** the replica, for a lag-tolerant read when one is configured, else null (read the primary) */
  replicaClient(): PrismaService | null {
    return this.replica && lagTolerantReads.getStore() ? this.replica : null;
  }

  async onModuleDestroy(): Promise<void> {
    await this.replica?.$disconnect();
  }
}

/**
 * The client for a lag-tolerant read: the replica inside a `lagTolerantReads` request when one
 * is configured, else `primary` (the ORM, or the prepared-statement reads of SqlTransactions).
 * `replica` is optional so repositories built by hand (tests) need none.
 */
export function lagTolerantClient<T>(replica: ReadReplica | undefined, primary: T): PrismaService | T {
  return replica?.replicaClient() ?? primary;
}
