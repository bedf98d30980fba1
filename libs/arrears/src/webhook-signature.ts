import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of every webhook to the platform (docs/webhooks.md). */
export const WEBHOOK_HEADERS = {
  eventId: 'remitd-event-id',
  timestamp: 'remitd-timestamp',
  signature: 'remitd-signature',
} as const;

/** `v1=` + hex HMAC-SHA256 over `<unix seconds>.<raw body>` with the shared secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The receiver's check (the recipe of docs/webhooks.md, in code): the signature over the raw
 * body, compared in constant time, and a timestamp within `toleranceS` of the receiver's clock
 * (a replayed old request fails).
 */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowS = Math.floor(Date.now() / 1000),
  toleranceS = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  if (Math.abs(nowS - timestamp) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
