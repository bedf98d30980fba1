import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '@remitd/core';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { OutboxRepository, type NotificationRow } from './outbox.repository';

export interface RequeueResult {
  notification: NotificationRow;
  /** false when it was already pending (a repeated request): nothing changed, nothing audited */
  requeued: boolean;
}

/**
 * Staff send a failed notification again (issue 11 item 16): it becomes pending, due at once,
 * with a new retry window. Idempotent: requeueing a message that is already pending changes
 * nothing; a message already sent cannot be requeued (it would reach the customer twice).
 */
@Injectable()
export class RequeueNotificationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditRepository,
  ) {}

  execute(cmd: { actor: Actor; id: string }): Promise<RequeueResult> {
    return this.tx.run(async (tx) => {
      const current = await this.outbox.byId(tx, cmd.id);
      if (!current) throw notFound('notification', cmd.id);
      if (current.status === 'pending') return { notification: current, requeued: false };
      if (current.status !== 'failed')
        throw conflict('NOTIFICATION_ALREADY_SENT', `notification ${cmd.id} was sent; it is not sent again`);
      const notification = await this.outbox.requeue(tx, cmd.id);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'notification.requeue',
        entityType: 'notification',
        entityId: cmd.id,
        payload: {
          attempts: current.attempts,
          lastError: current.lastError,
          failedAt: current.failedAt?.toISOString() ?? null,
        },
      });
      return { notification, requeued: true };
    });
  }
}
