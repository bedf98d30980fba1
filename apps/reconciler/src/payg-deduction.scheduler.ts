import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PaygDeductionUseCase } from '@remitd/payments';

/**
 * Decides when: once a minute, pay-as-you-go deduction (thresholds, due retries, unknown outcomes,
 * the month-end sweep once a month has ended). The work and its advisory lock are
 * PaygDeductionUseCase's.
 */
@Injectable()
export class PaygDeductionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('payg-scheduler');
  private running: Promise<void> | null = null;

  constructor(
    private readonly deduction: PaygDeductionUseCase,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.addInterval(
      'payg-deduction',
      setInterval(() => void this.tick(), 60_000),
    );
  }

  async tick(now = new Date()): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        await this.deduction.tick(now);
      } catch (e) {
        this.logger.error(`pay-as-you-go deduction failed: ${(e as Error).message}`);
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }
}
