import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { REMITTANCES_KEY } from './remittances';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface RemittanceEvent {
  id: string;
  state: string;
  customerId: string | null;
  currency: string;
  remittedAmount: string;
  at: string;
}

/**
 * One EventSource for the whole app (the session cookie is its credential): each `remittance` event
 * refreshes the remittance queries, so new and changed items appear without a reload. The browser
 * reconnects by itself after a drop; the status says whether the stream is up.
 */
let source: EventSource | null = null;
let status: LiveStatus = 'offline';
const listeners = new Set<() => void>();
let client: QueryClient | null = null;
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function setStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  listeners.forEach((l) => l());
}

/** a statement import fires many events at once: refresh at most every 300 ms */
function invalidateSoon() {
  if (flushTimer) return;
  flushTimer = setTimeout(() => {
    flushTimer = null;
    void client?.invalidateQueries({ queryKey: REMITTANCES_KEY });
  }, 300);
}

function open(qc: QueryClient) {
  client = qc;
  if (source || typeof EventSource === 'undefined') return;
  setStatus('connecting');
  source = new EventSource('/events', { withCredentials: true });
  source.onopen = () => setStatus('live');
  source.onerror = () => setStatus(source?.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
  source.addEventListener('remittance', () => invalidateSoon());
}

/** closes the stream (signing out) */
export function closeLiveEvents() {
  source?.close();
  source = null;
  setStatus('offline');
}

export function useLiveEvents(): LiveStatus {
  const qc = useQueryClient();
  useEffect(() => open(qc), [qc]);
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}
