import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * Session settings of every connection the apps open. The hot paths look rows up by key in
 * batches (`= ANY($1)` over a thousand ids). With PostgreSQL's default random_page_cost of 4,
 * meant for spinning disks, the planner scans whole tables for that instead. With SSDs and a
 * cached working set, the index lookups are the cheaper plan.
 */
export const SESSION_OPTIONS = '-c random_page_cost=1.1';

/** The one Prisma client of a process (driver adapter on node-postgres). Only repositories use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private static readonly logger = new Logger('Prisma');

  constructor(
    readonly url: string,
    poolSize = 10,
  ) {
    super({ adapter: new PrismaPg({ connectionString: url, max: poolSize, options: SESSION_OPTIONS }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    PrismaService.logger.debug('disconnected');
  }
}
