import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { RemitdConfig } from '@remitd/config';
import { AlertUntiedDaysUseCase, ReconcileEntriesUseCase } from '@remitd/reconciliation';
import { PollStatementSourcesUseCase } from '@remitd/statement-sources';
import { IntervalScheduler } from './interval-scheduler';
import { Metrics } from './metrics';
import { RECONCILER_CONFIG } from './tokens';

/** how often the closed days' proof of cash is checked (each replica; the alert is recorded once) */
const PROOF_OF_CASH_EVERY_MS = 15 * 60_000;

/**
 * Decides when: poll the bank's statement sources, then reconcile what is pending, then (at most
 * every 15 minutes) prove the closed days' cash. The work is in the use cases.
 */
@Injectable()
export class StatementPollScheduler extends IntervalScheduler {
  private provedAt = 0;

  constructor(
    private readonly poll: PollStatementSourcesUseCase,
    private readonly reconcile: ReconcileEntriesUseCase,
    private readonly untiedDays: AlertUntiedDaysUseCase,
    registry: SchedulerRegistry,
    private readonly metrics: Metrics,
    @Inject(RECONCILER_CONFIG) config: RemitdConfig,
  ) {
    super('statement-poll', registry, config.pollIntervalMs, true);
  }

  /** each step on its own: a failed poll still reconciles what other replicas ingested */
  protected async run(): Promise<void> {
    try {
      const files = await this.poll.execute();
      for (const f of files) this.metrics.statementFiles.inc({ outcome: f.outcome });
    } catch (e) {
      this.logger.error(`poll failed: ${(e as Error).message}`);
    }
    try {
      // entries ingested by any replica are reconciled by whichever claims them first
      // counted and timed per batch by Metrics
      await this.reconcile.drain();
    } catch (e) {
      this.logger.error(`reconciliation failed: ${(e as Error).message}`);
    }
    if (Date.now() - this.provedAt >= PROOF_OF_CASH_EVERY_MS) {
      try {
        await this.untiedDays.execute();
        this.provedAt = Date.now();
      } catch (e) {
        this.logger.error(`proof of cash failed: ${(e as Error).message}`);
      }
    }
  }
}
