import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { WriteOffSweepUseCase } from '@remitd/billing';

/**
 * Decides when: every 15 seconds, pay the customers queued for automatic write-off (a raised
 * credit limit, a manual payment that ended …); every 10 minutes, queue every customer who could
 * pay something first (the safety net). The work, and how replicas share it, is WriteOffSweepUseCase's.
 */
@Injectable()
export class WriteOffScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('write-off-scheduler');
  private running: Promise<void> | null = null;
  private lastFullSweep = 0;

  constructor(
    private readonly sweep: WriteOffSweepUseCase,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.addInterval(
      'write-off',
      setInterval(() => void this.tick(), 15_000),
    );
  }

  async tick(now = new Date()): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        if (now.getTime() - this.lastFullSweep >= 10 * 60_000) {
          this.lastFullSweep = now.getTime();
          await this.sweep.sweepAll();
        } else await this.sweep.drain();
      } catch (e) {
        this.logger.error(`write-off sweep failed: ${(e as Error).message}`);
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }
}
