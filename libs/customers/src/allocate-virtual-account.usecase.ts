import { Injectable } from '@nestjs/common';
import { notFound } from '@remitd/core';
import { customerAccounts, LedgerRepository } from '@remitd/ledger';
import { currency } from '@remitd/money';
import { OutboxRepository } from '@remitd/notifications';
import { AuditRepository, TransactionRunner, type Actor, type Tx } from '@remitd/persistence';
import { BillingEntityRepository, type BillingEntityRecord } from './billing-entity.repository';
import { formatIban } from './check-digits';
import { CustomerRepository, type CustomerRecord } from './customer.repository';
import {
  collectionAccountNotFound,
  collectionAccountNotOfEntity,
  collectionAccountRequired,
  currencyNotBilled,
  exclusiveAccountsNotOffered,
  currencyNotHeld,
  noCollectionAccountFor,
  reissueUnderSameCollectionAccount,
  virtualAccountClosed,
  virtualAccountNotFound,
  virtualAccountUnderAnotherCollectionAccount,
} from './customers.errors';
import { virtualAccountNumber } from './virtual-account-number';
import { VirtualAccountRepository } from './virtual-account.repository';

export interface AllocateVirtualAccountCommand {
  actor: Actor;
  customerId: string;
  currency?: string;
  collectionAccountId?: string;
  /** the provider's name as account holder, shown in the e-mail when the collection account names none */
  accountHolder?: string;
}

export interface VirtualAccountView {
  id: string;
  customerId: string;
  currency: string;
  number: string;
  iban: string | null;
  display: string;
  bic: string | null;
  /** US ABA routing number of the collection account, for ACH */
  routingNumber: string | null;
  collectionAccountId: string;
  collectionAccountName: string;
  /** the beneficiary name to write on a transfer; null when the collection account names none (then: the provider) */
  accountHolderName: string | null;
  /** null when the collection account names no bank (the BIC identifies it) */
  bankName: string | null;
  status: string;
  createdAt: string;
  closedAt: string | null;
  /** false when the customer already had an active account in this currency (the call is a no-op) */
  created: boolean;
}

export interface CloseVirtualAccountCommand {
  actor: Actor;
  customerId: string;
  virtualAccountId: string;
}

export interface ReissueVirtualAccountCommand extends CloseVirtualAccountCommand {
  collectionAccountId: string;
  accountHolder?: string;
}

type CollectionRow = NonNullable<Awaited<ReturnType<VirtualAccountRepository['findCollectionAccount']>>>;

type VaRow = Awaited<ReturnType<VirtualAccountRepository['create']>>;

export function toVirtualAccountView(va: VaRow, created: boolean): VirtualAccountView {
  const isIban = !!va.collectionAccount.iban;
  return {
    id: va.id,
    customerId: va.customerId,
    currency: va.currency,
    number: va.number,
    iban: isIban ? va.number : null,
    display: isIban ? formatIban(va.number) : va.number,
    bic: va.collectionAccount.bic,
    routingNumber: va.collectionAccount.routingNumber ?? null,
    collectionAccountId: va.collectionAccountId,
    collectionAccountName: va.collectionAccount.name,
    accountHolderName: va.collectionAccount.accountHolderName ?? null,
    bankName: va.collectionAccount.bankName ?? null,
    status: va.status,
    createdAt: va.createdAt.toISOString(),
    closedAt: va.closedAt?.toISOString() ?? null,
    created,
  };
}

/**
 * Allocates the customer's exclusive virtual account for a currency: the serial is taken under
 * the collection account's row lock, so numbers are unique and never reused; the "account
 * created" e-mail is queued in the same transaction, and the customer's ledger accounts in the
 * currency are opened with it.
 *
 * Which collection account (issue 12 item 1): the one named, or the only one holding the
 * currency; with several, the caller must name one (a demo or test account must never quietly
 * become a real customer's bank details). A customer keeps one active account per currency:
 * asking for it under another collection account is a conflict, answered by re-issuing it.
 */
