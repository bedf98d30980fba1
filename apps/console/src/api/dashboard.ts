import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** `GET /dashboard` (staff): today's inflow, matching and queue series per day, the e-mail outbox. */
export interface Dashboard {
  inflowToday: { currency: string; amount: string; count: number }[];
  matching: { day: string; automatic: number; manual: number; unmatched: number; rate: number | string | null }[];
  queue: { day: string; open: number; oldestAgeDays: number | null }[];
  emails: { pending: number; failed: number; sentToday: number };
}

export function useDashboard(days = 30) {
  return useQuery({
    queryKey: ['dashboard', days],
    queryFn: () => api<Dashboard>('GET', `/dashboard?days=${days}`),
    refetchInterval: 60_000,
  });
}
