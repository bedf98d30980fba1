import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApprovalsService, type ApprovalRequestView } from '@remitd/access';
import { DomainError, validationError } from '@remitd/core';
import { currency, Money } from '@remitd/money';
import { AuditRepository, isUniqueViolation, TransactionRunner, type Actor, type SqlTx } from '@remitd/persistence';
import { AllocateVirtualAccountUseCase } from './allocate-virtual-account.usecase';
import { BillingEntityRepository } from './billing-entity.repository';
import { CUSTOMER_LOCALES, CustomerRepository, type CustomerLocale } from './customer.repository';
import { currencyNotOfEntity, noCollectionAccountFor, unknownBillingEntity } from './customers.errors';
import { VirtualAccountRepository } from './virtual-account.repository';
import { toCustomerView, type CustomerView } from './customer.view';

export interface CreateCustomerCommand {
  actor: Actor;
  name: string;
  email: string;
  currency: string;
  creditControl?: boolean;
  creditLimit?: string;
  frozenAmount?: string;
  autoWriteOff?: boolean;
  partialLastBill?: boolean;
  writeOffPastBills?: boolean;
  /** the provider's entity the customer contracts with; defaults to the only one when exactly one exists */
  billingEntityId?: string;
  settlementCycle?: string;
  paymentPeriodDays?: number;
  paymentPeriodKind?: string;
  /** en | zh: the language of its console and e-mails (default en) */
  locale?: string;
  /** the provider's name as account holder, for the exclusive account's e-mail */
  accountHolder?: string;
}

export interface PaymentTerms {
  settlementCycle: 'monthly' | 'quarterly';
  paymentTermDays: number;
  paymentTermKind: 'calendar' | 'business';
}

/** seed 000: settlement cycle (monthly or quarterly) + payment period (N calendar or business days). */
export function validatePaymentTerms(terms: {
  settlementCycle?: string;
  paymentPeriodDays?: number;
  paymentPeriodKind?: string;
}): Partial<PaymentTerms> {
  const out: Partial<PaymentTerms> = {};
  if (terms.settlementCycle !== undefined) {
    if (terms.settlementCycle !== 'monthly' && terms.settlementCycle !== 'quarterly')
      throw validationError(
        'INVALID_SETTLEMENT_CYCLE',
        `settlementCycle: "${terms.settlementCycle}" is not monthly or quarterly`,
        'settlementCycle',
      );
    out.settlementCycle = terms.settlementCycle;
  }
  if (terms.paymentPeriodDays !== undefined) {
    if (!Number.isInteger(terms.paymentPeriodDays) || terms.paymentPeriodDays < 0 || terms.paymentPeriodDays > 366)
      throw validationError(
        'INVALID_PAYMENT_PERIOD',
        `paymentPeriodDays: ${terms.paymentPeriodDays} is not a whole number of days from 0 to 366`,
        'paymentPeriodDays',
      );
    out.paymentTermDays = terms.paymentPeriodDays;
  }
  if (terms.paymentPeriodKind !== undefined) {
    if (terms.paymentPeriodKind !== 'calendar' && terms.paymentPeriodKind !== 'business')
      throw validationError(
        'INVALID_PAYMENT_PERIOD_KIND',
        `paymentPeriodKind: "${terms.paymentPeriodKind}" is not calendar or business`,
        'paymentPeriodKind',
      );
    out.paymentTermKind = terms.paymentPeriodKind;
  }
  return out;
}

/** The entity a customer is put under: the one named (it must exist and bill the currency). */
export async function checkBillingEntity(
  entities: BillingEntityRepository,
  tx: SqlTx | undefined,
  billingEntityId: string,
  ccy: string,
): Promise<void> {
  const entity = await entities.findById(billingEntityId, tx);
  if (!entity) throw unknownBillingEntity(billingEntityId);
  if (entity.currencies.length && !entity.currencies.includes(ccy)) throw currencyNotOfEntity(entity, ccy);
}

