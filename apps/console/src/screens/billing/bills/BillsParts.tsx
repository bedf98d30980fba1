import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../api/bills';
import type { useCursorPager } from '../../customers/Pager';

export function Loading({ label }: { label: string }) {
  return (
    <Center p="md">
      <Loader size="sm" aria-label={label} />
    </Center>
  );
}

/** the API's refusal or failure, in the console's language (the API's own words only as detail) */
export function LoadError({ title, error }: { title: string; error: Error & { status?: number } }) {
  const { t } = useTranslation('bills');
  const reason = error.status === 403 || error.status === 404 ? t('error.notYours') : error.message;
  return (
    <Alert variant="outline" color="red.9" title={title} role="alert">
      {reason}
    </Alert>
  );
}

/** "Visa •••• 4242" / "PayPal" */
export function MethodName({ method }: { method: PaymentMethod }) {
  const { t } = useTranslation('bills');
  return <>{methodName(t, method)}</>;
}

export const methodName = (t: (key: string, opts?: Record<string, unknown>) => string, method: PaymentMethod) =>
  method.kind === 'paypal'
    ? t('method.paypal')
    : t('method.card', { brand: method.brand.toUpperCase(), last4: method.last4 ?? '····' });

export function BillsPager({
  pager,
  nextCursor,
}: {
  pager: ReturnType<typeof useCursorPager>;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation('bills');
  if (pager.page === 1 && !nextCursor) return null;
  return (
    <Group justify="flex-end" gap="xs" role="navigation" aria-label={t('pager.label')}>
      <Button variant="default" size="xs" disabled={pager.page === 1} onClick={pager.prev}>
        {t('pager.previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('pager.page', { page: pager.page })}
      </Text>
      <Button variant="default" size="xs" disabled={!nextCursor} onClick={() => nextCursor && pager.next(nextCursor)}>
        {t('pager.next')}
      </Button>
    </Group>
  );
}

/** a drawer slides in, unless the person asked for less motion */
export function useDrawerTransition() {
  return { duration: useReducedMotion() ? 0 : 200 };
}
