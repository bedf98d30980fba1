/**
 * Retry schedule for outbox notifications: exponential backoff with a cap and "equal jitter"
 * (half the delay fixed, half random), so a burst of failures after an outage does not retry
 * in lock-step, yet never retries sooner than half the nominal delay. Pure functions; the
 * random source is injectable for tests.
 *
 * With the defaults the nominal delays after attempt 1, 2, 3... are
 * 30 s, 1 min, 2 min, 4 min, 8 min, 16 min, 32 min, then 1 h (cap): hourly after the first hour.
 *
 * The outbox never gives up silently (issue 11 item 16). A transient failure (connection,
 * timeout, 4xx reply, TLS or authentication trouble an operator can fix) is retried for at least
 * `retryForMs` (3 days by default) from when the message was queued or last requeued: it is given
 * up only when an attempt made after that window fails. A permanent failure (a 5xx refusal of the
 * recipient or the message, an invalid message, a template error: see isPermanentSendError) fails
 * at once, since sending the same message again cannot succeed. Either way the message is then
 * `failed`, counted on the reconciler's /metrics, logged at error, listed by
 * `GET /notifications?status=failed`, and staff can requeue it.
 */

export interface RetryPolicy {
  /** Nominal delay after the first failed attempt. */
  readonly baseDelayMs: number;
  /** Upper bound of the nominal delay. */
  readonly maxDelayMs: number;
  /** How long transient failures are retried, from when the message was queued (or requeued). */
  readonly retryForMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  retryForMs: 3 * 24 * 3600_000,
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

/** True while a message queued (or requeued) at `retryingSince` is still retried at `now`. */
export function withinRetryWindow(now: Date, retryingSince: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean {
  return now.getTime() - retryingSince.getTime() < policy.retryForMs;
}

/**
 * When the next attempt is due after a transient failure at `now`, or null when the message is
 * given up: the failed attempt was made once the retry window had passed.
 */
export function nextAttemptAt(
  now: Date,
  attempts: number,
  retryingSince: Date,
  random: () => number = Math.random,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Date | null {
  checkAttempts(attempts);
  if (!withinRetryWindow(now, retryingSince, policy)) return null;
  return new Date(now.getTime() + nextAttemptDelayMs(attempts, random, policy));
}
