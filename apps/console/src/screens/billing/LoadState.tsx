import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Loading spinner or error alert for a query, in the screen's language (the caller passes its
 * translated labels); the children once there is data.
 */
export function LoadState({
  query,
  loading,
  failed,
  children,
}: {
  query: { isPending: boolean; error: Error | null };
  loading: string;
  failed: string;
  children: ReactNode;
}) {
  if (query.isPending)
    return (
      <Center p="md">
        <Loader size="sm" aria-label={loading} />
      </Center>
    );
  if (query.error)
    return (
      <Alert variant="outline" color="red.9" title={failed} role="alert">
        {query.error.message}
      </Alert>
    );
  return <>{children}</>;
}
