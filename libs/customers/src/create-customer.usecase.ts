import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApprovalsService, type ApprovalRequestView } from '@remitd/access';
import { DomainError, validationError } from '@remitd/core';
import { currency, Money } from '@remitd/money';
import { AuditRepository, isUniqueViolation, TransactionRunner, type Actor } from '@remitd/persistence';
import { CustomerRepository } from './customer.repository';
import { noCollectionAccountFor } from './customers.errors';
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

@Injectable()
export class CreateCustomerUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly customers: CustomerRepository,
    private readonly audit: AuditRepository,
    private readonly approvals: ApprovalsService,
    private readonly accounts: VirtualAccountRepository,
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
          });
          await this.audit.record(tx, {
            actor: cmd.actor,
            action: 'customer.create',
            entityType: 'customer',
            entityId: c.id,
            payload: { reference: c.reference, name: c.name, currency: ccy },
          });
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
