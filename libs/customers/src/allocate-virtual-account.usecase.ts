import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '@remitd/core';
import { customerAccounts, LedgerRepository } from '@remitd/ledger';
import { currency } from '@remitd/money';
import { OutboxRepository } from '@remitd/notifications';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { formatIban } from './check-digits';
import { CustomerRepository } from './customer.repository';
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
  collectionAccountId: string;
  collectionAccountName: string;
  status: string;
  createdAt: string;
  /** false when the customer already had an active account in this currency (the call is a no-op) */
  created: boolean;
}

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
    collectionAccountId: va.collectionAccountId,
    collectionAccountName: va.collectionAccount.name,
    status: va.status,
    createdAt: va.createdAt.toISOString(),
    created,
  };
}

/**
 * Allocates the customer's exclusive virtual account for a currency: the serial is taken under
 * the collection account's row lock, so numbers are unique and never reused; the "account
 * created" e-mail is queued in the same transaction, and the customer's ledger accounts in the
 * currency are opened with it.
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
  ) {}

  async execute(cmd: AllocateVirtualAccountCommand): Promise<VirtualAccountView> {
    return this.tx.run(async (tx) => {
      const customer = await this.customers.lockById(tx, cmd.customerId);
      if (!customer) throw notFound('customer', cmd.customerId);
      const ccy = currency(cmd.currency ?? customer.currency, 'currency');
      const existing = await this.accounts.findActive(tx, customer.id, ccy);
      if (existing) return toVirtualAccountView(existing, false);
      const collection = cmd.collectionAccountId
        ? await this.accounts.findCollectionAccount(cmd.collectionAccountId)
        : (await this.accounts.listCollectionAccounts()).find((c) => c.currencies.includes(ccy));
      if (!collection) {
        throw cmd.collectionAccountId
          ? notFound('collection account', cmd.collectionAccountId)
          : new DomainError(
              'NO_COLLECTION_ACCOUNT',
              `no collection account holds ${ccy}; create one first`,
              'unprocessable',
              'currency',
            );
      }
      if (!collection.currencies.includes(ccy)) {
        throw new DomainError(
          'CURRENCY_NOT_HELD',
          `collection account ${collection.name} does not hold ${ccy}`,
          'unprocessable',
          'currency',
        );
      }
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
        payload: {
          customerName: customer.name,
          customerReference: customer.reference,
          // issue 12 item 7: the beneficiary's legal name, never our internal label of the account
          accountHolder: collection.accountHolderName ?? cmd.accountHolder ?? collection.name,
          ...(view.iban ? { iban: view.iban } : { accountNumber: view.number }),
          ...(view.bic ? { bic: view.bic } : {}),
          ...(collection.bankName ? { bankName: collection.bankName } : {}),
          currency: ccy,
        },
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'virtual_account.allocate',
        entityType: 'virtual_account',
        entityId: va.id,
        payload: { customerId: customer.id, number: va.number, currency: ccy },
      });
      return view;
    });
  }
}
