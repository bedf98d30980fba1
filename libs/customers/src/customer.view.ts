import { Money } from '@remitd/money';
import type { CustomerRecord } from './customer.repository';

export interface CustomerView {
  id: string;
  reference: string;
  name: string;
  email: string;
  currency: string;
  creditControl: boolean;
  creditLimit: string;
  frozenAmount: string;
  cashBalance: string;
  /** cash balance + credit limit − frozen amount (seed 000) */
  availableCredit: string;
  autoWriteOff: boolean;
  partialLastBill: boolean;
  writeOffPastBills: boolean;
  createdAt: string;
}

export function availableCredit(cash: Money, creditLimit: Money, frozen: Money): Money {
  return cash.plus(creditLimit).minus(frozen);
}

export function toCustomerView(c: CustomerRecord, cashBalance: string | null): CustomerView {
  const cash = cashBalance === null ? Money.zero(c.currency) : Money.fromStored(cashBalance, c.currency);
  const limit = Money.fromStored(c.creditLimit.toString(), c.currency);
  const frozen = Money.fromStored(c.frozenAmount.toString(), c.currency);
  return {
    id: c.id,
    reference: c.reference,
    name: c.name,
    email: c.email,
    currency: c.currency,
    creditControl: c.creditControl,
    creditLimit: limit.toString(),
    frozenAmount: frozen.toString(),
    cashBalance: cash.toString(),
    availableCredit: availableCredit(cash, limit, frozen).toString(),
    autoWriteOff: c.autoWriteOff,
    partialLastBill: c.partialLastBill,
    writeOffPastBills: c.writeOffPastBills,
    createdAt: c.createdAt.toISOString(),
  };
}
