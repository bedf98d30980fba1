import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * What every scheduler of the reconciler shares (style: schedulers only decide when): an interval
 * registered under its name, at most one run at a time in this process (a tick while one runs
 * joins it), a failure logged and not thrown, and shutdown waiting for the run under way. The
 * work is `run`, a use case call; replicas are kept apart by the use cases' advisory locks.
 */
export abstract class IntervalScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private running: Promise<void> | null = null;

  protected constructor(
    private readonly name: string,
    private readonly registry: SchedulerRegistry,
    private readonly everyMs: number,
    private readonly atStart = false,
  ) {
    this.logger = new Logger(name);
  }

  /** the work of one tick at `now` */
  protected abstract run(now: Date): Promise<void>;

  onApplicationBootstrap(): void {
    this.registry.addInterval(
      this.name,
      setInterval(() => void this.tick(), this.everyMs),
    );
    if (this.atStart) setImmediate(() => void this.tick());
  }

  /** what "now" is for a tick (a scheduler with a controllable clock returns that clock's) */
  protected now(): Date {
    return new Date();
  }

  tick(now = this.now()): Promise<void> {
    if (this.running) return this.running;
    this.running = this.run(now)
      .catch((e: unknown) => this.logger.error(`${this.name} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }
}
