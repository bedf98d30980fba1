/**
 * An exact running sum of validated decimal strings ("1234", "1234.5"), for the per-entry totals
 * of a statement. A scaled BigInt instead of a Decimal per entry: parsing 100k entries otherwise
 * spends much of its time constructing Decimals and collecting them. Never rounds.
 */
export class DecimalSum {
  /** the sum times 10^scale */
  private units = 0n;
  private scale = 0;

  /** adds (or with negate, subtracts) digits with an optional fraction: ^\d+(\.\d+)?$, checked by the caller */
  add(amount: string, negate = false): void {
    const dot = amount.indexOf('.');
    let digits = amount;
    let fraction = 0;
    if (dot !== -1) {
      digits = amount.slice(0, dot) + amount.slice(dot + 1);
      fraction = amount.length - dot - 1;
    }
    let value = BigInt(digits);
    if (fraction > this.scale) {
      this.units *= 10n ** BigInt(fraction - this.scale);
      this.scale = fraction;
    } else if (fraction < this.scale) {
      value *= 10n ** BigInt(this.scale - fraction);
    }
    this.units = negate ? this.units - value : this.units + value;
  }

  /** plain notation without trailing fraction zeros, as Decimal#toFixed() writes it ("-12.5", "0") */
  toFixed(): string {
    const negative = this.units < 0n;
    let digits = (negative ? -this.units : this.units).toString();
    let scale = this.scale;
    while (scale > 0 && digits.length > 1 && digits.charCodeAt(digits.length - 1) === 48) {
      digits = digits.slice(0, -1);
      scale--;
    }
    if (scale > 0 && digits === '0') scale = 0;
    let out = digits;
    if (scale > 0) {
      const padded = digits.padStart(scale + 1, '0');
      out = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
    }
    return negative ? `-${out}` : out;
  }
}
