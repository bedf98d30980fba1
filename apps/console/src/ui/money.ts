import Decimal from 'decimal.js';

/** "1234567.5" → "1,234,567.50": grouping by string, never through a float */
export function formatAmount(amount: string | Decimal, scale = 2): string {
  const fixed = (amount instanceof Decimal ? amount : new Decimal(amount)).toFixed(scale);
  const negative = fixed.startsWith('-');
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export const formatMoney = (amount: string | Decimal, currency: string) => `${formatAmount(amount)} ${currency}`;

/** a decimal string a person typed: digits, optional fraction, nothing else */
export const isDecimalInput = (s: string) => /^\d+(\.\d+)?$/.test(s.trim());
