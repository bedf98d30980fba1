import { Injectable } from '@nestjs/common';
import { notFound, validationError } from '@remitd/core';
import { Money } from '@remitd/money';
import { OutboxRepository, type OutboxMessage } from '@remitd/notifications';
import { AuditRepository, idempotencyStorage, TransactionRunner, type Actor } from '@remitd/persistence';
import { balanceAlertNotFound } from './arrears.errors';
import { BalanceAlertsRepository, type AlertChannel, type BalanceAlertRow } from './balance-alerts.repository';
import { ResourcesRepository } from './resources.repository';

export interface BalanceAlertView {
  id: string;
  customerId: string;
  currency: string;
  threshold: string;
  contactIds: string[];
  channels: AlertChannel[];
  armed: boolean;
  crossings: number;
  lastFiredAt: Date | null;
  createdAt: Date;
}

const view = (a: BalanceAlertRow): BalanceAlertView => ({
  ...a,
  threshold: Money.fromStored(a.threshold, a.currency).toString(),
});

/**
 * Balance alerts (seed 003: "set an arrears alert manually using the balance alert feature"): a
 * threshold per currency, the contacts and channels it goes to. The pass fires an armed alert
 * once when the balance is below its threshold and re-arms it once the balance is back at or
 * above, so a balance that stays low is told once, and every new downward crossing again.
 */
@Injectable()
export class BalanceAlertsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: BalanceAlertsRepository,
    private readonly resources: ResourcesRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditRepository,
  ) {}

  async set(cmd: {
    actor: Actor;
    customerId: string;
    currency?: string;
    threshold: string;
    contactIds?: string[];
    channels?: AlertChannel[];
  }): Promise<BalanceAlertView> {
    return this.tx.run(async (tx) => {
      if (!(await this.resources.customerBrief(tx, cmd.customerId))) throw notFound('customer', cmd.customerId);
      const currency = cmd.currency ?? (await this.resources.customerCurrency(tx, cmd.customerId));
      const threshold = Money.of(cmd.threshold, currency, 'threshold');
      const contacts = await this.resources.contacts(tx, cmd.customerId);
      const unknown = (cmd.contactIds ?? []).filter((id) => !contacts.some((c) => c.id === id));
      if (unknown.length)
        throw validationError(
          'CONTACT_UNKNOWN',
          `contactIds: ${unknown.join(', ')} not contacts of this customer`,
          'contactIds',
        );
      const alert = await this.repo.upsert(tx, {
        customerId: cmd.customerId,
        currency,
        threshold: threshold.toString(),
        contactIds: cmd.contactIds ?? [],
        channels: cmd.channels?.length ? [...new Set(cmd.channels)] : ['email'],
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'balance_alert.set',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { alertId: alert.id, currency, threshold: threshold.toString() },
      });
      return view(alert);
    });
  }

  /** Stops an alert: it is deleted (its history stays in the audit log). */
  async remove(cmd: { actor: Actor; customerId: string; id: string }): Promise<BalanceAlertView> {
    return this.tx.run(async (tx) => {
      const alert = await this.repo.remove(tx, cmd.customerId, cmd.id);
      if (!alert) throw balanceAlertNotFound(cmd.id);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'balance_alert.removed',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { alertId: alert.id, currency: alert.currency, threshold: view(alert).threshold },
      });
      return view(alert);
    });
  }

  async list(customerId: string): Promise<BalanceAlertView[]> {
    return (await this.repo.list(customerId)).map(view);
  }

  /** Fires the crossed alerts (messages in the same transaction) and re-arms the recovered ones. */
  async evaluate(now: Date): Promise<{ fired: number; rearmed: number }> {
    return idempotencyStorage.exit(() =>
      this.tx.run(async (tx) => {
        const fired = await this.repo.fireCrossed(tx, now, 10_000);
        const messages: OutboxMessage[] = [];
        for (const alert of fired) {
          const customer = await this.resources.customerBrief(tx, alert.customerId);
          const contacts = await this.resources.contacts(tx, alert.customerId);
          const chosen = alert.contactIds.length ? contacts.filter((c) => alert.contactIds.includes(c.id)) : [];
          const to = chosen.length
            ? chosen.map((c) => ({ key: c.id, email: c.email, phone: c.phone }))
            : [{ key: 'customer', email: customer?.email ?? null, phone: null as string | null }];
          const payload = {
            customerName: customer?.name ?? '',
            currency: alert.currency,
            threshold: Money.fromStored(alert.threshold, alert.currency).toString(),
            balance: Money.fromStored(alert.balance, alert.currency).toString(),
          };
          for (const t of to)
            for (const channel of alert.channels) {
              const recipient = channel === 'email' ? t.email : t.phone;
              if (recipient)
                messages.push({
                  dedupeKey: `balance-alert:${alert.id}:${alert.crossings}:${t.key}:${channel}`,
                  channel,
                  recipient,
                  template: 'balance-alert',
                  payload,
                  customerId: alert.customerId,
                });
            }
        }
        await this.outbox.enqueue(tx, messages);
        const rearmed = await this.repo.rearm(tx);
        return { fired: fired.length, rearmed };
      }),
    );
  }
}
