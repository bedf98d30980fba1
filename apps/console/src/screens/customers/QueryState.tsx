import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';

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
  if (query.isPending)
    return (
      <Center p="md">
        <Loader size="sm" aria-label={`Loading ${label}`} />
      </Center>
    );
  if (query.error)
    return (
      <Alert color="red.9" title={`Could not load ${label}`} role="alert">
        {query.error.message}
      </Alert>
    );
  return <>{children}</>;
}
