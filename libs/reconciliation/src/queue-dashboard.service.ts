import { Inject, Injectable } from '@nestjs/common';
import { validationError } from '@remitd/core';
import { Money } from '@remitd/money';
import { OutboxRepository } from '@remitd/notifications';
import { RECONCILIATION_CONFIG, type ReconciliationConfig } from './reconcile-entries.usecase';
import { UnmatchedQueueRepository } from './unmatched-queue.repository';

export const DASHBOARD_MAX_DAYS = 366;

/**
 * The console's dashboard: money in today, how much matched by itself per day, the queue's size
 * and oldest item per day, and the e-mail outbox. Days are calendar days in the configured time
 * zone; past queue sizes are rebuilt from when items arrived and were resolved (nothing is
 * snapshotted).
 */
@Injectable()
export class QueueDashboard {
  constructor(
    private readonly repo: UnmatchedQueueRepository,
    private readonly outbox: OutboxRepository,
    @Inject(RECONCILIATION_CONFIG) private readonly config: ReconciliationConfig,
  ) {}

  async view(days: number, now = new Date()) {
    if (!Number.isInteger(days) || days < 1 || days > DASHBOARD_MAX_DAYS)
      throw validationError('INVALID_DAYS', `days: a whole number from 1 to ${DASHBOARD_MAX_DAYS}`, 'days');
    const timeZone = this.config.timeZone ?? 'UTC';
    const today = await this.repo.startOfToday(timeZone, now);
    const [inflow, matching, queue, counts, sentToday] = await Promise.all([
      this.repo.inflowSince(today),
      this.repo.matchingByDay(timeZone, days, now),
      this.repo.queueByDay(timeZone, days, now),
      this.outbox.statusCounts(),
      this.outbox.sentSince(today),
    ]);
    return {
      timeZone,
      inflowToday: inflow.map((r) => ({
        currency: r.currency,
        amount: Money.fromStored(r.amount, r.currency).toString(),
        count: r.count,
      })),
      matching: matching.map((d) => {
        const total = d.automatic + d.manual + d.unmatched;
        return { ...d, rate: total ? Math.round((d.automatic / total) * 10_000) / 10_000 : null };
      }),
      queue,
      emails: { pending: counts.pending, failed: counts.failed, sentToday },
    };
  }
}
