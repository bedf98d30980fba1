import { Inject, Injectable, Logger } from '@nestjs/common';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';
import { WebhooksRepository, type WebhookEventRow } from './webhooks.repository';

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

export interface WebhookSettings {
  /** the platform's endpoint; null: events wait in the outbox until one is configured */
  url: string | null;
  secret: string;
  timeoutMs: number;
  /** attempts before an event is given up (failed; replayable) */
  maxAttempts: number;
  /** first retry after this, doubling each attempt, capped at maxBackoffMs */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export interface WebhookDispatchResult {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** The wait before attempt `attempts + 1`: exponential, capped, with up to 10 % jitter so replicas spread out. */
export function webhookBackoffMs(
  attempts: number,
  s: Pick<WebhookSettings, 'baseBackoffMs' | 'maxBackoffMs'>,
  random = Math.random,
): number {
  const base = Math.min(s.maxBackoffMs, s.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + 0.1 * random()));
}

/**
 * Delivers the webhook outbox to the platform at least once. Claims are leases (next_attempt_at
 * pushed forward under SKIP LOCKED), so replicas never post the same event at once and a killed
 * sender's events come back after the lease; a resend carries the same event id, which the
 * platform dedupes on. Every attempt is written to the delivery log.
 */
@Injectable()
export class DispatchWebhooksUseCase {
  private readonly logger = new Logger('webhooks');

  constructor(
    private readonly repo: WebhooksRepository,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  async execute(batchSize = 20, leaseMs = 60_000): Promise<WebhookDispatchResult> {
    const result: WebhookDispatchResult = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
    const url = this.settings.url;
    if (!url) return result;
    const claimed = await this.repo.claimDue(batchSize, Math.max(leaseMs, this.settings.timeoutMs * 2));
    result.claimed = claimed.length;
    for (const event of claimed) {
      const outcome = await this.post(url, event);
      await this.repo.recordAttempt({ eventId: event.id, attempt: event.attempts, url, ...outcome });
      if (outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300) {
        await this.repo.markDelivered(event);
        result.delivered++;
        continue;
      }
      const why = outcome.error ?? `HTTP ${outcome.statusCode}`;
      if (event.attempts >= this.settings.maxAttempts) {
        await this.repo.markFailed(event, why);
        result.failed++;
        this.logger.error(
          `webhook ${event.id} (${event.type}) given up after ${event.attempts} attempts: ${why} (POST /webhook-events/${event.id}/replay)`,
        );
      } else {
        const next = new Date(Date.now() + webhookBackoffMs(event.attempts, this.settings));
        await this.repo.markRetry(event, why, next);
        result.retrying++;
      }
    }
    return result;
  }

  private async post(
    url: string,
    event: WebhookEventRow,
  ): Promise<{ statusCode: number | null; error: string | null; durationMs: number }> {
    const body = JSON.stringify(event.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_HEADERS.eventId]: event.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(this.settings.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return { statusCode: res.status, error: res.ok ? null : `HTTP ${res.status}`, durationMs: Date.now() - started };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      return {
        statusCode: null,
        error: `${err.name}: ${err.cause?.code ?? err.message}`,
        durationMs: Date.now() - started,
      };
    }
  }
}
