import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { cashAccount, LedgerRepository, LedgerService, resourceRevenue, transfer } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { OutboxRepository, type OutboxMessage, type ResourceEvent } from '@remitd/notifications';
import type { SqlTx } from '@remitd/persistence';
import { ResourcesRepository, type ContactRole, type MessageType, type ResourceRow } from './resources.repository';

/** The message type each lifecycle event is subscribed under. */
export const MESSAGE_TYPE_OF: Record<ResourceEvent, MessageType> = {
  expiring: 'expiration_warning',
  overdue: 'overdue_warning',
  released: 'release',
  arrears: 'arrears_reminder',
  stopped: 'stop',
  restored: 'restore',
  terminated: 'termination',
};
import { WebhooksRepository } from './webhooks.repository';

/** Seed 003: "the Tencent Cloud account creator, global resource collaborator, and financial collaborator". */
export const WARNING_ROLES: readonly ContactRole[] = [
  'creator',
  'global_resource_collaborator',
  'financial_collaborator',
];
/** Seed 003: overdue payment alerts go to "the account creator and all collaborators". */
export const OVERDUE_ROLES: readonly ContactRole[] = [
  'creator',
  'global_resource_collaborator',
  'financial_collaborator',
  'collaborator',
];
/** Release and termination: everyone, sub-accounts included ("root account, subscribed sub-accounts and collaborators"). */
export const EVERYONE: readonly ContactRole[] = [...OVERDUE_ROLES, 'sub_account'];

export type WebhookType =
  | 'resource.renewed'
  | 'resource.isolated'
  | 'resource.restored'
  | 'resource.released'
  | 'resource.stopped'
  | 'resource.terminated';

/** The local calendar date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * The steps every lifecycle decision is made of, each inside the caller's transaction: renew a
 * period from the balance, tell the platform (webhook outbox), tell the contacts (notification
 * outbox). Written together with the decision, so a crash loses or doubles none of them.
 */
@Injectable()
export class ResourceLifecycleService {
  constructor(
    private readonly repo: ResourcesRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly outbox: OutboxRepository,
    private readonly ledger: LedgerService,
    private readonly ledgerRepo: LedgerRepository,
  ) {}

  /** The customer's cash balance in the resource's currency, locked for this transaction. */
  async lockedBalance(tx: SqlTx, r: Pick<ResourceRow, 'customerId' | 'currency'>): Promise<Money> {
    const account = cashAccount(r.customerId, r.currency);
    const balances = await this.ledgerRepo.lockBalances(tx, [account]);
    return Money.fromStored(balances.get(account.code) ?? '0', r.currency);
  }

  /**
   * One more month from the balance; the new period starts at the old expiry (seed 003: "The
   * renewal cycle start time of the instance is the expiration time of the previous cycle").
   * Returns the new expiry, or null when the balance does not cover the price (nothing moved).
   */
  async renewFromBalance(
    tx: SqlTx,
    r: ResourceRow,
    timeZone: string,
    now: Date,
  ): Promise<{ expiresAt: Date; price: Money } | null> {
    const price = Money.fromStored(r.renewalPrice ?? '0', r.currency);
    const balance = await this.lockedBalance(tx, r);
    if (balance.lt(price)) return null;
    const oldExpiry = r.expiresAt!;
    if (price.isPositive()) {
      const cash = cashAccount(r.customerId, r.currency);
      await this.ledger.post(tx, {
        idempotencyKey: `resource-renewal:${r.id}:${oldExpiry.toISOString()}`,
        kind: 'resource_renewal',
        description: `renewal of ${r.name} (${r.externalId}) from ${localDate(oldExpiry, timeZone)}`,
        metadata: { resourceId: r.id, externalId: r.externalId, periodStart: oldExpiry.toISOString() },
        legs: transfer(cash, resourceRevenue(r.currency), price),
        guards: [{ account: cash, min: Money.zero(r.currency) }],
      });
    }
    const expiresAt = await this.repo.extendOneMonth(tx, r.id, oldExpiry, timeZone);
    await this.repo.scheduleSubscription(tx, r.id, expiresAt, timeZone, now);
    return { expiresAt, price };
  }

  /** A webhook to the platform, once per (resource, type, basis): the event id is the platform's dedupe key. */
  async tellPlatform(
    tx: SqlTx,
    r: ResourceRow,
    type: WebhookType,
    basis: Date,
    occurredAt: Date,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    const id = randomUUID();
    await this.webhooks.enqueue(tx, {
      id,
      dedupeKey: `${r.id}:${type}:${basis.toISOString()}`,
      type,
      resourceId: r.id,
      customerId: r.customerId,
      payload: {
        id,
        type,
        occurredAt: occurredAt.toISOString(),
        data: { resourceId: r.id, externalId: r.externalId, customerId: r.customerId, ...data },
      },
    });
  }

  /**
   * Tells the contacts in `roles` by e-mail and SMS (whichever they have). A customer without a
   * creator contact has its own e-mail address as the creator's. `dedupe` names the occasion:
   * one message per occasion, contact and channel, however often the timer fires.
   */
  async tellContacts(
    tx: SqlTx,
    r: Pick<ResourceRow, 'id' | 'customerId' | 'name' | 'externalId' | 'currency'>,
    roles: readonly ContactRole[],
    dedupe: string,
    event: ResourceEvent,
    extra: { expiresOn?: string; days?: number; amount?: string } = {},
  ): Promise<number> {
    const customer = await this.repo.customerBrief(tx, r.customerId);
    if (!customer) return 0;
    const recipients = await this.recipients(tx, r.customerId, MESSAGE_TYPE_OF[event], roles, customer.email);
    const payload = {
      event,
      customerName: customer.name,
      resourceName: r.name,
      externalId: r.externalId,
      currency: r.currency,
      ...extra,
    };
    const messages: OutboxMessage[] = [];
    for (const to of recipients) {
      if (to.email && to.channels.includes('email'))
        messages.push({
          dedupeKey: `${dedupe}:${to.key}:email`,
          channel: 'email',
          recipient: to.email,
          template: 'resource-lifecycle',
          payload,
          customerId: r.customerId,
        });
      if (to.phone && to.channels.includes('sms'))
        messages.push({
          dedupeKey: `${dedupe}:${to.key}:sms`,
          channel: 'sms',
          recipient: to.phone,
          template: 'resource-lifecycle',
          payload,
          customerId: r.customerId,
        });
    }
    await this.outbox.enqueue(tx, messages);
    return messages.length;
  }

  /**
   * The customer's chosen recipients of the message type (Message Subscription Management), or
   * else the seed's roles on every channel they have; a customer without an e-mail creator
   * contact has its own e-mail as the creator's.
   */
  private async recipients(
    tx: SqlTx,
    customerId: string,
    type: MessageType,
    roles: readonly ContactRole[],
    customerEmail: string,
  ): Promise<{ key: string; email: string | null; phone: string | null; channels: string[] }[]> {
    const chosen = await this.repo.subscribers(tx, customerId, type);
    if (chosen.length) return chosen.map((c) => ({ key: c.id, email: c.email, phone: c.phone, channels: c.channels }));
    const contacts = await this.repo.contacts(tx, customerId, roles);
    const out = contacts.map((c) => ({ key: c.id, email: c.email, phone: c.phone, channels: ['email', 'sms'] }));
    const creators = await this.repo.contacts(tx, customerId, ['creator']);
    if (roles.includes('creator') && !creators.some((c) => c.email))
      out.unshift({ key: 'customer', email: customerEmail, phone: null, channels: ['email'] });
    return out;
  }
}
