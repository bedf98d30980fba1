import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
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

/** Whether the request of the current idempotency scope already has its record (it committed). */
export async function idempotencyCommitted(tx: SqlTx): Promise<boolean> {
  const idem = idempotencyStorage.getStore();
  if (!idem) return false;
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM idempotency_records WHERE scope = ${idem.scope} AND key = ${idem.key}`;
  return rows.length > 0;
}

/**
 * The database went away under the transaction: the connection was cut (the primary crashed or
 * a load balancer moved the endpoint to a promoted standby), the server is shutting down or
 * still recovering, or the endpoint reaches a server that is read-only (a standby not yet
 * promoted). Whatever the transaction did is rolled back by the server; the work may be run
 * again on a new connection once the endpoint answers.
 */
export function isConnectionLoss(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
  const text = `${String(err?.message ?? '')} ${safeJson(err?.meta)} ${String((err?.cause as Error)?.message ?? '')}`;
  return (
    // node-postgres socket errors, and PostgreSQL: 08xxx connection exceptions, 57P01-57P03
    // shutdown or starting up, 25006 read-only transaction (still a standby)
    /\b(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|08000|08003|08006|08001|08004|57P01|57P02|57P03|25006)\b/.test(
      `${String(err?.code ?? '')} ${text}`,
    ) ||
    /Connection terminated|connection error and is not queryable|terminating connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|cannot execute \w+ in a read-only transaction|ConnectionClosed|DatabaseNotReachable|SocketTimeout|Server has closed the connection|Can.t reach database server/i.test(
      text,
    ) ||
    ['P1001', 'P1002', 'P1017'].includes(String(err?.code ?? ''))
  );
}

function safeJson(v: unknown): string {
  try {
    return v === undefined ? '' : JSON.stringify(v);
  } catch {
    return '';
  }
}

/** How long a transaction keeps being retried after a connection loss: a failover's worth. */
export const RECONNECT_WINDOW_MS = 30_000;

/**
 * Failed before its COMMIT was sent: the server has certainly rolled the transaction back.
 * Thrown by the runners around a connection loss so the retry can tell it from a loss during
 * COMMIT, whose outcome is unknown (the commit may have reached the disk and the standby).
 */
class LostBeforeCommit extends Error {
  constructor(readonly lost: unknown) {
    super((lost as Error)?.message ?? String(lost));
  }
}

/**
 * The runner's retry policy: serialization conflicts and deadlocks `retries` times; a connection
 * lost before COMMIT for up to RECONNECT_WINDOW_MS (backing off to one attempt a second), since
 * nothing of the attempt survived; a connection lost during COMMIT only when `redoIsSafe()`
 * (the work is guarded by a natural key, so running it twice cannot apply it twice), otherwise
 * the error goes to the caller, whose own idempotency must decide.
 */
export async function retryingTransaction<T>(
  retries: number,
  attempt: () => Promise<T>,
  redoIsSafe: () => boolean,
  onRetry: (why: string) => void = () => undefined,
): Promise<T> {
  const started = Date.now();
  for (let conflicts = 0, losses = 0; ;) {
    try {
      return await attempt();
    } catch (e) {
      const lost = e instanceof LostBeforeCommit ? e.lost : e;
      if (isSerializationFailure(lost) && conflicts < retries) {
        await new Promise((r) => setTimeout(r, 10 * 2 ** conflicts++ + Math.random() * 20));
        continue;
      }
      const retryable =
        isConnectionLoss(lost) &&
        Date.now() - started < RECONNECT_WINDOW_MS &&
        (e instanceof LostBeforeCommit || redoIsSafe());
      if (!retryable) throw lost;
      onRetry(
        `${e instanceof LostBeforeCommit ? 'before' : 'during'} COMMIT: ${(lost as Error)?.message ?? String(lost)}`,
      );
      await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** losses++) + Math.random() * 50));
    }
  }
}

/**
 * One idempotent statement (a conditional UPDATE: running it twice is running it once) run again
 * after a connection loss, for up to RECONNECT_WINDOW_MS: what it records is not lost to a failover.
 */
export function retryingConnectionLoss<T>(statement: () => Promise<T>): Promise<T> {
  return retryingTransaction(0, statement, () => true);
}

/** Marks a failure that happened while the transaction's own statements ran (before COMMIT). */
export function beforeCommit(e: unknown): unknown {
  return isConnectionLoss(e) ? new LostBeforeCommit(e) : e;
}

/**
 * A retried request whose first attempt did commit (the connection was lost while COMMIT was
 * acknowledged): its idempotency record is there, so the caller answers with the stored outcome.
 */
export class IdempotentRequestCommitted extends Error {
  constructor() {
    super('the request committed on an earlier attempt');
  }
}

/**
 * Runs a unit of work in one PostgreSQL transaction. When the caller is inside an idempotent
 * API request, the idempotency record is written in the same transaction as the effect, so a
 * crash can never leave an effect without its record or a record without its effect.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger('TransactionRunner');

  constructor(private readonly prisma: PrismaService) {}

  async run<T>(fn: (tx: Tx) => Promise<T>, opts: { timeoutMs?: number; retries?: number } = {}): Promise<T> {
    const idem = idempotencyStorage.getStore();
    let commitUnknown = false;
    return retryingTransaction(
      opts.retries ?? 3,
      async () => {
        let hooks: (() => void)[] = [];
        let bodyDone = false;
        const redo = commitUnknown;
        try {
          const out = await this.prisma.$transaction(
            async (tx) => {
              hooks = trackCommitHooks(tx);
              // the attempt before lost its connection during COMMIT: if that commit went
              // through, its idempotency record says so, and nothing is done twice
              if (redo && (await idempotencyCommitted(tx))) throw new IdempotentRequestCommitted();
              const result = await fn(tx);
              await recordIdempotency(tx, result);
              bodyDone = true;
              return result;
            },
            { timeout: opts.timeoutMs ?? 30_000, maxWait: 10_000 },
          );
          for (const h of hooks) h();
          return out;
        } catch (e) {
          if (!bodyDone) throw beforeCommit(e);
          // the body finished but the transaction failed: COMMIT itself was cut off
          if (isConnectionLoss(e)) commitUnknown = true;
          throw e;
        }
      },
      // with an idempotency record the redo checks first whether the lost COMMIT went through
      () => idem !== undefined,
      (why) => this.logger.warn(`transaction retried after a lost connection (${why})`),
    );
  }
}
