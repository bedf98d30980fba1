/**
 * A standalone ingestion worker, for tests that kill it at random points:
 *
 *   DATABASE_URL=… REMITD_DATA_DIR=… node -r @swc-node/register test/support/ingest-worker.ts INBOX_DIR
 *
 * (or REMITD_INBOX_DIR instead of the argument). It builds the same Nest context the reconciler
 * uses for statements — PersistenceModule + StatementSourcesModule with one local inbox — and
 * polls until the inbox is empty, then prints `@@ done {…}` and exits 0.
 *
 * Progress goes to stdout as `@@ <ms since epoch> <event> [file] [detail]` lines, so a test can
 * tell where a kill landed: `ready`, `store` / `stored` (raw copy), `ingest` (claim, parse and the
 * file's transaction) / `ingested` (committed, or found to be a duplicate), `move` / `moved`,
 * `outcome`, `done`. The markers come from wrapping the methods, not from changing them.
 */
import 'reflect-metadata';
import path from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PersistenceModule } from '@remitd/persistence';
import {
  LocalDirSource,
  PollStatementSourcesUseCase,
  StatementSourcesModule,
  type RemoteFile,
} from '@remitd/statement-sources';
import {
  IngestStatementFileUseCase,
  RawFileStore,
  type IngestInput,
  type IngestOutcome,
  type StoredRaw,
} from '@remitd/statements';

const MAX_RUN_MS = 5 * 60_000;

function mark(event: string, file?: string, detail?: string): void {
  process.stdout.write(`@@ ${Date.now()} ${event}${file ? ` ${file}` : ''}${detail ? ` ${detail}` : ''}\n`);
}

/** Wraps a prototype method with progress lines before and after it (never changing what it does). */
function traced<T extends object, A extends unknown[], R>(
  proto: T,
  method: string,
  before: (...args: A) => void,
  after: (result: R, ...args: A) => void,
): void {
  const target = proto as Record<string, (...args: A) => Promise<R>>;
  const original = target[method];
  target[method] = async function (this: unknown, ...args: A): Promise<R> {
    before(...args);
    const result = await original.apply(this, args);
    after(result, ...args);
    return result;
  };
}

class TracedInbox extends LocalDirSource {
  override async markProcessed(file: RemoteFile): Promise<void> {
    mark('move', file.name, 'processed');
    await super.markProcessed(file);
    mark('moved', file.name, 'processed');
  }

  override async markFailed(file: RemoteFile, reason: string): Promise<void> {
    mark('move', file.name, 'failed');
    await super.markFailed(file, reason);
    mark('moved', file.name, 'failed');
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const dataDir = process.env.REMITD_DATA_DIR;
  const inbox = process.argv[2] ?? process.env.REMITD_INBOX_DIR;
  if (!url || !dataDir || !inbox) throw new Error('usage: DATABASE_URL=… REMITD_DATA_DIR=… ingest-worker.ts INBOX_DIR');

  traced<RawFileStore, [string], StoredRaw>(
    RawFileStore.prototype,
    'putFile',
    (source) => mark('store', path.basename(source)),
    (stored, source) => mark('stored', path.basename(source), stored.sha256),
  );
  traced<IngestStatementFileUseCase, [IngestInput], IngestOutcome>(
    IngestStatementFileUseCase.prototype,
    'execute',
    (input) => mark('ingest', input.fileName, input.sha256),
    (outcome, input) => mark('ingested', input.fileName, outcome.status),
  );

  const source = new TracedInbox({ id: 'inbox', dir: inbox });

  @Module({})
  class WorkerModule {
    static forRoot(): DynamicModule {
      return {
        module: WorkerModule,
        imports: [
          PersistenceModule.forRoot({ url: url! }),
          StatementSourcesModule.forRoot({ dataDir: dataDir!, sources: [source] }),
        ],
      };
    }
  }

  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { logger: ['log', 'warn', 'error'] });
  mark('ready', undefined, String(process.pid));
  const poll = ctx.get(PollStatementSourcesUseCase);
  const started = Date.now();
  const outcomes: Record<string, number> = {};
  let polls = 0;
  for (;;) {
    polls++;
    const polled = await poll.execute();
    for (const p of polled) {
      outcomes[p.outcome] = (outcomes[p.outcome] ?? 0) + 1;
      mark('outcome', p.name, p.outcome);
    }
    if ((await source.list()).length === 0) break;
    if (Date.now() - started > MAX_RUN_MS)
      throw new Error(`the inbox ${inbox} is still not empty after ${MAX_RUN_MS} ms`);
    // another process still holds a file's claim (e.g. the connection of a killed worker not yet
    // reaped by PostgreSQL), or a retryable error: try again shortly
    if (polled.every((p) => p.outcome === 'busy' || p.outcome === 'error'))
      await new Promise((r) => setTimeout(r, 100));
  }
  await ctx.close();
  mark('done', undefined, JSON.stringify({ pid: process.pid, polls, outcomes }));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`ingest-worker failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
