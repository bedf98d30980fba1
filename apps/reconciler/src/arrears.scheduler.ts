import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  ArrearsClock,
  BalanceAlertsUseCase,
  DeductHourlyFeesUseCase,
  DispatchWebhooksUseCase,
  RunLifecycleUseCase,
} from '@remitd/arrears';
import { IntervalScheduler } from './interval-scheduler';

/**
 * Decides when: every 30 s, deduct the pay-per-hour fees of the hours just ended, fire the
 * arrears lifecycle's due timers, fire and re-arm balance alerts, all at the arrears clock's now.
 * Replicas share the work through SKIP LOCKED claims; the work is the use cases'.
 */
@Injectable()
export class ArrearsScheduler extends IntervalScheduler {
  constructor(
    private readonly hourly: DeductHourlyFeesUseCase,
    private readonly alerts: BalanceAlertsUseCase,
    private readonly lifecycle: RunLifecycleUseCase,
    private readonly clock: ArrearsClock,
    registry: SchedulerRegistry,
  ) {
    super('arrears-lifecycle', registry, 30_000);
  }

  protected override now(): Date {
    return this.clock.now();
  }

  protected async run(now: Date): Promise<void> {
    // the hour's fees first: a balance they turn negative starts its 24 hours now
    await this.hourly.run(now);
    await this.lifecycle.run(now);
    await this.alerts.evaluate(now);
  }
}

/** Decides when: every 2 s, drain the outbox of webhooks to the platform. */
@Injectable()
export class WebhookDispatchScheduler extends IntervalScheduler {
  constructor(
    private readonly webhooks: DispatchWebhooksUseCase,
    registry: SchedulerRegistry,
  ) {
    super('arrears-webhooks', registry, 2_000);
  }

  protected async run(): Promise<void> {
    while ((await this.webhooks.execute()).claimed > 0);
  }
}
