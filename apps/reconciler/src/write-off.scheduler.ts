import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { WriteOffSweepUseCase } from '@remitd/billing';
import { IntervalScheduler } from './interval-scheduler';

/**
 * Decides when: every 15 seconds, pay the customers queued for automatic write-off (a raised
 * credit limit, a manual payment that ended …); every 10 minutes, queue every customer who could
 * pay something first (the safety net). The work, and how replicas share it, is WriteOffSweepUseCase's.
 */
@Injectable()
export class WriteOffScheduler extends IntervalScheduler {
  private lastFullSweep = 0;

  constructor(
    private readonly sweep: WriteOffSweepUseCase,
    registry: SchedulerRegistry,
  ) {
    super('write-off', registry, 15_000);
  }

  protected async run(now: Date): Promise<void> {
    if (now.getTime() - this.lastFullSweep >= 10 * 60_000) {
      this.lastFullSweep = now.getTime();
      await this.sweep.sweepAll();
    } else await this.sweep.drain();
  }
}
