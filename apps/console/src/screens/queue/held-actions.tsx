import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError, type Page } from '../../api/client';
import { REMITTANCES_KEY, sendHeld, type HeldRequest, type Remittance } from '../../api/remittances';

/**
 * Undo for the queue: an action is held for a few seconds before its requests go out; Undo drops it
 * and nothing reaches the API. Each request got its Idempotency-Key when the action was created, so a
 * flush on leaving the page and a later retry cannot move the money twice.
 */
export interface HeldAction {
  id: string;
  /** what the notification says, in the past tense: "Assigned 1,000.00 EUR to Acme" */
  label: string;
  remittanceIds: string[];
  requests: HeldRequest[];
  /** assign, split and return take the remittance out of the unmatched queue (one request per id) */
  leavesQueue?: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

const DEFAULT_UNDO_MS = 5000;

/** `?undoMs=` in the address or `localStorage['remitd.undoMs']` (tests set it short) */
export function undoDelayMs(): number {
  const fromUrl = new URLSearchParams(window.location.search).get('undoMs');
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem('remitd.undoMs');
  } catch {
    stored = null;
  }
  for (const raw of [fromUrl, stored]) {
    if (raw !== null && /^\d+$/.test(raw)) return Number(raw);
  }
  return DEFAULT_UNDO_MS;
}

let held: HeldAction[] = [];
const listeners = new Set<() => void>();
let queryClient: QueryClient | null = null;

function publish(next: HeldAction[]) {
  held = next;
  listeners.forEach((l) => l());
}

export function bindQueryClient(qc: QueryClient) {
  queryClient = qc;
}

const notificationId = (id: string) => `held-${id}`;

export function hold(action: {
  label: string;
  remittanceIds: string[];
  requests: HeldRequest[];
  leavesQueue?: boolean;
}): string {
  const id = crypto.randomUUID();
  const delay = undoDelayMs();
  const entry: HeldAction = { ...action, id, timer: null };
  entry.timer = setTimeout(() => void send(id), delay);
  publish([...held, entry]);
  notifications.show({
    id: notificationId(id),
    autoClose: false,
    withCloseButton: false,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{action.label}</Text>
        <Button size="compact-sm" variant="light" onClick={() => undo(id)}>
          Undo
        </Button>
      </Group>
    ),
  });
  return id;
}

/** drops a held action (the newest when no id is given); false when there was none left to undo */
export function undo(id?: string): boolean {
  const entry = id ? held.find((h) => h.id === id) : held[held.length - 1];
  if (!entry) return false;
  if (entry.timer) clearTimeout(entry.timer);
  publish(held.filter((h) => h !== entry));
  notifications.hide(notificationId(entry.id));
  notifications.show({ message: `Undone: ${entry.label}`, autoClose: 3000 });
  return true;
}

async function send(id: string, opts: { keepalive?: boolean; quiet?: boolean } = {}) {
  const entry = held.find((h) => h.id === id);
  if (!entry) return;
  if (entry.timer) clearTimeout(entry.timer);
  publish(held.filter((h) => h !== entry));
  if (!opts.quiet) notifications.hide(notificationId(id));
  const results = await Promise.allSettled(entry.requests.map((r) => sendHeld(r, { keepalive: opts.keepalive })));
  if (opts.quiet) return;
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (entry.leavesQueue && results.length === entry.remittanceIds.length) {
    // the server said done: the rows leave the list now, before the refetch confirms it
    const gone = new Set(entry.remittanceIds.filter((_, k) => results[k].status === 'fulfilled'));
    queryClient?.setQueriesData<InfiniteData<Page<Remittance>>>({ queryKey: [...REMITTANCES_KEY, 'list'] }, (data) =>
      data
        ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((r) => !gone.has(r.id)) })) }
        : data,
    );
  }
  void queryClient?.invalidateQueries({ queryKey: REMITTANCES_KEY });
  void queryClient?.invalidateQueries({ queryKey: ['bills'] });
  if (failed.length === 0) {
    notifications.show({ color: 'teal', message: `Done: ${entry.label}`, autoClose: 3000 });
    return;
  }
  const reason = failed[0].reason;
  notifications.show({
    color: 'red',
    title: failed.length === results.length ? 'Not done' : `${failed.length} of ${results.length} not done`,
    message: `${entry.label}: ${reason instanceof ApiError || reason instanceof Error ? reason.message : String(reason)}`,
    autoClose: 10_000,
  });
}

/**
 * Sends every held action now: on leaving the console (the page may be gone before the timers run,
 * so the requests use keepalive) or on leaving the queue screen.
 */
export function flushHeld(opts: { keepalive?: boolean } = {}) {
  for (const entry of [...held]) void send(entry.id, { keepalive: opts.keepalive, quiet: opts.keepalive });
}

if (typeof window !== 'undefined') {
  const leave = () => flushHeld({ keepalive: true });
  window.addEventListener('pagehide', leave);
  window.addEventListener('beforeunload', leave);
}

export function useHeldActions(): HeldAction[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => held,
  );
}
