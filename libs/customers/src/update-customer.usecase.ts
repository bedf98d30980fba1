import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApprovalsService, makerOf, type ApprovalRequestView } from '@remitd/access';
import { notFound } from '@remitd/core';
import { Money } from '@remitd/money';
import { AuditRepository, TransactionRunner, type Actor, type Tx } from '@remitd/persistence';
import { AllocateVirtualAccountUseCase } from './allocate-virtual-account.usecase';
import { BillingEntityRepository } from './billing-entity.repository';
import { CustomerRepository } from './customer.repository';
import {
  checkBillingEntity,
  pastBillsNeedCreditControl,
  validateCustomerFields,
  validateLocale,
  validatePaymentTerms,
} from './create-customer.usecase';
import { toPaymentTermsView } from './customer.view';
import { CustomerQueries } from './customer-queries';
import type { CustomerView } from './customer.view';

export interface UpdateCustomerCommand {
  actor: Actor;
  customerId: string;
  name?: string;
  email?: string;
  creditControl?: boolean;
  creditLimit?: string;
  frozenAmount?: string;
  autoWriteOff?: boolean;
  partialLastBill?: boolean;
  writeOffPastBills?: boolean;
  billingEntityId?: string;
  /** en | zh */
  locale?: string;
  /** the provider's name as account holder, for an exclusive account allocated by the change */
  accountHolder?: string;
}

export interface SetPaymentTermsCommand {
  actor: Actor;
  customerId: string;
  settlementCycle: string;
  paymentPeriodDays: number;
  paymentPeriodKind: string;
}

export interface PendingCustomerUpdate {
  state: 'pending_approval';
  approvalRequest: ApprovalRequestView;
}

/**
 * Credit control settings: limit, frozen amount, write-off flags. Audited with before/after.
 * Raising a credit limit by more than the actor's cap (REMITD_APPROVAL_CAPS) waits, with the
 * rest of the change, for a second approver from finance or administration (issue 11 item 10).
 */
@Injectable()
export class UpdateCustomerUseCase implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly customers: CustomerRepository,
    private readonly audit: AuditRepository,
    private readonly queries: CustomerQueries,
    private readonly approvals: ApprovalsService,
    private readonly entities: BillingEntityRepository,
    private readonly allocate: AllocateVirtualAccountUseCase,
  ) {}

  onModuleInit(): void {
    this.approvals.register('credit_limit', {
      executeApproved: async (tx, request) => {
        const changes = request.payload as Omit<UpdateCustomerCommand, 'actor'>;
        await this.update(tx, { ...changes, actor: makerOf(request) }, request);
        return { customerId: changes.customerId, creditLimit: changes.creditLimit ?? null };
      },
    });
  }

  async execute(cmd: UpdateCustomerCommand): Promise<CustomerView | PendingCustomerUpdate> {
    const pending = await this.tx.run((tx) => this.update(tx, cmd));
    return pending ?? this.queries.get(cmd.customerId);
  }

  /**
   * The contract's payment terms (seed 000): settlement cycle + payment period. Bills issued from
   * now on carry them and their due date; bills already issued keep the terms they were issued with.
   */
  async setPaymentTerms(cmd: SetPaymentTermsCommand): Promise<CustomerView> {
    const terms = validatePaymentTerms(cmd);
    await this.tx.run(async (tx) => {
      const before = await this.customers.lockById(tx, cmd.customerId);
      if (!before) throw notFound('customer', cmd.customerId);
      const after = await this.customers.update(tx, cmd.customerId, terms);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'customer.payment_terms',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { paymentTerms: toPaymentTermsView(after), before: toPaymentTermsView(before) },
      });
    });
    return this.queries.get(cmd.customerId);
  }

  /**
   * Issue 17: the customer's language, which its own members may change too (the caller checks
   * the member's scope). Audited with the language before.
   */
  async setLocale(cmd: { actor: Actor; customerId: string; locale: string }): Promise<CustomerView> {
    const locale = validateLocale(cmd.locale);
    await this.tx.run(async (tx) => {
      const before = await this.customers.lockById(tx, cmd.customerId);
      if (!before) throw notFound('customer', cmd.customerId);
      if (before.locale === locale) return;
      await this.customers.update(tx, cmd.customerId, { locale });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'customer.locale',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { locale, before: before.locale },
      });
    });
    return this.queries.get(cmd.customerId);
  }

  private async update(
    tx: Tx,
    cmd: UpdateCustomerCommand,
    approval?: ApprovalRequestView,
  ): Promise<PendingCustomerUpdate | null> {
    const before = await this.customers.lockById(tx, cmd.customerId);
    if (!before) throw notFound('customer', cmd.customerId);
    const { limit, frozen } = validateCustomerFields(cmd, before.currency);
    const locale = cmd.locale === undefined ? undefined : validateLocale(cmd.locale);
    if (cmd.billingEntityId !== undefined)
      await checkBillingEntity(this.entities, tx, cmd.billingEntityId, before.currency);
    if (cmd.writeOffPastBills && !(cmd.creditControl ?? before.creditControl)) throw pastBillsNeedCreditControl();
    // off credit control: "write off past bills" goes with it (it exists only on credit control)
    if (cmd.creditControl === false && before.writeOffPastBills && cmd.writeOffPastBills === undefined)
      cmd = { ...cmd, writeOffPastBills: false };
    const { actor: _a, accountHolder: _h, ...command } = cmd;
    const { customerId: _c, ...changes } = command;
    const increase = limit?.minus(Money.fromStored(before.creditLimit, before.currency));
    if (!approval && increase?.isPositive() && this.approvals.needsSecondApprover(cmd.actor, increase)) {
      const approvalRequest = await this.approvals.request(tx, {
        maker: cmd.actor,
        kind: 'credit_limit',
        customerId: before.id,
        payload: command,
        summary: `credit limit of ${before.name} from ${Money.fromStored(before.creditLimit, before.currency).toString()} to ${limit!.toString()} ${before.currency}`,
      });
      return { state: 'pending_approval', approvalRequest };
    }
    const after = await this.customers.update(tx, cmd.customerId, {
      ...changes,
      name: cmd.name?.trim(),
      email: cmd.email?.trim(),
      creditLimit: limit?.toString(),
      frozenAmount: frozen?.toString(),
      locale,
    });
    await this.audit.record(tx, {
      actor: cmd.actor,
      action: 'customer.update',
      entityType: 'customer',
      entityId: cmd.customerId,
      payload: {
        changes: { ...changes },
        before: {
          creditLimit: Money.fromStored(before.creditLimit, before.currency).toString(),
          frozenAmount: Money.fromStored(before.frozenAmount, before.currency).toString(),
          autoWriteOff: before.autoWriteOff,
          creditControl: before.creditControl,
          billingEntityId: before.billingEntityId,
          locale: before.locale,
        },
        ...(approval ? { approvalRequestId: approval.id } : {}),
      },
    });
    // issue 14: put on credit control (or moved to an entity that offers them): its exclusive account now
    if (cmd.creditControl !== undefined || cmd.billingEntityId !== undefined)
      await this.allocate.allocateAutomatically(tx, after, cmd.actor, cmd.accountHolder);
    return null;
  }
}
