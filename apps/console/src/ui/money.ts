import Decimal from 'decimal.js';
import { intlLocale } from '../i18n';

/**
 * Money on screen. Amounts stay decimal strings (or Decimal for computed differences): digits are
 * grouped on the string with the console language's separators (as Intl gives them for a sample
 * number, never for the amount), never through a float; an amount with a currency shows that
 * currency's minor units (2 for EUR, 0 for JPY, 3 for BHD).
 */
const separatorCache = new Map<string, { group: string; decimal: string }>();
function separatorsOf(locale: string) {
  let s = separatorCache.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(locale).formatToParts(11111.5);
    s = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    separatorCache.set(locale, s);
  }
  return s;
}

const units = new Map<string, number>();
/** ISO 4217 minor units of a currency, as the browser knows them (2 when it does not) */
export function minorUnits(currency: string): number {
  let n = units.get(currency);
  if (n === undefined) {
    try {
      n = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      n = 2;
    }
    units.set(currency, n);
  }
  return n;
}

/**
 * "1234567.5" → "1,234,567.5" (an en locale); with a scale, "1234567.50". A Decimal is shown with
 * 2 places unless told otherwise. Anything that is not a decimal is shown as it came; none is "—".
 */
export function formatAmount(amount: string | Decimal | null | undefined, scale?: number): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const text =
    amount instanceof Decimal
      ? amount.toFixed(scale ?? 2)
      : scale !== undefined && /^[+-]?\d+(\.\d+)?$/.test(amount.trim())
        ? new Decimal(amount.trim()).toFixed(scale)
        : amount.trim();
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction] = m;
  const separators = separatorsOf(intlLocale());
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separators.group);
  return `${sign === '-' ? '−' : ''}${grouped}${fraction !== undefined ? separators.decimal + fraction : ''}`;
}

/** "1234.5" + "EUR" → "1,234.50 EUR"; without a currency the amount as it came */
export const formatMoney = (amount: string | Decimal | null | undefined, currency?: string | null) =>
  currency ? `${formatAmount(amount, minorUnits(currency))} ${currency}` : formatAmount(amount);

/** a decimal string a person typed: digits, optional fraction, nothing else */
export const isDecimalInput = (s: string) => /^\d+(\.\d+)?$/.test(s.trim());

/** true for a decimal string below zero ("-0.00" is not) */
export const isNegative = (amount: string) => /^-/.test(amount) && /[1-9]/.test(amount);
