import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading spinner or error alert for a query; the children once there is data. */
export function QueryState({
  query,
  label,
  children,
}: {
  query: { isPending: boolean; error: Error | null };
  label: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <Center p="md">
        <Loader size="sm" aria-label={t('loadingWhat', { what: label })} />
      </Center>
    );
  if (query.error)
    return (
      <Alert color="red.9" title={t('loadFailed', { what: label })} role="alert">
        {query.error.message}
      </Alert>
    );
  return <>{children}</>;
}
