import { customerBalanceOf, type CustomerBalanceKind } from '@remitd/ledger';
import { Money } from '@remitd/money';
import type { CustomerAccountRecord, CustomerLocale, CustomerRecord } from './customer.repository';

/** One balance the customer holds (issue 12 item 6). */
export interface CustomerBalanceView {
  balance: CustomerBalanceKind;
  currency: string;
  amount: string;
  /** stored-value cards only: which card, and the month whose bills it pays */
  cardId?: string;
  validMonth?: string | null;
}

/** The parts of available credit, so a reader can check the sum (seed 000). */
export interface AvailableCreditParts {
  formula: 'cashBalance + creditLimit - frozenAmount';
  cashBalance: string;
  creditLimit: string;
  frozenAmount: string;
  availableCredit: string;
}

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
  /** credit-control refunds not yet used (they pay bills of their cycle or later) */
  refundBalance: string;
  /** what is left on the customer's stored-value cards, all months together */
  storedValueCardBalance: string;
  /** everything the customer's bills have been paid with so far */
  billsPaid: string;
  /** cash balance + credit limit − frozen amount (seed 000) */
  availableCredit: string;
  availableCreditParts: AvailableCreditParts;
  /** every balance the customer holds, in every currency, each card on its own */
  balances: CustomerBalanceView[];
  /** automatic bill settlement (seed 000: "automatic write-off") */
  autoBillSettlement: boolean;
  /** refunds may settle bills of earlier cycles (seed 000: "write off past bills") */
  settlePastBillsWithRefunds: boolean;
  /** @deprecated the same as autoBillSettlement */
  autoWriteOff: boolean;
  partialLastBill: boolean;
  /** @deprecated the same as settlePastBillsWithRefunds */
  writeOffPastBills: boolean;
  /** the provider's entity the customer contracts with (seed 002) */
  billingEntityId: string | null;
  paymentTerms: PaymentTermsView;
  /** en | zh: the language of its console and e-mails */
  locale: CustomerLocale;
  createdAt: string;
}

/** seed 000: the due date comes from the settlement cycle and the payment period */
export interface PaymentTermsView {
  settlementCycle: 'monthly' | 'quarterly';
  paymentPeriodDays: number;
  paymentPeriodKind: 'calendar' | 'business';
}

export const toPaymentTermsView = (c: {
  settlementCycle: 'monthly' | 'quarterly';
  paymentTermDays: number;
  paymentTermKind: 'calendar' | 'business';
}): PaymentTermsView => ({
  settlementCycle: c.settlementCycle,
  paymentPeriodDays: c.paymentTermDays,
  paymentPeriodKind: c.paymentTermKind,
});

export function availableCredit(cash: Money, creditLimit: Money, frozen: Money): Money {
  return cash.plus(creditLimit).minus(frozen);
}

/**
 * @param accounts the customer's ledger accounts (none yet for a customer just created: every
 *   balance is then zero)
 */
export function toCustomerView(c: CustomerRecord, accounts: readonly CustomerAccountRecord[] = []): CustomerView {
  const balances: CustomerBalanceView[] = accounts.flatMap((a) => {
    const which = customerBalanceOf(a);
    if (!which) return [];
    return [
      {
        balance: which.balance,
        currency: a.currency,
        amount: Money.fromStored(a.balance, a.currency).toString(),
        ...(which.cardId ? { cardId: which.cardId, validMonth: a.validMonth } : {}),
      },
    ];
  });
  const total = (kind: CustomerBalanceKind) =>
    balances
      .filter((b) => b.balance === kind && b.currency === c.currency)
      .reduce((sum, b) => sum.plus(Money.of(b.amount, c.currency)), Money.zero(c.currency));
  const cash = total('cash');
  const limit = Money.fromStored(c.creditLimit.toString(), c.currency);
  const frozen = Money.fromStored(c.frozenAmount.toString(), c.currency);
  const available = availableCredit(cash, limit, frozen);
  if (!balances.some((b) => b.balance === 'cash' && b.currency === c.currency)) {
    balances.unshift({ balance: 'cash', currency: c.currency, amount: cash.toString() });
  }
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
    refundBalance: total('refund').toString(),
    storedValueCardBalance: total('stored_value_card').toString(),
    billsPaid: total('bills_paid').toString(),
    availableCredit: available.toString(),
    availableCreditParts: {
      formula: 'cashBalance + creditLimit - frozenAmount',
      cashBalance: cash.toString(),
      creditLimit: limit.toString(),
      frozenAmount: frozen.toString(),
      availableCredit: available.toString(),
    },
    balances,
    autoBillSettlement: c.autoWriteOff,
    settlePastBillsWithRefunds: c.writeOffPastBills,
    autoWriteOff: c.autoWriteOff,
    partialLastBill: c.partialLastBill,
    writeOffPastBills: c.writeOffPastBills,
    billingEntityId: c.billingEntityId,
    paymentTerms: toPaymentTermsView(c),
    locale: c.locale,
    createdAt: c.createdAt.toISOString(),
  };
}
