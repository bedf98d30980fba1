import { Injectable } from '@nestjs/common';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { webhookEventNotFound } from './arrears.errors';
import { WebhooksRepository, type WebhookDeliveryRow, type WebhookEventRow } from './webhooks.repository';

/** The webhook outbox as people see it: the events, each one's delivery log, and replay. */
@Injectable()
export class WebhookEventsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: WebhooksRepository,
    private readonly audit: AuditRepository,
  ) {}

  page(filter: { status?: string; resourceId?: string; type?: string }, page: { after?: string; limit: number }) {
    return this.repo.page(filter, page);
  }

  async get(id: string): Promise<WebhookEventRow & { deliveries: WebhookDeliveryRow[] }> {
    const event = await this.repo.byId(id);
    if (!event) throw webhookEventNotFound(id);
    return { ...event, deliveries: await this.repo.deliveries(id) };
  }

  /** Sends the event again (same id and body: the platform dedupes), whether it was delivered or given up. */
  async replay(cmd: { actor: Actor; id: string }): Promise<WebhookEventRow> {
    return this.tx.run(async (tx) => {
      const event = await this.repo.replay(tx, cmd.id);
      if (!event) throw webhookEventNotFound(cmd.id);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'webhook_event.replayed',
        entityType: 'webhook_event',
        entityId: cmd.id,
        payload: { type: event.type },
      });
      return event;
    });
  }
}
