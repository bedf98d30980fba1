import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery, type Page } from './client';

export interface StatementFile {
  id: string;
  sourceId: string;
  fileName: string;
  size: string;
  format: string | null;
  status: 'ingested' | 'quarantined' | 'duplicate';
  error: string | null;
  errorLocation: string | null;
  statementCount: number;
  entryCount: number;
  newEntryCount: number;
  receivedAt: string;
  processedAt: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  duplicateOf: { id: string; fileName: string | null; status: string | null } | null;
}

export interface StatementAlert {
  id: string;
  kind: string;
  accountKey: string;
  fileId: string | null;
  statementId: string | null;
  message: string;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface LedgerVerify {
  ok: boolean;
  balanceMismatches: { accountId: string; code: string; cached: string; sumOfPostings: string }[];
  unbalancedJournals: { journalEntryId: string; currency: string; total: string }[];
  postingCurrencyMismatches: number;
  orphanPostings: number;
}

export interface UnknownStatementAccount {
  accountKey: string;
  currency: string;
  entries: number;
  booked: number;
  credits: string;
  debits: string;
  firstSeenAt: string;
}

export interface ProofOfCashDay {
  date: string;
  currency: string;
  bankCredits: string;
  bankDebits: string;
  bankMovement: string;
  bankOpening: string | null;
  bankClosing: string | null;
  bankBalanced: boolean | null;
  ledgerMovement: string;
  ties: boolean;
  differences: { kind: string; entryId: string; bankReference: string | null; amount: string; explanation: string }[];
}

const noRetryOnForbidden = (count: number, e: Error) => !(e instanceof ApiError && e.status === 403) && count < 1;

export function useStatementFiles(status: string | null, cursor: string | null) {
  return useQuery({
    queryKey: ['statement-files', status, cursor],
    queryFn: () => api<Page<StatementFile>>('GET', withQuery('/statement-files', { status, cursor, limit: 25 })),
    placeholderData: keepPreviousData,
  });
}

export function useStatementAlerts(show: 'open' | 'all', cursor: string | null) {
  return useQuery({
    queryKey: ['statement-alerts', show, cursor],
    queryFn: () => api<Page<StatementAlert>>('GET', withQuery('/statement-alerts', { show, cursor, limit: 25 })),
    placeholderData: keepPreviousData,
  });
}

export function useAcknowledgeAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<StatementAlert>('POST', `/statement-alerts/${id}/acknowledge`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['statement-alerts'] }),
  });
}

/** super_admin, admin and finance only: others get a 403 and the screen says so */
export function useLedgerVerify() {
  return useQuery({
    queryKey: ['ledger-verify'],
    queryFn: () => api<LedgerVerify>('GET', '/ledger/verify'),
    retry: noRetryOnForbidden,
  });
}

/** the daily proof of cash of one collection account (staff) */
export function useProofOfCash(collectionAccountId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['proof-of-cash', collectionAccountId, from, to],
    queryFn: () =>
      api<{ days: ProofOfCashDay[] }>('GET', withQuery('/proof-of-cash', { collectionAccountId, from, to })),
    select: (d) => d.days,
    retry: noRetryOnForbidden,
  });
}

export function useUnknownStatementAccounts() {
  return useQuery({
    queryKey: ['statement-accounts', 'unknown'],
    queryFn: () => api<{ items: UnknownStatementAccount[] }>('GET', '/statement-accounts/unknown'),
  });
}