// Crockford base32 without I, L, O, U: a reference survives being read out on the phone or
// typed into a bank's remittance field.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "RC" + 8 characters: distinctive enough to be found in free remittance text (matching rule 3). */
export function newCustomerReference(): string {
  let s = 'RC';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** issue 17: the languages the console and the e-mails are written in */
export function validateLocale(locale: string): CustomerLocale {
  if (!(CUSTOMER_LOCALES as readonly string[]).includes(locale))
    throw validationError(
      'INVALID_LOCALE',
      `locale: "${locale}" is not one of ${CUSTOMER_LOCALES.join(', ')}`,
      'locale',
    );
  return locale as CustomerLocale;
}

export function validateCustomerFields(cmd: Partial<CreateCustomerCommand>, ccy: string) {
  if (cmd.name !== undefined && !cmd.name.trim())
    throw validationError('NAME_REQUIRED', 'name: must not be empty', 'name');
  if (cmd.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(cmd.email))
    throw validationError('INVALID_EMAIL', `email: "${cmd.email}" is not an e-mail address`, 'email');
  const limit = cmd.creditLimit === undefined ? undefined : Money.of(cmd.creditLimit, ccy, 'creditLimit');
  const frozen = cmd.frozenAmount === undefined ? undefined : Money.of(cmd.frozenAmount, ccy, 'frozenAmount');
  if (limit?.isNegative()) throw validationError('NEGATIVE_CREDIT_LIMIT', 'creditLimit: must be ≥ 0', 'creditLimit');
  if (frozen?.isNegative())
    throw validationError('NEGATIVE_FROZEN_AMOUNT', 'frozenAmount: must be ≥ 0', 'frozenAmount');
  return { limit, frozen };
}

/** seed 000: "direct customers who are on credit control can enable the Write off past bills feature" */
export const pastBillsNeedCreditControl = () =>
  validationError(
    'WRITE_OFF_PAST_BILLS_NEEDS_CREDIT_CONTROL',
    'writeOffPastBills: only customers on credit control may use refunds for past bills (set creditControl: true)',
    'writeOffPastBills',
  );

@Injectable()
export class CreateCustomerUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly customers: CustomerRepository,
    private readonly audit: AuditRepository,
    private readonly approvals: ApprovalsService,
    private readonly accounts: VirtualAccountRepository,
    private readonly entities: BillingEntityRepository,
    private readonly allocate: AllocateVirtualAccountUseCase,
  ) {}

  /**
   * A credit limit above the creator's cap (issue 11 item 10) is not granted with the customer:
   * the customer starts at 0 and the limit waits for a second approver (`approvalRequest`).
   */
  async execute(cmd: CreateCustomerCommand): Promise<CustomerView & { approvalRequest?: ApprovalRequestView }> {
    const ccy = currency(cmd.currency, 'currency');
    const { limit, frozen } = validateCustomerFields(cmd, ccy);
    // issue 12 item 4: a customer billed in a currency no collection account holds could never be
    // given an account to pay into
    if (!(await this.accounts.collectionAccountsHolding(ccy)).length) throw noCollectionAccountFor(ccy);
    const terms = validatePaymentTerms(cmd);
    const locale = validateLocale(cmd.locale ?? 'en');
    if (cmd.writeOffPastBills && !cmd.creditControl) throw pastBillsNeedCreditControl();
    const billingEntityId = cmd.billingEntityId ?? (await this.entities.onlyOne());
    if (billingEntityId) await checkBillingEntity(this.entities, undefined, billingEntityId, ccy);
    const held = !!limit?.isPositive() && this.approvals.needsSecondApprover(cmd.actor, limit);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.tx.run(async (tx) => {
          const c = await this.customers.create(tx, {
            reference: newCustomerReference(),
            name: cmd.name.trim(),
            email: cmd.email.trim(),
            currency: ccy,
            creditControl: cmd.creditControl ?? false,
            creditLimit: (held ? Money.zero(ccy) : (limit ?? Money.zero(ccy))).toString(),
            frozenAmount: (frozen ?? Money.zero(ccy)).toString(),
            autoWriteOff: cmd.autoWriteOff ?? true,
            partialLastBill: cmd.partialLastBill ?? true,
            writeOffPastBills: cmd.writeOffPastBills ?? false,
            billingEntityId,
            locale,
            ...terms,
          });
          await this.audit.record(tx, {
            actor: cmd.actor,
            action: 'customer.create',
            entityType: 'customer',
            entityId: c.id,
            payload: { reference: c.reference, name: c.name, currency: ccy, billingEntityId, locale, ...terms },
          });
          // issue 14: a credit-control customer of an entity offering them gets its exclusive account now
          await this.allocate.allocateAutomatically(tx, c, cmd.actor, cmd.accountHolder);
          if (!held) return toCustomerView(c);
          const approvalRequest = await this.approvals.request(tx, {
            maker: cmd.actor,
            kind: 'credit_limit',
            customerId: c.id,
            payload: { customerId: c.id, creditLimit: limit!.toString() },
            summary: `credit limit of new customer ${c.name}: ${limit!.toString()} ${ccy}`,
          });
          return { ...toCustomerView(c), approvalRequest };
        });
      } catch (e) {
        if (!isUniqueViolation(e, 'reference')) throw e; // a reference collision: draw again
      }
    }
    throw new DomainError('REFERENCE_SPACE_EXHAUSTED', 'could not draw a unique customer reference', 'conflict');
  }
}
