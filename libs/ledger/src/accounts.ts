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
  | 'external';

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
