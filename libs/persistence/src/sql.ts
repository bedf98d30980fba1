import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Pool, type ClientBase, type QueryResult } from 'pg';
import { Prisma } from './generated/prisma/client';
import { pgParams } from './pg-params';
import { SESSION_OPTIONS } from './prisma.service';
import {
  beforeCommit,
  idempotencyCommitted,
  IdempotentRequestCommitted,
  idempotencyStorage,
  isConnectionLoss,
  recordIdempotency,
  retryingTransaction,
  trackCommitHooks,
} from './transaction';

/**
 * The raw-SQL subset of a Prisma transaction client. The set-based hot paths (reconciliation
 * batches, ledger postings, the outbox) are written against it, so the same code runs inside a
 * Prisma transaction (account managers' actions, billing) and on a plain node-postgres
 * connection (`SqlTransactions`), which skips Prisma's per-query parameter and result handling:
 * a third of the reconciler's CPU before.
 *
 * One difference in results: node-postgres returns numeric and bigint columns as strings
 * (Prisma returns Decimal and bigint). The hot-path queries cast what they read to text.
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

class PgSqlTx implements SqlTx {
  /** the previous statement: one connection runs one at a time, so callers' Promise.all queue here */
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * @param prepared name the statements (prepared once per connection, parsed and planned once):
   *   for short transactions of small lookups (an API payment: ~17 statements, a third less
   *   PostgreSQL CPU). Not for batches: PostgreSQL may then settle on a generic plan made while
   *   a table was small, and a generic plan cannot hash an `= ANY($1)` array (an ingest of
   *   100,000 entries took 75 s instead of 7 that way); a batch's planning is negligible per row.
   */
  constructor(
    private readonly client: ClientBase,
    private readonly prepared = false,
  ) {}

  async $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T> {
    const s = toSql(query, values);
    return (await this.query(s.text, s.values)).rows as T;
  }

  async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    return (await this.query(query, values)).rows as T;
  }

  async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number> {
    const s = toSql(query, values);
    return (await this.query(s.text, s.values)).rowCount ?? 0;
  }

  private query(text: string, values: readonly unknown[]): Promise<QueryResult> {
    const config = { name: this.prepared ? statementName(text) : undefined, text, values: pgParams(text, values) };
    const run = () => this.client.query(config);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** query text → prepared statement name; the hot reads' SQL is static, so this stays small */
const statementNames = new Map<string, string>();
const STATEMENTS_NAMED_MAX = 500;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < STATEMENTS_NAMED_MAX) {
    name = `r_${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Single statements on the pool outside any transaction, for the API's hot reads: no ORM, and
 * each statement prepared once per connection (named), so PostgreSQL parses and plans it once
 * instead of per request.
 */
class PgPoolReads implements SqlTx {
  constructor(private readonly pool: Pool) {}

  async $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T> {
    const s = toSql(query, values);
    return (await this.query(s.text, s.values)).rows as T;
  }

  async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    return (await this.query(query, values)).rows as T;
  }

  async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number> {
    const s = toSql(query, values);
    return (await this.query(s.text, s.values)).rowCount ?? 0;
  }

  private query(text: string, values: readonly unknown[]): Promise<QueryResult> {
    return this.pool.query({ name: statementName(text), text, values: pgParams(text, values) });
  }
}

/** The raw-SQL seam over one node-postgres connection (its transaction is the caller's). */
export function sqlOver(client: ClientBase): SqlTx {
  return new PgSqlTx(client);
}

function toSql(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
}

const ignoreConnectionError = () => undefined;

/**
 * Transactions on a plain node-postgres pool, for the hot paths written against `SqlTx`.
 * Same contract as TransactionRunner: afterCommit hooks run only after COMMIT, and
 * serialization failures or deadlocks are retried with backoff.
 */
@Injectable()
export class SqlTransactions implements OnModuleDestroy {
  private readonly logger = new Logger('SqlTransactions');
  private readonly pool: Pool;
  /** single reads on this pool, outside any transaction (prepared statements, no ORM) */
  readonly reads: SqlTx;

  constructor(url: string, size = 4) {
    // a process stuck mid-transaction must not hold its claimed entries forever: the server
    // ends a transaction left idle for five minutes (a batch's statements follow each other at once)
    this.pool = new Pool({
      connectionString: url,
      max: size,
      options: `${SESSION_OPTIONS} -c idle_in_transaction_session_timeout=300000`,
    });
    // an idle connection the server dropped: the next checkout gets a fresh one
    this.pool.on('error', (e) => this.logger.warn(`idle connection lost: ${e.message}`));
    this.reads = new PgPoolReads(this.pool);
  }

  /**
   * A connection lost before COMMIT is retried on a fresh one (the server rolled it all back). One
   * lost during COMMIT is redone only for an idempotent request, whose redo first checks whether
   * the lost COMMIT went through (its idempotency record); otherwise the caller's claims (the
   * reconcile queue) are what make redoing it safe, and the next pass redoes what did not commit.
   * @param opts.idempotent inside an idempotent API request, write the request's record in this
   *   transaction, as TransactionRunner does (the request's one transaction)
   * @param opts.prepared prepared statements, for short transactions of small lookups (see PgSqlTx)
   */
  async run<T>(
    fn: (tx: SqlTx) => Promise<T>,
    opts: { retries?: number; idempotent?: boolean; prepared?: boolean } = {},
  ): Promise<T> {
    const idempotent = !!opts.idempotent && idempotencyStorage.getStore() !== undefined;
    let commitUnknown = false;
    return retryingTransaction(
      opts.retries ?? 3,
      async () => {
        const client = await this.pool.connect().catch((e: unknown) => Promise.reject(beforeCommit(e)));
        // the pool listens for errors only on idle connections: one lost while checked out (the
        // primary crashed) would be an unhandled 'error' event, which ends the process: it
        // surfaces as the failing query instead
        client.on('error', ignoreConnectionError);
        const tx = new PgSqlTx(client, opts.prepared);
        const hooks = trackCommitHooks(tx);
        const redo = commitUnknown;
        let committing = false;
        try {
          await client.query('BEGIN');
          if (redo && idempotent && (await idempotencyCommitted(tx))) throw new IdempotentRequestCommitted();
          const out = await fn(tx);
          if (idempotent) await recordIdempotency(tx, out);
          committing = true;
          await client.query('COMMIT');
          client.off('error', ignoreConnectionError);
          client.release();
          for (const h of hooks) h();
          return out;
        } catch (e) {
          let broken: Error | undefined;
          if (!committing) await client.query('ROLLBACK').catch((err: Error) => (broken = err));
          else broken = e as Error;
          client.off('error', ignoreConnectionError);
          client.release(broken);
          if (committing && isConnectionLoss(e)) commitUnknown = true;
          throw committing ? e : beforeCommit(e);
        }
      },
      () => idempotent,
      (why) => this.logger.warn(`transaction retried after a lost connection (${why})`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
