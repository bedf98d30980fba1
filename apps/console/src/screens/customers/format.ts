/**
 * Display helpers shared by the dashboard, Customer 360, bank and account screens. Money stays a
 * decimal string (see ui/money.ts).
 */

import { i18n, intlLocale } from '../../i18n';

export { formatAmount, formatMoney, isNegative } from '../../ui/money';

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime())
    ? String(value)
    : d.toLocaleString(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** a calendar date ("2026-11-15") stays that day whatever the user's time zone */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, mo, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' });
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleDateString(intlLocale(), { dateStyle: 'medium' });
}

/** "partly_paid" → "Partly paid" (部分支付: the customer namespace's `codes`, when it knows the code) */
export const humanize = (code: string) => {
  const s = code.replace(/_/g, ' ');
  const english = s.charAt(0).toUpperCase() + s.slice(1);
  return i18n.t(`codes.${code}`, { ns: 'customer', defaultValue: english });
};
