import {
  DEFAULT_RETRY_POLICY,
  hasAttemptsLeft,
  maxAttempts,
  nextAttemptAt,
  nextAttemptDelayMs,
  nominalDelayMs,
} from './retry-policy';

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
    const policy = { baseDelayMs: 100, maxDelayMs: 250, maxAttempts: 3 };
    expect([1, 2, 3].map((a) => nextAttemptDelayMs(a, () => 1, policy))).toEqual([100, 200, 250]);
    expect(hasAttemptsLeft(2, policy)).toBe(true);
    expect(hasAttemptsLeft(3, policy)).toBe(false);
  });

  it('gives up after maxAttempts', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    expect(nextAttemptAt(now, 1, () => 0)).toEqual(new Date('2025-01-01T00:00:15Z'));
    expect(nextAttemptAt(now, maxAttempts - 1, () => 1)).not.toBeNull();
    expect(nextAttemptAt(now, maxAttempts, () => 1)).toBeNull();
    expect(hasAttemptsLeft(maxAttempts)).toBe(false);
  });

  it('rejects invalid attempt counts', () => {
    expect(() => nextAttemptDelayMs(-1)).toThrow(RangeError);
    expect(() => nextAttemptDelayMs(1.5)).toThrow(RangeError);
  });
});
