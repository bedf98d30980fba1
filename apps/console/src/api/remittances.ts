import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery, type Page, type Query } from './client';

/** libs/statements Rail */
export const RAILS = ['SEPA', 'SWIFT', 'ACH', 'CASH', 'CHEQUE', 'OTHER'] as const;
/** libs/matching Flag: why a remittance waits for a person */
export const REMITTANCE_FLAGS = [
  'cash_deposit',
  'cheque_deposit',
  'currency_not_held',
  'low_confidence',
  'ambiguous_reference',
  'no_rule_matched',
  'fee_above_cap',
  'return_without_original',
  'unknown_collection_account',
] as const;
export const QUEUE_SORTS = [
  { value: 'oldest', label: 'Oldest first' },
  { value: 'newest', label: 'Newest first' },
  { value: 'amount_desc', label: 'Largest amount first' },
  { value: 'amount_asc', label: 'Smallest amount first' },
] as const;

export interface Owner {
  id: string;
  name: string;
}

export interface Remittance {
  id: string;
  entryId: string;
  state: string;
  customerId: string | null;
  rule: string;
  confidence: number;
  explanation: string;
  flags: string[];
  currency: string;
  bookedAmount: string;
  remittedAmount: string;
  feeReimbursed: string;
  remitterName: string | null;
  remitterAccount: string | null;
  bankReference: string | null;
  rail: string | null;
  valueDate: string | null;
  remittanceInformation: string | null;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  note: string | null;
  owner?: Owner | null;
  collectionAccountId?: string | null;
  commentCount?: number;
}

export interface Suggestion {
  customerId: string;
  customerName: string;
  score: number;
  reason: string;
}

