import { Button, Group, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Keyset pages: the cursors seen so far, so "Previous" goes back without the API knowing about it. */
export function useCursorPager() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const cursor = stack[stack.length - 1];
  const next = useCallback((c: string) => setStack((s) => [...s, c]), []);
  const prev = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([null]), []);
  return { cursor, page: stack.length, next, prev, reset };
}

export function Pager({
  pager,
  nextCursor,
  label,
}: {
  pager: ReturnType<typeof useCursorPager>;
  nextCursor: string | null | undefined;
  label: string;
}) {
  const { t } = useTranslation();
  if (pager.page === 1 && !nextCursor) return null;
  return (
    <Group justify="flex-end" gap="xs" role="navigation" aria-label={t('pages', { what: label })}>
      <Button variant="default" size="xs" disabled={pager.page === 1} onClick={pager.prev}>
        {t('previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('page', { page: pager.page })}
      </Text>
      <Button variant="default" size="xs" disabled={!nextCursor} onClick={() => nextCursor && pager.next(nextCursor)}>
        {t('next')}
      </Button>
    </Group>
  );
}
