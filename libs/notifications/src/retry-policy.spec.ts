import {
  DEFAULT_RETRY_POLICY,
  nextAttemptAt,
  nextAttemptDelayMs,
  nominalDelayMs,
  withinRetryWindow,
} from './retry-policy';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('retry policy', () => {
  it('doubles the nominal delay per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((a) => nominalDelayMs(a))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
    expect(nominalDelayMs(0)).toBe(30_000);
    expect(nominalDelayMs(Number.MAX_SAFE_INTEGER)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('jitters between half and all of the nominal delay', () => {
    expect(nextAttemptDelayMs(1, () => 0)).toBe(15_000);
    expect(nextAttemptDelayMs(1, () => 0.5)).toBe(22_500);
    expect(nextAttemptDelayMs(1, () => 0.999999)).toBe(30_000);
    expect(nextAttemptDelayMs(20, () => 0)).toBe(1_800_000);
    for (let attempts = 1; attempts <= 15; attempts++) {
      const d = nextAttemptDelayMs(attempts);
      expect(d).toBeGreaterThanOrEqual(nominalDelayMs(attempts) / 2);
      expect(d).toBeLessThanOrEqual(nominalDelayMs(attempts));
      expect(Number.isInteger(d)).toBe(true);
    }
  });

  it('takes a custom policy', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 250, retryForMs: 1000 };
    expect([1, 2, 3].map((a) => nextAttemptDelayMs(a, () => 1, policy))).toEqual([100, 200, 250]);
    expect(withinRetryWindow(new Date(999), new Date(0), policy)).toBe(true);
    expect(withinRetryWindow(new Date(1000), new Date(0), policy)).toBe(false);
  });

  describe('issue 11 item 16: the outbox never gives up silently — transient failures are retried for at least 3 days', () => {
    const queued = new Date('2026-01-01T00:00:00Z');

    it('an outage of 3 days is retried through, at most hourly once backed off, and given up only after it', () => {
      // walk the schedule a failing message follows, with the slowest and the fastest jitter
      for (const random of [() => 0, () => 0.999999]) {
        let now = queued;
        let attempts = 1;
        const delays: number[] = [];
        for (;;) {
          const next = nextAttemptAt(now, attempts, queued, random);
          if (!next) break;
          delays.push(next.getTime() - now.getTime());
          now = next;
          attempts++;
        }
        // the last (failed) attempt was made 3 days or more after the message was queued
        expect(now.getTime() - queued.getTime()).toBeGreaterThanOrEqual(3 * DAY);
        expect(now.getTime() - queued.getTime()).toBeLessThan(3 * DAY + HOUR);
        expect(Math.max(...delays)).toBeLessThanOrEqual(HOUR);
        expect(attempts).toBeGreaterThan(70);
      }
    });

    it('a requeued message gets a whole new window from its requeue', () => {
      const requeued = new Date(queued.getTime() + 10 * DAY);
      expect(nextAttemptAt(new Date(requeued.getTime() + DAY), 90, queued)).toBeNull();
      expect(nextAttemptAt(new Date(requeued.getTime() + DAY), 90, requeued)).not.toBeNull();
    });
  });

  it('rejects invalid attempt counts', () => {
    expect(() => nextAttemptDelayMs(-1)).toThrow(RangeError);
    expect(() => nextAttemptDelayMs(1.5)).toThrow(RangeError);
  });
});