export interface Comment {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface Voucher {
  id: string;
  reference: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface RemittanceDetail extends Remittance {
  entry: { collectionAccountId: string | null; accountKey: string; bookingDate: string | null; location: string };
  file: { id: string; name: string; format: string | null } | null;
  rawExcerpt: string | null;
  suggestions: Suggestion[];
  repayments: { billReference: string; cycle: string; amount: string; method: string; reversedAt: string | null }[];
  comments?: Comment[];
  vouchers?: Voucher[];
}

export interface QueueSummary {
  count: number;
  oldestCreatedAt: string | null;
  mine: number;
  unowned: number;
  byCurrency: { currency: string; count: number; amount: string }[];
}

export interface CollectionAccount {
  id: string;
  name: string;
  currencies: string[];
}

export interface Customer {
  id: string;
  reference: string;
  name: string;
  email: string;
  currency: string;
}

export interface Bill {
  id: string;
  customerId: string;
  reference: string;
  billingCycle: string;
  dueDate: string | null;
  currency: string;
  amount: string;
  paid: string;
  outstanding: string;
  status: string;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** the queue's filters as the API (and the URL) name them */
export interface QueueFilters {
  minAgeDays?: string;
  maxAgeDays?: string;
  minAmount?: string;
  maxAmount?: string;
  currency?: string;
  rail?: string;
  flag?: string;
  collectionAccountId?: string;
  owner?: string;
  q?: string;
  sort?: string;
}

/** every remittance query starts with this key: live events and actions invalidate all of them */
export const REMITTANCES_KEY = ['remittances'] as const;

export function useRemittanceList(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: [...REMITTANCES_KEY, 'list', filters],
    queryFn: ({ pageParam }) =>
      api<Page<Remittance>>('GET', withQuery('/remittances', { ...(filters as Query), cursor: pageParam, limit: 50 })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useQueueSummary(filters: QueueFilters) {
  const { sort: _sort, ...rest } = filters;
  return useQuery({
    queryKey: [...REMITTANCES_KEY, 'summary', rest],
    queryFn: () => api<QueueSummary>('GET', withQuery('/remittances/summary', rest as Query)),
    placeholderData: keepPreviousData,
  });
}

export function useRemittance(id: string | undefined) {
  return useQuery({
    queryKey: [...REMITTANCES_KEY, 'detail', id],
    queryFn: () => api<RemittanceDetail>('GET', `/remittances/${id}`),
    enabled: !!id,
  });
}

export function useComments(id: string | undefined, inline: Comment[] | undefined) {
  return useQuery({
    queryKey: [...REMITTANCES_KEY, 'comments', id],
    queryFn: () => api<Page<Comment> | Comment[]>('GET', `/remittances/${id}/comments`),
    select: (data) => (Array.isArray(data) ? data : data.items),
    enabled: !!id && inline === undefined,
  });
}

export function useCollectionAccounts() {
  return useQuery({
    queryKey: ['collection-accounts'],
    queryFn: () => api<{ items: CollectionAccount[] }>('GET', '/collection-accounts'),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

export function useStaffUsers() {
  return useQuery({
    queryKey: ['users', 'staff'],
    queryFn: () => api<Page<StaffUser>>('GET', withQuery('/users', { limit: 200 })),
    select: (d) => d.items.filter((u) => u.role !== 'member'),
    staleTime: 5 * 60_000,
  });
}

export function useCustomerSearch(search: string) {
  return useQuery({
    queryKey: ['customers', 'search', search],
    queryFn: () => api<Page<Customer>>('GET', withQuery('/customers', { search: search.trim(), limit: 20 })),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useCustomer(id: string | null | undefined) {
  return useQuery({
    queryKey: ['customers', 'one', id],
    queryFn: () => api<Customer>('GET', `/customers/${id}`),
    enabled: !!id,
    staleTime: 60_000,
  });
}

/** the customer's bills still to pay (unsettled, partly paid, overdue) */
export function useOpenBills(customerId: string | null | undefined) {
  return useQuery({
    queryKey: ['bills', 'open', customerId],
    queryFn: () => api<Page<Bill>>('GET', withQuery('/bills', { customerId, status: 'open', limit: 200 })),
    select: (d) => d.items,
    enabled: !!customerId,
  });
}

/** the voucher is evidence, not money: it is stored at once; only the reimbursement waits for undo */
export function uploadVoucher(remittanceId: string, file: File) {
  return api<Voucher>('POST', `/remittances/${remittanceId}/vouchers`, file, {
    headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-Filename': encodeURIComponent(file.name) },
  });
}

/** one request of a held action: sent later, with the idempotency key it was given when created */
export interface HeldRequest {
  method: 'POST';
  path: string;
  body: unknown;
  idempotencyKey?: string;
}

const key = () => crypto.randomUUID();

export const requests = {
  assign: (id: string, body: { customerId: string; rememberRemitterAccount: boolean; note?: string }): HeldRequest => ({
    method: 'POST',
    path: `/remittances/${id}/assign`,
    body,
    idempotencyKey: key(),
  }),
  split: (id: string, body: { parts: { customerId: string; amount: string }[]; note?: string }): HeldRequest => ({
    method: 'POST',
    path: `/remittances/${id}/split`,
    body,
    idempotencyKey: key(),
  }),
  return: (id: string, reason: string): HeldRequest => ({
    method: 'POST',
    path: `/remittances/${id}/return`,
    body: { reason },
    idempotencyKey: key(),
  }),
  feeReimbursement: (id: string, body: { amount: string; voucherReference: string }): HeldRequest => ({
    method: 'POST',
    path: `/remittances/${id}/fee-reimbursements`,
    body,
    idempotencyKey: key(),
  }),
  comment: (id: string, body: string): HeldRequest => ({
    method: 'POST',
    path: `/remittances/${id}/comments`,
    body: { body },
  }),
  /** ownerId: "me", an actor id ("user:<uuid>") with its display name, or null to give the item back */
  owner: (id: string, ownerId: string | null, ownerName?: string): HeldRequest => ({
    method: 'POST',
    path: `/remittances/${id}/owner`,
    body: { ownerId, ownerName },
  }),
};

/** sends a held request; `keepalive` lets it outlive the page when it is flushed on leaving */
export function sendHeld<T = unknown>(req: HeldRequest, opts: { keepalive?: boolean } = {}) {
  return api<T>(req.method, req.path, req.body, {
    headers: req.idempotencyKey ? { 'Idempotency-Key': req.idempotencyKey } : {},
    keepalive: opts.keepalive,
  });
}
