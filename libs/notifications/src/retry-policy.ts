/**
 * Retry schedule for outbox notifications: exponential backoff with a cap and "equal jitter"
 * (half the delay fixed, half random), so a burst of failures after an outage does not retry
 * in lock-step, yet never retries sooner than half the nominal delay. Pure functions; the
 * random source is injectable for tests.
 *
 * With the defaults the nominal delays after attempt 1, 2, 3... are
 * 30 s, 1 min, 2 min, 4 min, 8 min, 16 min, 32 min, then 1 h (cap), and a notification is
 * given up after `maxAttempts` attempts (at most about 5 hours after the first attempt).
 */

export interface RetryPolicy {
  /** Nominal delay after the first failed attempt. */
  readonly baseDelayMs: number;
  /** Upper bound of the nominal delay. */
  readonly maxDelayMs: number;
  /** Attempts after which the notification is marked failed for good. */
  readonly maxAttempts: number;
}

/** Attempts (including the first) after which a notification is not retried any more. */
export const maxAttempts = 12;

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts,
});

function checkAttempts(attempts: number): void {
  if (!Number.isSafeInteger(attempts) || attempts < 0) {
    throw new RangeError(`attempts must be a non-negative integer, got ${attempts}`);
  }
}

/** The delay before the next attempt, without jitter. `attempts` = attempts made so far. */
export function nominalDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  checkAttempts(attempts);
  const exponent = Math.min(Math.max(attempts - 1, 0), 40); // 2^40 already exceeds any sane cap
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

/**
 * Milliseconds to wait before the next attempt, after `attempts` attempts have failed
 * (1 after the first failure). The result lies in [nominal / 2, nominal].
 *
 * @param random returns a number in [0, 1), Math.random by default
 */
export function nextAttemptDelayMs(
  attempts: number,
  random: () => number = Math.random,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number {
  const nominal = nominalDelayMs(attempts, policy);
  const r = Math.min(Math.max(random(), 0), 1);
  const half = Math.floor(nominal / 2);
  return half + Math.round(r * (nominal - half));
}

/** When the next attempt is due, or null when the notification should be given up. */
export function nextAttemptAt(
  now: Date,
  attempts: number,
  random: () => number = Math.random,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Date | null {
  if (!hasAttemptsLeft(attempts, policy)) return null;
  return new Date(now.getTime() + nextAttemptDelayMs(attempts, random, policy));
}

/** True while another attempt is allowed after `attempts` attempts. */
export function hasAttemptsLeft(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean {
  checkAttempts(attempts);
  return attempts < policy.maxAttempts;
}
