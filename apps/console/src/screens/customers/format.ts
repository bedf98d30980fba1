/**
 * Display helpers shared by the dashboard, Customer 360, bank and account screens. Money stays a
 * decimal string: digits are grouped on the string with the user's locale separators, never through a float.
 */

const separators = (() => {
  const parts = new Intl.NumberFormat().formatToParts(11111.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
})();

/** "-12345.6" → "−12,345.6" (in an en locale); anything that is not a decimal string is shown as it came. */
export function formatAmount(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) return amount;
  const [, sign, whole, fraction] = m;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separators.group);
  return `${sign === '-' ? '−' : ''}${grouped}${fraction !== undefined ? separators.decimal + fraction : ''}`;
}

/** "1234.50" + "EUR" → "1,234.50 EUR" */
export const formatMoney = (amount: string | null | undefined, currency?: string | null) =>
  currency ? `${formatAmount(amount)} ${currency}` : formatAmount(amount);

/** true for a decimal string below zero ("-0.00" is not) */
export const isNegative = (amount: string) => /^-/.test(amount) && /[1-9]/.test(amount);

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime())
    ? String(value)
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** a calendar date ("2026-11-15") stays that day whatever the user's time zone */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, mo, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** "partly_paid" → "Partly paid" */
export const humanize = (code: string) => {
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};
