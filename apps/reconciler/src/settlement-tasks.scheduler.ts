import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SettleTaskUseCase } from '@remitd/settlement-tasks';

/**
 * Decides when: every 30 seconds, settle the running unified settlement tasks whose payer has a
 * balance (seed 001: "after the account is topped up … within 1 to 2 minutes"). The work, under
 * one advisory lock shared by replicas, is SettleTaskUseCase.pass.
 */
@Injectable()
export class SettlementTasksScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('settlement-tasks-scheduler');
  private running: Promise<void> | null = null;

  constructor(
    private readonly settle: SettleTaskUseCase,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.addInterval(
      'settlement-tasks',
      setInterval(() => void this.tick(), 30_000),
    );
  }

  async tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        await this.settle.pass();
      } catch (e) {
        this.logger.error(`settlement task pass failed: ${(e as Error).message}`);
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }
}
