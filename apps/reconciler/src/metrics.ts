import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OutboxRepository } from '@remitd/notifications';
import { ReconcileEntriesUseCase, type BatchObservation } from '@remitd/reconciliation';

/** Seconds from a bank file's arrival to a credit: seconds for a polled inbox, up to a day for a bank's schedule. */
const FILE_TO_CREDIT_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600];
const BATCH_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The reconciler's /metrics (Prometheus text format, prom-client): default process metrics
 * (CPU, memory, event loop lag, GC…), counters of what the schedulers did, histograms of
 * file-to-credit latency and reconciliation batch duration, and the outbox gauges read when
 * scraped. One registry per process (not prom-client's global one), so tests may run several.
 */
@Injectable()
export class Metrics implements OnModuleInit {
  readonly registry = new Registry();
  private readonly counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name: `remitd_${name}`, help, labelNames, registers: [this.registry] });

  readonly statementFiles = this.counter('statement_files_total', 'bank files polled, by outcome', ['outcome']);
  readonly entriesCredited = this.counter('entries_credited_total', 'statement entries credited to a customer');
  readonly entriesUnmatched = this.counter('entries_unmatched_total', 'statement entries put in the unmatched queue');
  readonly entriesReversed = this.counter('entries_reversed_total', 'returns and reversals of earlier entries');
  readonly billsIssued = this.counter('bills_issued_total', 'bills issued by the monthly billing run');
  readonly billsOverdue = this.counter('bills_overdue_total', 'bills marked overdue');
  readonly notificationsSent = this.counter('notifications_sent_total', 'e-mails sent');
  readonly notificationsGivenUp = this.counter('notifications_failed_total', 'e-mails given up after retries');
  readonly fileToCredit = new Histogram({
    name: 'remitd_file_to_credit_seconds',
    help: 'from the arrival of a bank file to the credit of each of its entries',
    buckets: FILE_TO_CREDIT_BUCKETS,
    registers: [this.registry],
  });
  readonly batchDuration = new Histogram({
    name: 'remitd_reconciliation_batch_duration_seconds',
    help: 'duration of one reconciliation batch (claim, decide, credit, commit)',
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly outbox: OutboxRepository,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const read = async () => {
      try {
        return await this.outbox.statusCounts();
      } catch {
        return null; // the database is down: /health says so; the rest is still worth scraping
      }
    };
    let last: Promise<Awaited<ReturnType<typeof read>>> | null = null;
    const counts = () => (last ??= read().finally(() => setImmediate(() => (last = null))));
    new Gauge({
      name: 'remitd_notifications_failed',
      help: 'e-mails given up and not requeued (alert on > 0; listed at GET /notifications?status=failed)',
      registers: [this.registry],
      async collect() {
        const c = await counts();
        if (c) this.set(c.failed);
      },
    });
    new Gauge({
      name: 'remitd_notifications_pending',
      help: 'e-mails waiting to be sent',
      registers: [this.registry],
      async collect() {
        const c = await counts();
        if (c) this.set(c.pending);
      },
    });
  }

  /**
   * Every batch, however it was started (scheduler, CLI, tests), is measured: on every instance
   * of the use case (modules that import the reconciliation module with their own options get one).
   */
  onModuleInit(): void {
    for (const reconcile of this.moduleRef.get(ReconcileEntriesUseCase, { strict: false, each: true }))
      reconcile.observe((o) => this.observeBatch(o));
  }

  private observeBatch({ seconds, result, creditedFilesReceivedAt }: BatchObservation): void {
    this.batchDuration.observe(seconds);
    this.entriesCredited.inc(result.credited);
    this.entriesUnmatched.inc(result.unmatched);
    this.entriesReversed.inc(result.reversals);
    const now = Date.now();
    for (const at of creditedFilesReceivedAt) this.fileToCredit.observe(Math.max(0, (now - at.getTime()) / 1000));
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
