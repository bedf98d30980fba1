import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { Prisma } from './generated/prisma/client';
import { PrismaService } from './prisma.service';
import type { SqlTx } from './sql';

export type Tx = Prisma.TransactionClient;

/** Set by the admin API for a money-changing request carrying an Idempotency-Key. */
export interface IdempotencyScope {
  scope: string;
  key: string;
  requestHash: string;
  status: number;
}
export const idempotencyStorage = new AsyncLocalStorage<IdempotencyScope>();

const commitHooks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `fn` once the transaction commits (never if it rolls back), for process-local caches of
 * facts the transaction wrote. Outside a TransactionRunner transaction it does nothing: safe.
 */
export function afterCommit(tx: object, fn: () => void): void {
  commitHooks.get(tx)?.push(fn);
}

/** For transaction runners: the hooks `afterCommit` collects for `tx`, to run after COMMIT. */
export function trackCommitHooks(tx: object): (() => void)[] {
  const hooks: (() => void)[] = [];
  commitHooks.set(tx, hooks);
  return hooks;
}

export function isUniqueViolation(e: unknown, constraintHint?: string): boolean {
  const err = e as {
    code?: string;
    meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: unknown; originalCode?: string } } };
    message?: string;
  };
  const pgCode = err?.meta?.driverAdapterError?.cause?.originalCode;
  const hit = err?.code === 'P2002' || pgCode === '23505' || /unique constraint|23505/i.test(err?.message ?? '');
  if (!hit || !constraintHint) return hit;
  return JSON.stringify(err.meta ?? {}).includes(constraintHint) || (err.message ?? '').includes(constraintHint);
}

export function isSerializationFailure(e: unknown): boolean {
  const msg = String((e as Error)?.message ?? '');
  return (
    /40001|40P01|could not serialize|deadlock detected|write conflict/i.test(msg) ||
    (e as { code?: string })?.code === 'P2034'
  );
}

/** Runs a whole transaction again (with backoff) when it lost a serialization conflict or a deadlock. */
export async function retryingConflicts<T>(retries: number, attempt: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (n >= retries || !isSerializationFailure(e)) throw e;
      await new Promise((r) => setTimeout(r, 10 * 2 ** n + Math.random() * 20));
    }
  }
}

/**
 * Inside an idempotent API request, the request's record with the response, written by the
 * transaction of the effect (a concurrent duplicate fails on the primary key and rolls back).
 */
export async function recordIdempotency(tx: SqlTx, result: unknown): Promise<void> {
  const idem = idempotencyStorage.getStore();
  if (!idem) return;
  await tx.$executeRaw`
    INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body, created_at)
    VALUES (${idem.scope}, ${idem.key}, ${idem.requestHash}, ${idem.status}, ${JSON.stringify(result ?? null)}::jsonb, ${new Date()})`;
}

/**
 * Runs a unit of work in one PostgreSQL transaction. When the caller is inside an idempotent
 * API request, the idempotency record is written in the same transaction as the effect, so a
 * crash can never leave an effect without its record or a record without its effect.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly prisma: PrismaService) {}

  async run<T>(fn: (tx: Tx) => Promise<T>, opts: { timeoutMs?: number; retries?: number } = {}): Promise<T> {
    return retryingConflicts(opts.retries ?? 3, async () => {
      let hooks: (() => void)[] = [];
      const out = await this.prisma.$transaction(
        async (tx) => {
          hooks = trackCommitHooks(tx);
          const result = await fn(tx);
          await recordIdempotency(tx, result);
          return result;
        },
        { timeout: opts.timeoutMs ?? 30_000, maxWait: 10_000 },
      );
      for (const h of hooks) h();
      return out;
    });
  }
}
