import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  ArrearsClock,
  BalanceAlertsUseCase,
  DeductHourlyFeesUseCase,
  DispatchWebhooksUseCase,
  RunLifecycleUseCase,
} from '@remitd/arrears';

/**
 * Decides when: every 30 s, deduct the pay-per-hour fees of the hours just ended, fire the
 * arrears lifecycle's due timers, fire and re-arm balance alerts (at the clock's now), and
 * every 2 s drain the webhook outbox to the platform. Replicas share both through SKIP LOCKED
 * claims; the work is the use cases'.
 */
@Injectable()
export class ArrearsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('arrears-scheduler');
  private lifecycleRun: Promise<void> | null = null;
  private webhookRun: Promise<void> | null = null;

  constructor(
    private readonly hourly: DeductHourlyFeesUseCase,
    private readonly alerts: BalanceAlertsUseCase,
    private readonly lifecycle: RunLifecycleUseCase,
    private readonly webhooks: DispatchWebhooksUseCase,
    private readonly clock: ArrearsClock,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.addInterval(
      'arrears-lifecycle',
      setInterval(() => void this.tick(), 30_000),
    );
    this.registry.addInterval(
      'arrears-webhooks',
      setInterval(() => void this.sendWebhooks(), 2_000),
    );
  }

  async tick(now = this.clock.now()): Promise<void> {
    if (this.lifecycleRun) return this.lifecycleRun;
    this.lifecycleRun = (async () => {
      try {
        // the hour's fees first: a balance they turn negative starts its 24 hours now
        await this.hourly.run(now);
        await this.lifecycle.run(now);
        await this.alerts.evaluate(now);
      } catch (e) {
        this.logger.error(`arrears lifecycle failed: ${(e as Error).message}`);
      }
    })().finally(() => (this.lifecycleRun = null));
    return this.lifecycleRun;
  }

  async sendWebhooks(): Promise<void> {
    if (this.webhookRun) return this.webhookRun;
    this.webhookRun = (async () => {
      try {
        while ((await this.webhooks.execute()).claimed > 0);
      } catch (e) {
        this.logger.error(`webhook dispatch failed: ${(e as Error).message}`);
      }
    })().finally(() => (this.webhookRun = null));
    return this.webhookRun;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.lifecycleRun, this.webhookRun]);
  }
}
