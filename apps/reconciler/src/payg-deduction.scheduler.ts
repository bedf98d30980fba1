import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PaygDeductionUseCase } from '@remitd/payments';
import { IntervalScheduler } from './interval-scheduler';

/**
 * Decides when: once a minute, pay-as-you-go deduction (thresholds, due retries, unknown outcomes,
 * the month-end sweep once a month has ended). The work and its advisory lock are
 * PaygDeductionUseCase's.
 */
@Injectable()
export class PaygDeductionScheduler extends IntervalScheduler {
  constructor(
    private readonly deduction: PaygDeductionUseCase,
    registry: SchedulerRegistry,
  ) {
    super('payg-deduction', registry, 60_000);
  }

  protected async run(now: Date): Promise<void> {
    await this.deduction.tick(now);
  }
}
