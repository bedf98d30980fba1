import { Injectable } from '@nestjs/common';

/**
 * Now, for the arrears lifecycle. The durable timers are hand-written in PostgreSQL
 * (`lifecycle_timers`) rather than graphile-worker or pg-boss because those decide when a job
 * runs from the database's `now()`, while the seed's deadlines (warnings 7/5/3/1/0 days before
 * expiry, release after 7 days, stop after exactly 24 h) must be tested by driving a clock
 * through 8+ days in seconds (Kill Bill's ClockMock model). Every use case that fires timers
 * takes `now` from its caller: the scheduler passes this clock's reading, tests pass theirs.
 */
@Injectable()
export class ArrearsClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** tests: move time forward */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
