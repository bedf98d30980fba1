import Decimal from 'decimal.js';
import { DomainError } from '@remitd/core';
import { currency, currencyScale, type CurrencyCode } from './currency';

// Exact decimal arithmetic: 40 significant digits is far beyond Decimal(20,4) storage.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type DecimalValue = InstanceType<typeof D>;
export { D as Dec };

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;
/** Amounts are stored as numeric(20,4): at most 16 digits before the decimal point. */
export const MAX_INTEGER_DIGITS = 16;
const TOO_LARGE = new D(10).pow(MAX_INTEGER_DIGITS);
/** +0 (Decimals are immutable, so one instance serves every zero) */
const ZERO = new D(0);

/**
 * An exact amount in one ISO 4217 currency. Never a JS number: constructed from strings or
 * decimals, the currency's scale enforced at creation (excess precision is an error, not a
 * silent rounding), and arithmetic refuses to mix currencies.
 */
export class Money {
  #text?: string;

  private constructor(
    readonly amount: DecimalValue,
    readonly currency: CurrencyCode,
  ) {}

  /**
   * @param field names the input in error messages ("amount", "bill.amount"…)
   */
  static of(amount: string | DecimalValue | Decimal, code: string, field = 'amount'): Money {
    const ccy = currency(code, field === 'amount' ? 'currency' : `${field}.currency`);
    let value: DecimalValue;
    if (typeof amount === 'string') {
      const s = amount.trim();
      if (!DECIMAL_STRING.test(s)) {
        throw new DomainError('INVALID_AMOUNT', `${field}: "${amount}" is not a decimal amount`, 'validation', field);
      }
      value = new D(s);
    } else if (Decimal.isDecimal(amount)) {
      value = new D(amount.toString());
    } else {
      throw new DomainError(
        'INVALID_AMOUNT',
        `${field}: amounts must be decimal strings, not ${typeof amount}`,
        'validation',
        field,
      );
    }
    if (value.abs().gte(TOO_LARGE)) {
      throw new DomainError(
        'AMOUNT_TOO_LARGE',
        `${field}: at most ${MAX_INTEGER_DIGITS} digits before the decimal point, got "${amount.toString()}"`,
        'validation',
        field,
      );
    }
    const scale = currencyScale(ccy);
    if (value.decimalPlaces() > scale) {
      throw new DomainError(
        'AMOUNT_SCALE_EXCEEDED',
        `${field}: ${ccy} allows ${scale} decimal place${scale === 1 ? '' : 's'}, got "${amount.toString()}"`,
        'validation',
        field,
      );
    }
    return new Money(value.plus(0), ccy); // normalises -0
  }

  /** Amounts coming from storage (Decimal(20,4)) may carry trailing zeros beyond the scale. */
  static fromStored(amount: string | { toString(): string }, code: string): Money {
    const v = new D(amount.toString());
    // decimal places of the value itself: stored trailing zeros ("12.5000") do not count
    if (v.decimalPlaces() > currencyScale(code)) {
      throw new DomainError(
        'STORED_AMOUNT_SCALE',
        `stored ${code} amount ${v.toString()} exceeds the currency scale`,
        'unprocessable',
      );
    }
    return new Money(v.isZero() ? ZERO : v, currency(code));
  }

  static zero(code: string): Money {
    return new Money(ZERO, currency(code));
  }

  /** Smallest unit, e.g. 0.01 for USD, 1 for JPY. */
  static minorUnit(code: string): Money {
    return new Money(new D(1).dividedBy(new D(10).pow(currencyScale(code))), currency(code));
  }

  get scale(): number {
    return currencyScale(this.currency);
  }

  plus(o: Money): Money {
    this.same(o);
    return new Money(this.amount.plus(o.amount), this.currency);
  }
  minus(o: Money): Money {
    this.same(o);
    return new Money(this.amount.minus(o.amount), this.currency);
  }
  negated(): Money {
    return new Money(this.amount.negated().plus(0), this.currency);
  }
  abs(): Money {
    return new Money(this.amount.abs(), this.currency);
  }
  min(o: Money): Money {
    return this.compare(o) <= 0 ? this : o;
  }
  max(o: Money): Money {
    return this.compare(o) >= 0 ? this : o;
  }
  compare(o: Money): number {
    this.same(o);
    return this.amount.comparedTo(o.amount);
  }
  equals(o: Money): boolean {
    return this.currency === o.currency && this.amount.equals(o.amount);
  }
  isZero(): boolean {
    return this.amount.isZero();
  }
  // sign tests without comparing against a new Decimal(0) (decimal.js copies every operand)
  isPositive(): boolean {
    return !this.amount.isZero() && this.amount.isPositive();
  }
  isNegative(): boolean {
    return !this.amount.isZero() && this.amount.isNegative();
  }
  gt(o: Money): boolean {
    return this.compare(o) > 0;
  }
  gte(o: Money): boolean {
    return this.compare(o) >= 0;
  }
  lt(o: Money): boolean {
    return this.compare(o) < 0;
  }
  lte(o: Money): boolean {
    return this.compare(o) <= 0;
  }

  /** Fixed to the currency's scale: "1250.00", "-3.50", "1000" (JPY). */
  toString(): string {
    // immutable, and written out several times on the hot paths (SQL parameters, metadata, e-mails)
    return (this.#text ??= this.amount.toFixed(this.scale));
  }
  toJSON(): { amount: string; currency: string } {
    return { amount: this.toString(), currency: this.currency };
  }
  /** Integer minor units as a bigint string (e.g. for NACHA). */
  toMinorUnits(): bigint {
    return BigInt(this.amount.times(new D(10).pow(this.scale)).toFixed(0));
  }

  private same(o: Money): void {
    if (o.currency !== this.currency) {
      throw new DomainError('CURRENCY_MISMATCH', `cannot combine ${this.currency} with ${o.currency}`, 'validation');
    }
  }
}

export function sum(items: readonly Money[], code: string): Money {
  return items.reduce((acc, m) => acc.plus(m), Money.zero(code));
}

/**
 * Splits `total` into parts proportional to `weights` (largest remainder, in minor units):
 * parts sum exactly to total, each differs from its exact share by less than one minor unit.
 */
export function allocateByWeights(total: Money, weights: readonly string[]): Money[] {
  if (weights.length === 0) throw new DomainError('NO_WEIGHTS', 'nothing to allocate to', 'validation');
  const w = weights.map((x) => new D(x));
  if (w.some((x) => x.isNegative())) throw new DomainError('NEGATIVE_WEIGHT', 'weights must be ≥ 0', 'validation');
  const wSum = w.reduce((a, b) => a.plus(b), new D(0));
  if (wSum.isZero()) throw new DomainError('ZERO_WEIGHTS', 'weights sum to zero', 'validation');
  const unit = new D(1).dividedBy(new D(10).pow(total.scale));
  const totalUnits = total.amount.dividedBy(unit); // integer
  const exact = w.map((x) => totalUnits.times(x).dividedBy(wSum));
  const floors = exact.map((x) => (totalUnits.isNegative() ? x.ceil() : x.floor()));
  let left = totalUnits.minus(floors.reduce((a, b) => a.plus(b), new D(0)));
  const order = exact
    .map((x, i) => ({ i, rem: x.minus(floors[i]).abs() }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const step = totalUnits.isNegative() ? -1 : 1;
  for (const { i } of order) {
    if (left.isZero()) break;
    floors[i] = floors[i].plus(step);
    left = left.minus(step);
  }
  return floors.map((u) => Money.of(u.times(unit), total.currency));
}
