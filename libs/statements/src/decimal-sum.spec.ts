import Decimal from 'decimal.js';
import { DecimalSum } from './decimal-sum';

const Exact = Decimal.clone({ precision: 100 });

describe('DecimalSum', () => {
  it('sums decimal strings exactly and writes them as Decimal#toFixed() does', () => {
    const cases: Array<[string, boolean][]> = [
      [],
      [['0', false]],
      [
        ['1.50', false],
        ['1.50', false],
      ],
      [
        ['0.1', false],
        ['0.2', false],
      ],
      [
        ['5', false],
        ['5', true],
      ],
      [
        ['1234.5', false],
        ['2000.05', true],
      ],
      [['0.001', true]],
      [
        ['100', false],
        ['0.25', false],
        ['99.7500', true],
      ],
      [
        ['123456789012345678901234567890.123456789', false],
        ['0.000000001', false],
      ],
    ];
    for (const amounts of cases) {
      const sum = new DecimalSum();
      let expected = new Exact(0);
      for (const [amount, negate] of amounts) {
        sum.add(amount, negate);
        expected = negate ? expected.minus(amount) : expected.plus(amount);
      }
      expect(sum.toFixed()).toBe(expected.toFixed());
    }
  });
});
