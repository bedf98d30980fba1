import { Alert, Badge, Button, Center, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { SettlementTaskStatus } from '../../../api/settlement-tasks';
import { intlLocale } from '../../../i18n';

/** where the screen lives (its sub-routes: list, new, :id, :id/edit) */
export const ROOT = '/billing/settlement-tasks';

/** dark shades: the badge text keeps a 4.5:1 contrast on white (axe) */
const STATUS_COLOR: Record<SettlementTaskStatus, string> = {
  draft: 'gray.8',
  running: 'blue.9',
  settling: 'violet.9',
  not_started: 'cyan.9',
  closed: 'dark.6',
  completed: 'teal.9',
};

export function StatusBadge({ status }: { status: SettlementTaskStatus }) {
  const { t } = useTranslation('settlement');
  return (
    <Badge variant="outline" color={STATUS_COLOR[status]} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "2026-09" → "September 2026" / "2026年9月" in the console's language */
export function formatCycle(cycle: string): string {
  const [y, m] = cycle.split('-').map(Number);
  if (!y || !m) return cycle;
  return new Intl.DateTimeFormat(intlLocale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

export const formatWhen = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';

/** the API's refusals a member can do nothing about but understand (seed 001: who may use unified settlement) */
const DENIED: Record<string, string> = {
  UNIFIED_SETTLEMENT_PERMISSION_REQUIRED: 'denied.permission',
  ROLE_FORBIDDEN: 'denied.permission',
  FORBIDDEN_CUSTOMER: 'denied.customer',
  NO_FINANCIAL_RELATIONSHIP: 'denied.relationship',
};

export const deniedKey = (error: unknown) => (error instanceof ApiError ? DENIED[error.code] : undefined);

/** an API error as a member reads it: an explanation for a refusal of access, else the API's message */
export function ErrorNotice({ error, title }: { error: Error; title?: string }) {
  const { t } = useTranslation('settlement');
  const denied = deniedKey(error);
  if (denied)
    return (
      <Alert
        color="indigo.9"
        variant="outline"
        title={t('denied.title')}
        role="alert"
        data-code={(error as ApiError).code}
      >
        {t(denied)}
      </Alert>
    );
  if (error instanceof ApiError && error.status === 404)
    return (
      <Alert color="red.9" variant="outline" title={title ?? t('loadFailed')} role="alert" data-code={error.code}>
        {t('view.notFound')}
      </Alert>
    );
  return (
    <Alert color="red.9" variant="outline" title={title ?? t('loadFailed')} role="alert">
      {error.message}
    </Alert>
  );
}

/** a spinner while the query loads, the notice if it failed, else the children */
export function QueryGate({
  query,
  children,
}: {
  query: { isPending: boolean; error: Error | null };
  children: ReactNode;
}) {
  const { t } = useTranslation('settlement');
  if (query.error) return <ErrorNotice error={query.error} />;
  if (query.isPending)
    return (
      <Center p="md">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  return <>{children}</>;
}

/** a toast whose close button has a name (Mantine's has none, which axe counts as critical) */
export function notify(message: string, error = false) {
  notifications.show({ message, color: error ? 'red' : undefined, closeButtonProps: { 'aria-label': 'Dismiss' } });
}

/** keyset pages: the cursors seen so far, so "Previous" goes back without the API knowing about it */
export function useCursorStack() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const next = useCallback((c: string) => setStack((s) => [...s, c]), []);
  const prev = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  return { cursor: stack[stack.length - 1], page: stack.length, next, prev };
}

export function TaskPager({
  pager,
  nextCursor,
}: {
  pager: ReturnType<typeof useCursorStack>;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation('settlement');
  if (pager.page === 1 && !nextCursor) return null;
  return (
    <Group justify="flex-end" gap="xs" role="navigation" aria-label={t('list.pages')}>
      <Button variant="default" size="xs" disabled={pager.page === 1} onClick={pager.prev}>
        {t('list.previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('list.page', { page: pager.page })}
      </Text>
      <Button variant="default" size="xs" disabled={!nextCursor} onClick={() => nextCursor && pager.next(nextCursor)}>
        {t('list.next')}
      </Button>
    </Group>
  );
}
