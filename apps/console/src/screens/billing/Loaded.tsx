import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading spinner or error alert for a query, in the console's language; the children once there is data. */
export function Loaded(props: {
  query: { isPending: boolean; error: Error | null };
  label: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('common');
  if (props.query.isPending)
    return (
      <Center p="md">
        <Loader size="sm" aria-label={`${t('loading')}: ${props.label}`} />
      </Center>
    );
  if (props.query.error)
    return (
      <Alert color="red.9" title={props.label} role="alert">
        {props.query.error.message}
      </Alert>
    );
  return <>{props.children}</>;
}
