import { arrayParam } from './pg-params';
import { prng } from '../../../test/support/prng';

// node-postgres's own parameter serializer (not in its type declarations)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (v: unknown) => unknown };

describe('array parameters', () => {
  it('serializes exactly what node-postgres sends for strings, numbers and nulls, whatever the characters', () => {
    const rnd = prng(7);
    const alphabet = ['a', 'Z', '0', ' ', ',', '{', '}', '"', '\\', "'", 'é', '€', '\n', 'NULL', '🙂'];
    for (let run = 0; run < 500; run++) {
      const values = Array.from({ length: Math.floor(rnd() * 8) }, () => {
        const r = rnd();
        if (r < 0.1) return null;
        if (r < 0.2) return Math.round(rnd() * 1e6) / 100;
        return Array.from({ length: Math.floor(rnd() * 6) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(
          '',
        );
      });
      expect(arrayParam(values)).toBe(prepareValue(values));
    }
  });

  it('leaves scalars and arrays it does not handle (dates, nested arrays) to node-postgres', () => {
    const dates = [new Date(0)];
    const nested = [['a']];
    expect(arrayParam('x')).toBe('x');
    expect(arrayParam(dates)).toBe(dates);
    expect(arrayParam(nested)).toBe(nested);
    expect(arrayParam([])).toBe('{}');
  });
});
