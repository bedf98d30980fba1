import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IssueBillsUseCase, MarkOverdueUseCase } from '@remitd/billing';
import { Metrics } from './metrics';
import { IntervalScheduler } from './interval-scheduler';

/**
 * Decides when: once a minute, issue every cycle whose issuance time (12:00 on the 2nd of the
 * next month, billing time zone) has passed and that holds unbilled charges (a cycle without
 * charges stays open: the first start issues nothing), and mark overdue bills. Issuance is
 * exactly once per cycle whatever the number of replicas (see IssueBillsUseCase).
 */
@Injectable()
export class BillingScheduler extends IntervalScheduler {
  constructor(
    private readonly issue: IssueBillsUseCase,
    private readonly overdue: MarkOverdueUseCase,
    registry: SchedulerRegistry,
    private readonly metrics: Metrics,
  ) {
    super('billing', registry, 60_000, true);
  }

  protected async run(now: Date): Promise<void> {
    for (const r of await this.issue.issueDue(now)) if (!r.skipped) this.metrics.billsIssued.inc(r.billsIssued);
    this.metrics.billsOverdue.inc(await this.overdue.execute(now.toISOString().slice(0, 10)));
  }
}
