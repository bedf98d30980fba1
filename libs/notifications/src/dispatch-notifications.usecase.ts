import { Inject, Injectable, Logger } from '@nestjs/common';
import { plural } from '@remitd/core';
import { isPermanentSendError, NotificationSendError, type NotificationChannel } from './channels';
import { OutboxRepository } from './outbox.repository';
import { isReceiptingChannel } from './smpp-sms.channel';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from './retry-policy';
import { renderTemplate } from './templates';

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
export const NOTIFICATION_RETRY_POLICY = Symbol('NOTIFICATION_RETRY_POLICY');

export interface DispatchResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends due outbox messages at least once. Claims are leases (next_attempt_at pushed forward
 * under SKIP LOCKED), so replicas never send the same row concurrently and a crashed sender's
 * rows come back after the lease; a resend carries the same dedupe-derived Message-ID.
 */
@Injectable()
export class DispatchNotificationsUseCase {
  private readonly logger = new Logger('notifications');

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    @Inject(NOTIFICATION_RETRY_POLICY) private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    // delivery receipts (SMPP deliver_sm) are recorded against the message's provider id
    for (const channel of channels)
      if (isReceiptingChannel(channel)) channel.onDeliveryReceipt((r) => outbox.recordReceipt(r));
  }

  // a small batch under a lease longer than its worst case (5 sends × the SMTP timeouts)
  async execute(batchSize = 5, leaseMs = 10 * 60_000): Promise<DispatchResult> {
    const claimed = await this.outbox.claimDue(batchSize, leaseMs);
    const result: DispatchResult = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
    for (const n of claimed) {
      try {
        const channel = this.channels.find((c) => c.name === n.channel);
        if (!channel)
          throw new NotificationSendError(`no ${n.channel} channel configured`, false, {
            channel: n.channel as 'email',
          });
        const doc = renderTemplate(n.template, n.payload, n.locale);
        const sent = await channel.send({ dedupeKey: n.dedupeKey, recipient: n.recipient, ...doc });
        await this.outbox.markSent(n, sent.providerMessageId);
        result.sent++;
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const next = isPermanentSendError(e)
          ? null
          : nextAttemptAt(new Date(), n.attempts, new Date(n.retryingSince), Math.random, this.policy);
        if (next) {
          await this.outbox.markRetry(n, msg, next);
          result.retrying++;
          this.logger.warn(
            `${n.template} to ${n.recipient} failed (attempt ${n.attempts}), retry at ${next.toISOString()}: ${msg}`,
          );
        } else {
          await this.outbox.markFailed(n, msg);
          result.failed++;
          // the alert: an operator finds it with GET /notifications?status=failed (and the failed gauge on /metrics)
          this.logger.error(
            `notification ${n.id} (${n.template} to ${n.recipient}) failed after ${plural(n.attempts, 'attempt')} and needs a person ` +
              `(GET /notifications?status=failed, POST /notifications/${n.id}/requeue): ${msg}`,
          );
        }
      }
    }
    return result;
  }
}
