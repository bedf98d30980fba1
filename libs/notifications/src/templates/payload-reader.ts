import Decimal from 'decimal.js';
import { currencyScale, isCurrencyCode, isDecimalString } from '../money-format';

/**
 * Reads an outbox payload field by field and collects every problem instead of stopping at the
 * first, so one error lists all missing or invalid fields.
 *
 * Money: each payload carries one `currency` (ISO 4217) and its amounts as decimal strings.
 * Dates: 'YYYY-MM-DD' or an ISO 8601 timestamp (shown as its UTC date).
 */
export class PayloadReader {
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly prefix: string,
    private readonly errors: string[],
  ) {}

  private path(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  private problem(key: string, what: string): void {
    this.errors.push(`${this.path(key)} ${what}`);
  }

  /** Records a problem that involves several fields. */
  error(message: string): void {
    this.errors.push(this.prefix ? `${this.prefix}: ${message}` : message);
  }

  private present(key: string): boolean {
    const v = this.obj[key];
    return v !== undefined && v !== null;
  }

  text(key: string): string {
    const v = this.obj[key];
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(key, this.present(key) ? 'must be a non-empty string' : 'is required');
      return '';
    }
    return v.trim();
  }

  optText(key: string): string | undefined {
    if (!this.present(key)) return undefined;
    const v = this.obj[key];
    if (typeof v !== 'string') {
      this.problem(key, 'must be a string');
      return undefined;
    }
    return v.trim() === '' ? undefined : v.trim();
  }

  currency(key: string): string {
    const v = this.obj[key];
    if (!isCurrencyCode(v)) {
      this.problem(key, this.present(key) ? 'must be an ISO 4217 code such as "USD"' : 'is required');
      return 'XXX';
    }
    return v;
  }

  /** A decimal string; `currency` (when valid) also limits the number of decimals. */
  decimal(key: string, currency: string | undefined): string {
    if (!this.present(key)) {
      this.problem(key, 'is required (decimal string)');
      return '0';
    }
    return this.checkDecimal(key, currency);
  }

  optDecimal(key: string, currency: string | undefined): string | undefined {
    return this.present(key) ? this.checkDecimal(key, currency) : undefined;
  }

  private checkDecimal(key: string, currency: string | undefined): string {
    const v = this.obj[key];
    if (!isDecimalString(v)) {
      this.problem(
        key,
        `must be a decimal string such as "1234.50" (got ${typeof v === 'string' ? JSON.stringify(v) : typeof v})`,
      );
      return '0';
    }
    if (currency && isCurrencyCode(currency)) {
      const scale = currencyScale(currency);
      if (new Decimal(v).decimalPlaces() > scale) {
        this.problem(key, `has more decimal places than ${currency} allows (${scale})`);
        return '0';
      }
    }
    return v;
  }

  date(key: string): string {
    if (!this.present(key)) {
      this.problem(key, 'is required (date)');
      return '';
    }
    return this.checkDate(key);
  }

  optDate(key: string): string | undefined {
    return this.present(key) ? this.checkDate(key) : undefined;
  }

  private checkDate(key: string): string {
    const v = this.obj[key];
    const formatted = typeof v === 'string' ? toDisplayDate(v) : null;
    if (formatted === null) {
      this.problem(key, 'must be a date "YYYY-MM-DD" or an ISO 8601 timestamp');
      return '';
    }
    return formatted;
  }

  nonNegativeInt(key: string): number {
    const v = this.obj[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      this.problem(key, this.present(key) ? 'must be a non-negative integer' : 'is required');
      return 0;
    }
    return v;
  }

  optNonNegativeInt(key: string): number | undefined {
    return this.present(key) ? this.nonNegativeInt(key) : undefined;
  }

  list<T>(key: string, item: (r: PayloadReader) => T, opts: { nonEmpty?: boolean } = {}): T[] {
    const v = this.obj[key];
    if (!Array.isArray(v)) {
      this.problem(key, this.present(key) ? 'must be an array' : 'is required (array)');
      return [];
    }
    if (opts.nonEmpty && v.length === 0) {
      this.problem(key, 'must not be empty');
      return [];
    }
    return v.map((entry: unknown, i) => {
      const path = `${this.path(key)}[${i}]`;
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
        this.errors.push(`${path} must be an object`);
        return item(new PayloadReader({}, path, []));
      }
      return item(new PayloadReader(entry as Record<string, unknown>, path, this.errors));
    });
  }
}

function toDisplayDate(value: string): string | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? value : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t.toISOString().slice(0, 10);
}
