import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery, type Page } from './client';

export interface CustomerBalance {
  balance: 'cash' | 'refund' | 'stored_value_card' | 'bills_paid';
  currency: string;
  amount: string;
  cardId?: string;
  validMonth?: string;
}

/** `GET /customers/:id` (CustomerResponse) */
export interface Customer {
  id: string;
  reference: string;
  name: string;
  email: string;
  currency: string;
  creditControl: boolean;
  creditLimit: string;
  frozenAmount: string;
  cashBalance: string;
  refundBalance: string;
  storedValueCardBalance: string;
  billsPaid: string;
  availableCredit: string;
  availableCreditParts: {
    formula: string;
    cashBalance: string;
    creditLimit: string;
    frozenAmount: string;
    availableCredit: string;
  };
  balances: CustomerBalance[];
  autoBillSettlement: boolean;
  settlePastBillsWithRefunds: boolean;
  partialLastBill: boolean;
  billingEntityId: string | null;
  paymentTerms: {
    settlementCycle: 'monthly' | 'quarterly';
    paymentPeriodDays: number;
    paymentPeriodKind: 'calendar' | 'business';
  };
  createdAt: string;
}

export interface VirtualAccount {
  id: string;
  currency: string;
  number: string;
  iban: string | null;
  display: string;
  bic: string | null;
  collectionAccountName: string;
  status: 'active' | 'closed';
  routingNumber: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface Bill {
  id: string;
  customerId: string;
  reference: string;
  billingCycle: string;
  issuedAt: string;
  dueDate: string | null;
  currency: string;
  amount: string;
  paid: string;
  outstanding: string;
  status: 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
}

export interface WhyUnsettled {
  billId: string;
  reference: string;
  status: string;
  outstanding: string;
  currency: string;
  reasons: { code: string; message: string }[];
}

export interface Repayment {
  id: string;
  billId: string;
  billReference: string;
  billingCycle: string;
  method: string;
  amount: string;
  currency: string;
  remittanceId: string | null;
  createdAt: string;
  reversedAt: string | null;
}

export interface StatementMovement {
  at: string;
  kind: string;
  description: string;
  amount: string;
  runningBalance: string;
  journalEntryId: string;
  received?: string;
  feeReimbursed?: string;
  currencyReceived?: string;
  recordedBy?: string | null;
}

export interface Statement {
  customerId: string;
  currency: string;
  from: string | null;
  to: string | null;
  openingBalance: string;
  closingBalance: string;
  movements: StatementMovement[];
}

export interface RemitterAccount {
  id: string;
  account: string;
  customerId: string;
  remitterName: string | null;
  learnedFromId: string | null;
  learnedBy: string;
  learnedAt: string;
}

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  createdAt: string;
}

/** a 403 is an answer ("not for you"), not a failure to retry */
const noRetryOnForbidden = (count: number, e: Error) =>
  !(e instanceof ApiError && (e.status === 403 || e.status === 404)) && count < 1;

export function useCustomers(search: string, cursor: string | null) {
  return useQuery({
    queryKey: ['customers', search, cursor],
    queryFn: () => api<Page<Customer>>('GET', withQuery('/customers', { search, cursor, limit: 25 })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customer', id],
    queryFn: () => api<Customer>('GET', `/customers/${id}`),
    retry: noRetryOnForbidden,
  });
}

export function useVirtualAccounts(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId, 'virtual-accounts'],
    queryFn: () => api<{ items: VirtualAccount[] }>('GET', `/customers/${customerId}/virtual-accounts`),
  });
}

export function useBills(customerId: string, status: string | null, cursor: string | null) {
  return useQuery({
    queryKey: ['customer', customerId, 'bills', status, cursor],
    queryFn: () => api<Page<Bill>>('GET', withQuery('/bills', { customerId, status, cursor, limit: 25 })),
    placeholderData: keepPreviousData,
  });
}

export function useWhyUnsettled(billId: string) {
  return useQuery({
    queryKey: ['bill', billId, 'why-unsettled'],
    queryFn: () => api<WhyUnsettled>('GET', `/bills/${billId}/why-unsettled`),
  });
}

export function useRepayments(customerId: string, cursor: string | null) {
  return useQuery({
    queryKey: ['customer', customerId, 'repayments', cursor],
    queryFn: () => api<Page<Repayment>>('GET', withQuery('/repayments', { customerId, cursor, limit: 25 })),
    placeholderData: keepPreviousData,
  });
}

export function useStatement(customerId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['customer', customerId, 'statement', from, to],
    queryFn: () => api<Statement>('GET', withQuery(`/customers/${customerId}/statement`, { from, to })),
    placeholderData: keepPreviousData,
  });
}

export function useRemitterAccounts(customerId: string, cursor: string | null) {
  return useQuery({
    queryKey: ['customer', customerId, 'remitter-accounts', cursor],
    queryFn: () =>
      api<Page<RemitterAccount>>('GET', withQuery(`/customers/${customerId}/remitter-accounts`, { cursor, limit: 25 })),
    placeholderData: keepPreviousData,
  });
}

export function useForgetRemitterAccount(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) =>
      api<RemitterAccount>('DELETE', `/customers/${customerId}/remitter-accounts/${accountId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['customer', customerId, 'remitter-accounts'] }),
  });
}

/** the audit trail of one entity; staff roles without audit access get a 403, which the screen hides */
export function useAuditTrail(entityId: string, cursor: string | null, enabled = true) {
  return useQuery({
    queryKey: ['audit-log', entityId, cursor],
    queryFn: () => api<Page<AuditEntry>>('GET', withQuery('/audit-log', { entityId, cursor, limit: 25 })),
    retry: noRetryOnForbidden,
    enabled,
    placeholderData: keepPreviousData,
  });
}