@Injectable()
export class AllocateVirtualAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly customers: CustomerRepository,
    private readonly accounts: VirtualAccountRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditRepository,
    private readonly ledger: LedgerRepository,
    private readonly entities: BillingEntityRepository,
  ) {}

  async execute(cmd: AllocateVirtualAccountCommand): Promise<VirtualAccountView> {
    return this.tx.run(async (tx) => {
      const customer = await this.customers.lockById(tx, cmd.customerId);
      if (!customer) throw notFound('customer', cmd.customerId);
      return this.allocate(tx, customer, cmd);
    });
  }

  /**
   * Issue 14: every credit-control customer of a billing entity that offers exclusive accounts
   * gets its account when it is created or put on credit control, in that same transaction
   * (the caller's, holding the customer's row). Idempotent: a customer who has one keeps it.
   * Under the entity's collection account holding the customer's currency (the oldest when the
   * entity has several: finance linked them to the entity, so none is a stray demo account).
   */
  async allocateAutomatically(tx: Tx, customer: CustomerRecord, actor: Actor, accountHolder?: string) {
    if (!customer.creditControl || !customer.billingEntityId) return null;
    const entity = await this.entities.findById(customer.billingEntityId, tx);
    if (!entity?.offersExclusiveAccounts) return null;
    return this.allocate(tx, customer, { actor, customerId: customer.id, accountHolder }, { automatic: true });
  }

  private async allocate(
    tx: Tx,
    customer: CustomerRecord,
    cmd: AllocateVirtualAccountCommand,
    opts: { automatic?: boolean } = {},
  ): Promise<VirtualAccountView> {
    const ccy = this.billedCurrency(customer, cmd.currency);
    const entity = customer.billingEntityId ? await this.entities.findById(customer.billingEntityId, tx) : null;
    // seed 002: exclusive accounts only for customers of the entities that offer them
    if (entity && !entity.offersExclusiveAccounts) throw exclusiveAccountsNotOffered(entity);
    const existing = await this.accounts.findActive(tx, customer.id, ccy);
    if (existing) {
      if (cmd.collectionAccountId && cmd.collectionAccountId !== existing.collectionAccountId)
        throw virtualAccountUnderAnotherCollectionAccount(existing, cmd.collectionAccountId);
      return toVirtualAccountView(existing, false);
    }
    const collection = await this.chooseCollectionAccount(tx, ccy, cmd.collectionAccountId, entity, opts.automatic);
    const view = await this.issue(tx, { customer, collection, currency: ccy, accountHolder: cmd.accountHolder });
    await this.audit.record(tx, {
      actor: cmd.actor,
      action: 'virtual_account.allocate',
      entityType: 'virtual_account',
      entityId: view.id,
      payload: {
        customerId: customer.id,
        number: view.number,
        currency: ccy,
        collectionAccountId: collection.id,
        ...(opts.automatic ? { automatic: true, billingEntityId: entity!.id } : {}),
      },
    });
    return view;
  }

  /**
   * Closes a virtual account: transfers already on their way still reach the customer (the number
   * keeps naming them), but it is no longer the customer's account in its currency, and its
   * number is never handed out again (serials only grow).
   */
  async close(cmd: CloseVirtualAccountCommand): Promise<VirtualAccountView> {
    return this.tx.run(async (tx) => {
      const { va } = await this.lockOpen(tx, cmd);
      const closed = await this.accounts.close(tx, va.id, new Date());
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'virtual_account.close',
        entityType: 'virtual_account',
        entityId: va.id,
        payload: { customerId: cmd.customerId, number: va.number, currency: va.currency },
      });
      return toVirtualAccountView(closed, false);
    });
  }

  /**
   * Re-issues a virtual account under another collection account: the old one is closed and a
   * new number allocated in one transaction, and the customer is e-mailed the new details with
   * the number they must stop using.
   */
  async reissue(cmd: ReissueVirtualAccountCommand): Promise<VirtualAccountView & { replaces: VirtualAccountView }> {
    return this.tx.run(async (tx) => {
      const { customer, va } = await this.lockOpen(tx, cmd);
      if (cmd.collectionAccountId === va.collectionAccountId)
        throw reissueUnderSameCollectionAccount(va.collectionAccountId);
      const collection = await this.chooseCollectionAccount(tx, va.currency, cmd.collectionAccountId);
      const closed = await this.accounts.close(tx, va.id, new Date());
      const replaces = toVirtualAccountView(closed, false);
      const view = await this.issue(tx, {
        customer,
        collection,
        currency: va.currency,
        accountHolder: cmd.accountHolder,
        replaces,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'virtual_account.reissue',
        entityType: 'virtual_account',
        entityId: view.id,
        payload: {
          customerId: customer.id,
          number: view.number,
          currency: va.currency,
          collectionAccountId: collection.id,
          replacesVirtualAccountId: va.id,
          replacesNumber: va.number,
        },
      });
      return { ...view, replaces };
    });
  }

  /** Issue 12 item 4: a virtual account only in a currency the customer is billed in. */
  private billedCurrency(customer: CustomerRecord, asked: string | undefined): string {
    const ccy = currency(asked ?? customer.currency, 'currency');
    // charges, hence bills, are always in the customer's currency (BillingQueries.addCharge)
    if (ccy !== customer.currency) throw currencyNotBilled(customer.reference, customer.currency, ccy);
    return ccy;
  }

  /** A customer of a billing entity is given an account under one of the entity's collection accounts. */
  private async chooseCollectionAccount(
    tx: Tx,
    ccy: string,
    collectionAccountId: string | undefined,
    entity: BillingEntityRecord | null = null,
    automatic = false,
  ): Promise<CollectionRow> {
    if (collectionAccountId) {
      const named = await this.accounts.findCollectionAccount(collectionAccountId, tx);
      if (!named) throw collectionAccountNotFound(collectionAccountId);
      if (entity && named.billingEntityId !== entity.id) throw collectionAccountNotOfEntity(named.id, entity);
      if (!named.currencies.includes(ccy)) throw currencyNotHeld(named.name, ccy);
      return named;
    }
    const holding = await this.accounts.collectionAccountsHolding(ccy, entity?.id, tx);
    if (!holding.length) throw noCollectionAccountFor(ccy, entity?.name);
    if (holding.length > 1 && !automatic) throw collectionAccountRequired(ccy, holding);
    return holding[0];
  }

  private async lockOpen(tx: Tx, cmd: CloseVirtualAccountCommand) {
    const customer = await this.customers.lockById(tx, cmd.customerId);
    if (!customer) throw notFound('customer', cmd.customerId);
    const va = await this.accounts.lockForCustomer(tx, customer.id, cmd.virtualAccountId);
    if (!va) throw virtualAccountNotFound(cmd.virtualAccountId);
    if (va.status !== 'active') throw virtualAccountClosed(va.id, va.number);
    return { customer, va };
  }

  /** A new number under `collection`, the customer's ledger accounts, and the e-mail with the details. */
  private async issue(
    tx: Tx,
    input: {
      customer: CustomerRecord;
      collection: CollectionRow;
      currency: string;
      accountHolder?: string;
      replaces?: VirtualAccountView;
    },
  ): Promise<VirtualAccountView> {
    const { customer, collection, currency: ccy } = input;
    const serial = await this.accounts.takeSerial(tx, collection.id);
    const va = await this.accounts.create(tx, {
      customerId: customer.id,
      collectionAccountId: collection.id,
      currency: ccy,
      number: virtualAccountNumber(collection, serial),
      serial,
    });
    const view = toVirtualAccountView(va, true);
    await this.ledger.ensureAccounts(tx, customerAccounts(customer.id, ccy));
    await this.outbox.enqueue(tx, {
      dedupeKey: `virtual-account-created:${va.id}`,
      channel: 'email',
      recipient: customer.email,
      template: 'virtual-account-created',
      customerId: customer.id,
      payload: {
        customerName: customer.name,
        customerReference: customer.reference,
        // issue 12 item 7: the beneficiary's legal name, never our internal label of the account
        accountHolder: collection.accountHolderName ?? input.accountHolder ?? collection.name,
        ...(view.iban ? { iban: view.iban } : { accountNumber: view.number }),
        ...(view.bic ? { bic: view.bic } : {}),
        ...(collection.routingNumber ? { routingNumber: collection.routingNumber } : {}),
        ...(input.replaces ? { replacesAccount: input.replaces.display } : {}),
        ...(collection.bankName ? { bankName: collection.bankName } : {}),
        currency: ccy,
      },
    });
    return view;
  }
}
