import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type Page } from './client';
import type { components } from './schema';

/**
 * The member's resources in arrears (seed 003): monthly subscriptions and pay-per-hour instances
 * the platform reports, their status and when they are released, and the renewal that restores
 * an isolated subscription.
 */
export type Resource = components['schemas']['ResourceResponse'];
export type RenewedResource = components['schemas']['RenewedResourceResponse'];

export const RESOURCES_PAGE_SIZE = 20;

export function useResources(cursor: string | null) {
  return useQuery({
    queryKey: ['resources', cursor],
    queryFn: () => api<Page<Resource>>('GET', withQuery('/resources', { cursor, limit: RESOURCES_PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
}

/** one more month from the balance; the Idempotency-Key makes a double click renew once */
export function useRenewResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<RenewedResource>('POST', `/resources/${id}/renewals`, undefined, { idempotent: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['resources'] }),
  });
}
