/**
 * Ledger account codes. Sign convention (as in formance's ledger): an account's balance is the
 * sum of its postings; a transfer posts −amount on the source and +amount on the destination.
 * Customer accounts are positive when the provider holds the customer's money; the bank
 * clearing account is where remitted money enters and goes negative as it does.
 */
export type LedgerAccountKind =
  | 'customer_cash'
  | 'customer_refund'
  | 'customer_card'
  | 'bank_clearing'
  | 'fee_reimbursement'
  | 'suspense'
  | 'receivables'
  | 'external'
  | 'revenue';

export const AccountCodes = {
  customerCash: (customerId: string, ccy: string) => `customer:${customerId}:cash:${ccy}`,
  customerRefund: (customerId: string, ccy: string) => `customer:${customerId}:refund:${ccy}`,
  customerCard: (customerId: string, cardId: string, ccy: string) => `customer:${customerId}:card:${cardId}:${ccy}`,
  bankClearing: (collectionAccountId: string, ccy: string) => `system:bank:${collectionAccountId}:${ccy}`,
  feeReimbursement: (ccy: string) => `system:fee-reimbursement:${ccy}`,
  suspense: (ccy: string) => `system:suspense:${ccy}`,
  /** what the customer's bills have been paid with, per customer: no single row every payment must lock */
  receivables: (customerId: string, ccy: string) => `customer:${customerId}:receivable:${ccy}`,
  external: (channel: string, ccy: string) => `system:external:${channel}:${ccy}`,
  /** what customers paid for resources the platform runs (subscription renewals, hourly fees) */
  resourceRevenue: (ccy: string) => `system:revenue:resources:${ccy}`,
} as const;

export interface AccountRef {
  code: string;
  kind: LedgerAccountKind;
  currency: string;
  customerId?: string | null;
}

export const cashAccount = (customerId: string, ccy: string): AccountRef => ({
  code: AccountCodes.customerCash(customerId, ccy),
  kind: 'customer_cash',
  currency: ccy,
  customerId,
});
export const receivables = (customerId: string, ccy: string): AccountRef => ({
  code: AccountCodes.receivables(customerId, ccy),
  kind: 'receivables',
  currency: ccy,
  customerId,
});

/** The accounts a customer holding a currency needs: opened with their virtual account, so a first payment creates nothing. */
export const customerAccounts = (customerId: string, ccy: string): AccountRef[] => [
  cashAccount(customerId, ccy),
  receivables(customerId, ccy),
];

/** Where remitted money enters: one clearing account per collection account and currency. */
export const bankClearing = (collectionAccountId: string | null, ccy: string): AccountRef => ({
  code: AccountCodes.bankClearing(collectionAccountId ?? 'unknown', ccy),
  kind: 'bank_clearing',
  currency: ccy,
});
/** Money received but not yet attributed to a customer (the unmatched queue). */
export const suspense = (ccy: string): AccountRef => ({
  code: AccountCodes.suspense(ccy),
  kind: 'suspense',
  currency: ccy,
});
/** The provider's expense for the bank fees it reimburses. */
export const feeExpense = (ccy: string): AccountRef => ({
  code: AccountCodes.feeReimbursement(ccy),
  kind: 'fee_reimbursement',
  currency: ccy,
});
/** Money that came from outside remitd through a payment channel (offline, card gateway, PayPal). */
export const externalAccount = (channel: string, ccy: string): AccountRef => ({
  code: AccountCodes.external(channel, ccy),
  kind: 'external',
  currency: ccy,
});
/** Subscription renewals and pay-per-hour fees deducted from a customer's balance (seed 003). */
export const resourceRevenue = (ccy: string): AccountRef => ({
  code: AccountCodes.resourceRevenue(ccy),
  kind: 'revenue',
  currency: ccy,
});
/** A stored-value card's remaining value (seed 000: cards pay bills of the same month only). */
export const cardAccount = (customerId: string, cardId: string, ccy: string): AccountRef => ({
  code: AccountCodes.customerCard(customerId, cardId, ccy),
  kind: 'customer_card',
  currency: ccy,
  customerId,
});
/** Credit-control refunds, kept apart from cash: they pay only bills of their cycle or later. */
export const refundAccount = (customerId: string, ccy: string): AccountRef => ({
  code: AccountCodes.customerRefund(customerId, ccy),
  kind: 'customer_refund',
  currency: ccy,
  customerId,
});

/** The balances a customer holds, as the API and statements name them. */
export type CustomerBalanceKind = 'cash' | 'refund' | 'stored_value_card' | 'bills_paid';

const BALANCE_OF_ACCOUNT: Partial<Record<string, CustomerBalanceKind>> = {
  customer_cash: 'cash',
  customer_refund: 'refund',
  customer_card: 'stored_value_card',
  // the receivables sub-ledger of one customer: the sum of everything its bills were paid with
  receivables: 'bills_paid',
};

/** Which customer balance a ledger account is (and which card), or null for a system account. */
export function customerBalanceOf(account: { code: string; kind: string }): {
  balance: CustomerBalanceKind;
  cardId?: string;
} | null {
  const balance = BALANCE_OF_ACCOUNT[account.kind];
  if (!balance) return null;
  if (balance !== 'stored_value_card') return { balance };
  // customer:<customerId>:card:<cardId>:<ccy>
  return { balance, cardId: account.code.split(':')[3] };
}
