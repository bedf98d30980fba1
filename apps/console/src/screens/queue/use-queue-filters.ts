import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { QueueFilters } from '../../api/remittances';

export const FILTER_KEYS: (keyof QueueFilters)[] = [
  'minAgeDays',
  'maxAgeDays',
  'minAmount',
  'maxAmount',
  'currency',
  'rail',
  'flag',
  'collectionAccountId',
  'owner',
  'q',
  'sort',
];

/** the filters live in the address, so a filtered queue can be bookmarked and shared */
export function useQueueFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: QueueFilters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params]);
  const setFilter = useCallback(
    (changes: Partial<QueueFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const k of FILTER_KEYS) next.delete(k);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, setFilter, clear, search: params.toString() };
}
