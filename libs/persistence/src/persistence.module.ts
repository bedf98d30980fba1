import { DynamicModule, Global, Module } from '@nestjs/common';
import { AdvisoryLocks } from './advisory-lock';
import { AuditRepository } from './audit.repository';
import { IdempotencyRepository } from './idempotency.repository';
import { PrismaService } from './prisma.service';
import { ReadReplica } from './read-replica';
import { SqlTransactions } from './sql';
import { TransactionRunner } from './transaction';

@Global()
@Module({})
export class PersistenceModule {
  static forRoot(opts: { url: string; poolSize?: number; readUrl?: string | null }): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: PrismaService, useFactory: () => new PrismaService(opts.url, opts.poolSize) },
        TransactionRunner,
        { provide: ReadReplica, useFactory: () => new ReadReplica(opts.readUrl ?? null, opts.poolSize) },
        { provide: SqlTransactions, useFactory: () => new SqlTransactions(opts.url, opts.poolSize) },
        AuditRepository,
        IdempotencyRepository,
        AdvisoryLocks,
      ],
      exports: [
        PrismaService,
        ReadReplica,
        TransactionRunner,
        SqlTransactions,
        AuditRepository,
        IdempotencyRepository,
        AdvisoryLocks,
      ],
    };
  }
}
