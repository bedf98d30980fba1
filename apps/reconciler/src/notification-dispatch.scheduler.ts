import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { RemitdConfig } from '@remitd/config';
import { DispatchNotificationsUseCase } from '@remitd/notifications';
import { IntervalScheduler } from './interval-scheduler';
import { Metrics } from './metrics';
import { RECONCILER_CONFIG } from './tokens';

/** Decides when: every few seconds, drain the outbox. The work is the use case. */
@Injectable()
export class NotificationDispatchScheduler extends IntervalScheduler {
  private readonly leaseMs: number;

  constructor(
    private readonly dispatch: DispatchNotificationsUseCase,
    registry: SchedulerRegistry,
    private readonly metrics: Metrics,
    @Inject(RECONCILER_CONFIG) config: RemitdConfig,
  ) {
    super('notification-dispatch', registry, Math.min(config.pollIntervalMs, 2000));
    this.leaseMs = config.notificationLeaseMs;
  }

  protected async run(): Promise<void> {
    for (;;) {
      const r = await this.dispatch.execute(undefined, this.leaseMs);
      this.metrics.notificationsSent.inc(r.sent);
      this.metrics.notificationsGivenUp.inc(r.failed);
      if (r.claimed === 0) break;
    }
  }
}
