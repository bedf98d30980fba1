import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { RemitdConfig } from '@remitd/config';
import { DispatchNotificationsUseCase } from '@remitd/notifications';
import { Metrics } from './metrics';
import { RECONCILER_CONFIG } from './tokens';

/** Decides when: every few seconds, drain the outbox. The work is the use case. */
@Injectable()
export class NotificationDispatchScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('notification-dispatch');
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dispatch: DispatchNotificationsUseCase,
    private readonly registry: SchedulerRegistry,
    private readonly metrics: Metrics,
    @Inject(RECONCILER_CONFIG) private readonly config: RemitdConfig,
  ) {}

  onApplicationBootstrap(): void {
    const interval = setInterval(() => void this.tick(), Math.min(this.config.pollIntervalMs, 2000));
    this.registry.addInterval('notification-dispatch', interval);
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        for (;;) {
          const r = await this.dispatch.execute();
          this.metrics.notificationsSent.inc(r.sent);
          this.metrics.notificationsGivenUp.inc(r.failed);
          if (r.claimed === 0) break;
        }
      } catch (e) {
        this.logger.error(`dispatch failed: ${(e as Error).message}`);
      }
    })().finally(() => (this.running = null));
    await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }
}
