import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export const DATABASE_URL = Symbol('DATABASE_URL');

/** The one Prisma client of a process (driver adapter on node-postgres). Only repositories use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private static readonly logger = new Logger('Prisma');

  constructor(
    readonly url: string,
    poolSize = 10,
  ) {
    super({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    PrismaService.logger.debug('disconnected');
  }
}
