import { Inject, Injectable } from '@nestjs/common';
import { notFound, validationError } from '@remitd/core';
import { Money } from '@remitd/money';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import {
  billingModeFields,
  contactUnreachable,
  externalIdTaken,
  insufficientBalanceForRenewal,
  invalidPhone,
  notRenewable,
  resourceNotFound,
} from './arrears.errors';
import { HourlyRepository } from './hourly.repository';
import { ResourceLifecycleService } from './resource-lifecycle.service';
import {
  ResourcesRepository,
  type BillingMode,
  type ContactRole,
  type ContactRow,
  type MessageType,
  type ResourceRow,
  type SubscriptionRow,
} from './resources.repository';
import { ARREARS_TIME_ZONE } from './run-lifecycle.usecase';

/**
 * A resource as the API shows it: the row with prices at the currency's scale, without `updatedAt`,
 * and when it is released (isolated) or terminated (stopped) unless restored first.
 */
export type ResourceView = Omit<ResourceRow, 'updatedAt'> & { releaseAt: Date | null };

export interface ReportResourceCommand {
  actor: Actor;
  customerId: string;
  externalId: string;
  name: string;
  billingMode: BillingMode;
  currency?: string;
  expiresAt?: string;
  autoRenew?: boolean;
  renewalPrice?: string;
  hourlyPrice?: string;
  /** pay-per-hour: when billing starts (default: now); fees are deducted for each full hour after it */
  billingStartsAt?: string;
  /** when the report is made: warnings already past are not scheduled */
  now: Date;
}

function view(r: ResourceRow, releaseAt: Date | null = null): ResourceView {
  const scaled = (v: string | null) => (v === null ? null : Money.fromStored(v, r.currency).toString());
  const { updatedAt: _updated, ...shown } = r;
  return { ...shown, renewalPrice: scaled(r.renewalPrice), hourlyPrice: scaled(r.hourlyPrice), releaseAt };
}

/**
 * The platform reports the resources it runs (seed 003: monthly subscriptions and pay-per-hour);
 * people renew subscriptions and keep the contacts who hear about them.
 */
