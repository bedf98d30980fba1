import Decimal from 'decimal.js';
import { intlLocale } from '../../../i18n';
import { minorUnits } from '../../../ui/money';

/** a calendar date ("2026-11-15") in the console's language, that day whatever the time zone */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const date = day && value.length === 10 ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(intlLocale(), {
    dateStyle: 'medium',
    ...(value.length === 10 ? { timeZone: 'UTC' } : {}),
  });
}

export function formatDayTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleString(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** "2026-10" → "October 2026" / "2026年10月" */
export function formatCycle(cycle: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(cycle);
  if (!m) return cycle;
  return new Date(Date.UTC(+m[1], +m[2] - 1, 1)).toLocaleDateString(intlLocale(), {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
}

export type AmountProblem = 'required' | 'format' | 'scale' | 'positive' | 'aboveOutstanding' | 'aboveTotal';

/**
 * What is wrong with an amount a person typed (null: nothing): a decimal with at most the
 * currency's minor units, > 0 unless zero is allowed, ≤ `max`. decimal.js only, never a float.
 */
export function amountProblem(
  input: string,
  currency: string,
  max: { value: string; problem: AmountProblem },
  opts: { allowZero?: boolean } = {},
): AmountProblem | null {
  const text = input.trim();
  if (!text) return 'required';
  if (!/^\d+(\.\d+)?$/.test(text)) return 'format';
  if ((text.split('.')[1]?.length ?? 0) > minorUnits(currency)) return 'scale';
  const value = new Decimal(text);
  if (opts.allowZero ? value.isNegative() : value.lte(0)) return 'positive';
  if (value.gt(max.value)) return max.problem;
  return null;
}
