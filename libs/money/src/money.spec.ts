import fc from 'fast-check';
import { DomainError } from '@remitd/core';
import { allocateByWeights, Dec, Money, sum } from './money';

const usdAmount = fc
  .tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }))
  .map(([cents]) => Money.of(new Dec(cents.toString()).dividedBy(100), 'USD'));

describe('Money', () => {
  it('rejects three decimals in USD naming the field', () => {
    expect(() => Money.of('10.123', 'USD', 'amount')).toThrow(/amount: USD allows 2 decimal places/);
    try {
      Money.of('10.123', 'USD', 'amount');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe('amount');
      expect((e as DomainError).code).toBe('AMOUNT_SCALE_EXCEEDED');
    }
  });

  it('api item 14: an amount with more integer digits than numeric(20,4) holds is a validation error naming the field', () => {
    expect(Money.of('9999999999999999.99', 'USD', 'amount').toString()).toBe('9999999999999999.99');
    for (const amount of ['10000000000000000', '123456789012345678901234567890.00', '-10000000000000000.00']) {
      try {
        Money.of(amount, 'USD', 'external.amount');
        throw new Error('accepted ' + amount);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect(e).toMatchObject({ code: 'AMOUNT_TOO_LARGE', kind: 'validation', field: 'external.amount' });
      }
    }
  });

  it('accepts trailing zeros within scale and JPY without decimals', () => {
    expect(Money.of('10.10', 'USD').toString()).toBe('10.10');
    expect(Money.of('1000', 'JPY').toString()).toBe('1000');
    expect(() => Money.of('1.5', 'JPY')).toThrow(/JPY allows 0 decimal places/);
    expect(Money.of('1.234', 'KWD').toString()).toBe('1.234');
  });

  it('reads stored amounts (four decimals in storage) at the currency scale, and refuses real excess precision', () => {
    expect(Money.fromStored('12.5000', 'EUR').toString()).toBe('12.50');
    expect(Money.fromStored('1000.0000', 'JPY').toString()).toBe('1000');
    expect(Money.fromStored('-0.0000', 'EUR').toString()).toBe('0.00');
    expect(Money.fromStored('-0.0000', 'EUR').isNegative()).toBe(false);
    expect(() => Money.fromStored('12.5050', 'EUR')).toThrow(/exceeds the currency scale/);
    expect(() => Money.fromStored('3.5000', 'JPY')).toThrow(/exceeds the currency scale/);
  });

  it('tells the sign of an amount, zero being neither positive nor negative', () => {
    expect([Money.of('0.01', 'EUR').isPositive(), Money.of('0.01', 'EUR').isNegative()]).toEqual([true, false]);
    expect([Money.of('-0.01', 'EUR').isPositive(), Money.of('-0.01', 'EUR').isNegative()]).toEqual([false, true]);
    expect([Money.zero('EUR').isPositive(), Money.zero('EUR').isNegative(), Money.zero('EUR').isZero()]).toEqual([
      false,
      false,
      true,
    ]);
    expect(Money.of('1.00', 'EUR').minus(Money.of('1.00', 'EUR')).isNegative()).toBe(false);
  });

  it('rejects unknown currencies and non-decimal input', () => {
    expect(() => Money.of('1', 'XYZ')).toThrow(/not an ISO 4217/);
    expect(() => Money.of('1e5', 'USD')).toThrow(/not a decimal amount/);
    expect(() => Money.of(12 as unknown as string, 'USD')).toThrow(/decimal strings/);
  });

  it('refuses to mix currencies', () => {
    expect(() => Money.of('1', 'USD').plus(Money.of('1', 'EUR'))).toThrow(/cannot combine USD with EUR/);
  });

  it('adds exactly where floats do not', () => {
    expect(Money.of('0.10', 'USD').plus(Money.of('0.20', 'USD')).toString()).toBe('0.30');
  });

  it('arithmetic laws hold for any amounts', () => {
    fc.assert(
      fc.property(usdAmount, usdAmount, usdAmount, (a, b, c) => {
        expect(a.plus(b).equals(b.plus(a))).toBe(true);
        expect(
          a
            .plus(b)
            .plus(c)
            .equals(a.plus(b.plus(c))),
        ).toBe(true);
        expect(a.plus(b).minus(b).equals(a)).toBe(true);
        expect(a.plus(a.negated()).isZero()).toBe(true);
        expect(Money.of(a.toString(), 'USD').equals(a)).toBe(true);
      }),
    );
  });

  it('allocation by weights sums exactly and each part is within one minor unit of its share', () => {
    fc.assert(
      fc.property(
        usdAmount,
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateByWeights(total, weights.map(String));
          expect(sum(parts, 'USD').equals(total)).toBe(true);
          const wSum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = total.amount.times(weights[i]).dividedBy(wSum);
            expect(p.amount.minus(exact).abs().lessThan('0.01')).toBe(true);
          });
        },
      ),
    );
  });
});
