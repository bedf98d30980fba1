import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** `GET /dashboard` (staff): today's inflow, matching and queue series per day, the e-mail outbox. */
export interface Dashboard {
  /** the time zone the days are in */
  timeZone: string;
  inflowToday: { currency: string; amount: string; count: number }[];
  matching: {
    day: string;
    automatic: number;
    manual: number;
    unmatched: number; /** automatic / all that arrived, 0 to 1; null when none arrived */
    rate: number | null;
  }[];
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
