/**
 * Display formatting of money for notifications. Amounts travel as decimal strings
 * ("1234567.5") with an ISO 4217 currency code; they are formatted by string manipulation
 * only, so no value ever passes through a JS number. The separators are the reader's
 * language's, as Intl gives them (issue 17).
 */
import { currencyScale as iso4217Scale, isCurrency } from '@remitd/money';

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;
const CURRENCY_RE = /^[A-Z]{3}$/;

const separatorCache = new Map<string, { group: string; decimal: string }>();
/** the grouping and decimal separators of a locale, read off a formatted sample (never a money value) */
function separatorsOf(locale: string): { group: string; decimal: string } {
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

/** A plain decimal string: optional '-', digits, optional '.digits'. No exponent, no '+', no grouping. */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_RE.test(value);
}

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && CURRENCY_RE.test(value);
}

/** Number of decimal places the currency is displayed with (ISO 4217 minor units, 2 by default). */
export function currencyScale(currency: string): number {
  if (!isCurrencyCode(currency)) {
    throw new Error(`Invalid currency code ${JSON.stringify(currency)} (expected 3 upper-case letters)`);
  }
  // the ISO 4217 table lives in libs/money; codes it does not list (funds codes…) display with 2
  return isCurrency(currency) ? iso4217Scale(currency) : 2;
}

/**
 * Formats a decimal string with thousands separators and exactly the currency's scale:
 * formatAmount('1234567.5', 'USD') === '1,234,567.50', formatAmount('1234567', 'JPY') === '1,234,567'.
 * Trailing zeros beyond the scale are dropped; a non-zero digit beyond the scale throws
 * rather than silently showing a customer a rounded amount.
 */
export function formatAmount(amount: string, currency: string, locale = 'en-US'): string {
  const scale = currencyScale(currency);
  const m = typeof amount === 'string' ? DECIMAL_RE.exec(amount) : null;
  if (!m) {
    throw new Error(`Invalid amount ${JSON.stringify(amount)} (expected a decimal string such as "1234.50")`);
  }
  const negative = m[1] === '-';
  const intDigits = m[2].replace(/^0+(?=\d)/, '');
  let frac = m[3] ?? '';
  if (frac.length > scale) {
    if (/[^0]/.test(frac.slice(scale))) {
      throw new Error(`Amount ${amount} has more decimal places than ${currency} allows (${scale})`);
    }
    frac = frac.slice(0, scale);
  } else {
    frac = frac.padEnd(scale, '0');
  }
  const { group, decimal } = separatorsOf(locale);
  const grouped = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const isZero = /^0+$/.test(intDigits) && !/[1-9]/.test(frac);
  return `${negative && !isZero ? '-' : ''}${grouped}${scale > 0 ? `${decimal}${frac}` : ''}`;
}

/** formatAmount followed by the currency code: '1,234,567.50 USD'. */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  return `${formatAmount(amount, currency, locale)} ${currency}`;
}

/**
 * How a customer's balance reads in an e-mail (issue 12 item 7): a negative balance is credit the
 * customer has used, not "Balance remaining: -96.00".
 */
export function balanceRow(amount: string, currency: string, lang: 'en' | 'zh' = 'en'): [string, string] {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  if (amount.startsWith('-') && /[1-9]/.test(amount))
    return [lang === 'zh' ? '已用信用额度' : 'Credit used', formatMoney(amount.slice(1), currency, locale)];
  return [lang === 'zh' ? '可用余额' : 'Balance available', formatMoney(amount, currency, locale)];
}
