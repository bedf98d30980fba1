import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IssueBillsUseCase, MarkOverdueUseCase } from '@remitd/billing';
import type { RemitdConfig } from '@remitd/config';
import { Metrics } from './metrics';
import { RECONCILER_CONFIG } from './tokens';

/**
 * Decides when: once a minute, issue every cycle whose issuance time (12:00 on the 2nd of the
 * next month, billing time zone) has passed and that holds unbilled charges (a cycle without
 * charges stays open: the first start issues nothing), and mark overdue bills. Issuance is
 * exactly once per cycle whatever the number of replicas (see IssueBillsUseCase).
 */
@Injectable()
export class BillingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('billing-scheduler');
  private running: Promise<void> | null = null;

  constructor(
    private readonly issue: IssueBillsUseCase,
    private readonly overdue: MarkOverdueUseCase,
    private readonly registry: SchedulerRegistry,
    private readonly metrics: Metrics,
    @Inject(RECONCILER_CONFIG) private readonly config: RemitdConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.addInterval(
      'billing',
      setInterval(() => void this.tick(), 60_000),
    );
    setImmediate(() => void this.tick());
  }

  async tick(now = new Date()): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        for (const r of await this.issue.issueDue(now)) if (!r.skipped) this.metrics.billsIssued.inc(r.billsIssued);
        this.metrics.billsOverdue.inc(await this.overdue.execute(now.toISOString().slice(0, 10)));
      } catch (e) {
        this.logger.error(`billing run failed: ${(e as Error).message}`);
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }
}