@Injectable()
export class ResourcesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ResourcesRepository,
    private readonly lifecycle: ResourceLifecycleService,
    private readonly audit: AuditRepository,
    private readonly hourly: HourlyRepository,
    @Inject(ARREARS_TIME_ZONE) private readonly defaultTimeZone: string,
  ) {}

  /** Insert or update by the platform's id. The expiry of a subscription moves only by renewal afterwards. */
  async report(cmd: ReportResourceCommand): Promise<ResourceView & { created: boolean }> {
    return this.tx.run(async (tx) => {
      const customer = await this.repo.customerBrief(tx, cmd.customerId);
      if (!customer) throw notFound('customer', cmd.customerId);
      const currency = cmd.currency ?? (await this.customerCurrency(tx, cmd.customerId));
      const price = (v: string | undefined, field: string) =>
        v === undefined ? null : Money.of(v, currency, field).toString();
      let expiresAt: Date | null = null;
      if (cmd.billingMode === 'monthly') {
        if (!cmd.expiresAt || cmd.renewalPrice === undefined)
          throw billingModeFields('expiresAt: a monthly subscription needs expiresAt and renewalPrice', 'expiresAt');
        expiresAt = new Date(cmd.expiresAt);
      } else if (cmd.hourlyPrice === undefined)
        throw billingModeFields('hourlyPrice: a pay-per-hour resource needs hourlyPrice', 'hourlyPrice');
      const saved = await this.repo.upsert(tx, {
        customerId: cmd.customerId,
        externalId: cmd.externalId,
        name: cmd.name,
        billingMode: cmd.billingMode,
        currency,
        expiresAt,
        autoRenew: cmd.autoRenew ?? false,
        renewalPrice: price(cmd.renewalPrice, 'renewalPrice'),
        hourlyPrice: price(cmd.hourlyPrice, 'hourlyPrice'),
      });
      if (!saved) throw externalIdTaken(cmd.externalId);
      if (saved.created && saved.row.billingMode === 'hourly')
        await this.hourly.startBilling(tx, saved.row.id, cmd.billingStartsAt ? new Date(cmd.billingStartsAt) : cmd.now);
      if (saved.created && saved.row.billingMode === 'monthly') {
        const timeZone = await this.repo.timeZoneOf(tx, cmd.customerId, this.defaultTimeZone);
        await this.repo.scheduleSubscription(tx, saved.row.id, saved.row.expiresAt!, timeZone, cmd.now);
      }
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: saved.created ? 'resource.reported' : 'resource.updated',
        entityType: 'resource',
        entityId: saved.row.id,
        payload: { externalId: cmd.externalId, billingMode: cmd.billingMode },
      });
      return { ...view(saved.row), created: saved.created };
    });
  }

  async get(id: string): Promise<ResourceView> {
    const r = await this.repo.byId(undefined, id);
    if (!r) throw resourceNotFound(id);
    return view(r, (await this.repo.releaseTimes(undefined, [r.id])).get(r.id) ?? null);
  }

  async page(filter: { customerId?: string; status?: string }, page: { after?: string; limit: number }) {
    const p = await this.repo.page(filter, page);
    const releases = await this.repo.releaseTimes(
      undefined,
      p.items.map((r) => r.id),
    );
    return { items: p.items.map((r) => view(r, releases.get(r.id) ?? null)), next: p.next };
  }

  /**
   * Manual renewal (seed 003): "Within 7 days after expiration […] you can manually renew the
   * instance. After renewal, the instance will restore to normal state. The renewal cycle start
   * time of the instance is the expiration time of the previous cycle."
   */
  async renew(cmd: { actor: Actor; resourceId: string; now: Date }): Promise<ResourceView & { restored: boolean }> {
    return this.tx.run(async (tx) => {
      const r = await this.repo.byId(tx, cmd.resourceId, { lock: true });
      if (!r) throw resourceNotFound(cmd.resourceId);
      if (r.billingMode !== 'monthly' || (r.status !== 'active' && r.status !== 'isolated'))
        throw notRenewable(r.id, r.billingMode === 'monthly' ? r.status : 'pay-per-hour');
      const timeZone = await this.repo.timeZoneOf(tx, r.customerId, this.defaultTimeZone);
      const oldExpiry = r.expiresAt!;
      const renewed = await this.lifecycle.renewFromBalance(tx, r, timeZone, cmd.now);
      if (!renewed) {
        const balance = await this.lifecycle.lockedBalance(tx, r);
        throw insufficientBalanceForRenewal(
          Money.fromStored(r.renewalPrice!, r.currency).toString(),
          r.currency,
          balance.toString(),
        );
      }
      const restored = r.status === 'isolated';
      if (restored) {
        await this.repo.setStatus(tx, r.id, 'active');
        await this.lifecycle.tellPlatform(tx, r, 'resource.restored', oldExpiry, cmd.now, {
          periodStart: oldExpiry.toISOString(),
          expiresAt: renewed.expiresAt.toISOString(),
        });
      } else {
        await this.lifecycle.tellPlatform(tx, r, 'resource.renewed', oldExpiry, cmd.now, {
          periodStart: oldExpiry.toISOString(),
          expiresAt: renewed.expiresAt.toISOString(),
          price: renewed.price.toString(),
          currency: r.currency,
        });
      }
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'resource.renewed',
        entityType: 'resource',
        entityId: r.id,
        payload: {
          price: renewed.price.toString(),
          currency: r.currency,
          periodStart: oldExpiry.toISOString(),
          expiresAt: renewed.expiresAt.toISOString(),
          restored,
        },
      });
      const after = await this.repo.byId(tx, r.id);
      return { ...view(after!), restored };
    });
  }

  async addContact(cmd: {
    actor: Actor;
    customerId: string;
    name: string;
    role: ContactRole;
    email?: string | null;
    phone?: string | null;
  }): Promise<ContactRow> {
    if (!cmd.email && !cmd.phone) throw contactUnreachable();
    if (cmd.phone && !/^\+[1-9]\d{6,14}$/.test(cmd.phone)) throw invalidPhone(cmd.phone);
    return this.tx.run(async (tx) => {
      if (!(await this.repo.customerBrief(tx, cmd.customerId))) throw notFound('customer', cmd.customerId);
      const contact = await this.repo.addContact(tx, {
        customerId: cmd.customerId,
        name: cmd.name,
        role: cmd.role,
        email: cmd.email?.trim().toLowerCase() || null,
        phone: cmd.phone || null,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'contact.added',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { contactId: contact.id, role: contact.role },
      });
      return contact;
    });
  }

  /** Message Subscription Management (seed 003): who gets a message type on which channels; [] goes back to the seed's roles. */
  async setSubscriptions(cmd: {
    actor: Actor;
    customerId: string;
    messageType: MessageType;
    recipients: { contactId: string; channels: ('email' | 'sms')[] }[];
  }): Promise<SubscriptionRow[]> {
    return this.tx.run(async (tx) => {
      if (!(await this.repo.customerBrief(tx, cmd.customerId))) throw notFound('customer', cmd.customerId);
      const contacts = await this.repo.contacts(tx, cmd.customerId);
      for (const r of cmd.recipients) {
        const contact = contacts.find((c) => c.id === r.contactId);
        if (!contact)
          throw validationError(
            'CONTACT_UNKNOWN',
            `recipients: ${r.contactId} is not a contact of this customer`,
            'recipients',
          );
        if (r.channels.includes('sms') && !contact.phone)
          throw validationError(
            'CONTACT_HAS_NO_PHONE',
            `recipients: ${contact.name} has no phone number for SMS`,
            'recipients',
          );
        if (r.channels.includes('email') && !contact.email)
          throw validationError(
            'CONTACT_HAS_NO_EMAIL',
            `recipients: ${contact.name} has no e-mail address`,
            'recipients',
          );
      }
      await this.repo.setSubscriptions(
        tx,
        cmd.customerId,
        cmd.messageType,
        cmd.recipients.map((r) => ({ contactId: r.contactId, channels: [...new Set(r.channels)] })),
      );
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'message_subscription.set',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { messageType: cmd.messageType, recipients: cmd.recipients.length },
      });
      return (await this.repo.subscriptions(cmd.customerId, tx)).filter((x) => x.messageType === cmd.messageType);
    });
  }

  subscriptions(customerId: string): Promise<SubscriptionRow[]> {
    return this.repo.subscriptions(customerId);
  }

  contacts(customerId: string): Promise<ContactRow[]> {
    return this.repo.contacts(undefined, customerId);
  }

  private async customerCurrency(tx: Parameters<ResourcesRepository['customerBrief']>[0], customerId: string) {
    return this.repo.customerCurrency(tx, customerId);
  }
}
