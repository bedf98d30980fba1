import { Money } from '@remitd/money';
import { scaledPlain } from './ingest-file.usecase';

describe('scaledPlain (stored amounts without a Decimal)', () => {
  it('writes what Money.fromStored(…).toString() writes, or leaves the amount to the Decimal path', () => {
    const amounts = [
      '0',
      '00',
      '0.0',
      '0.5',
      '00.50',
      '1925.9',
      '1925.90',
      '1925.900',
      '0100',
      '100.',
      '.5',
      '12.345',
      '12.3450',
      '1,5',
      '-3.50',
      '',
      '999999999999999.99',
      '9999999999999999.99',
      '123456789012345678',
      '7e3',
    ];
    for (const currency of ['EUR', 'USD', 'JPY', 'KWD', 'QQQ']) {
      for (const amount of amounts) {
        const plain = scaledPlain(amount, currency);
        if (plain === null) continue;
        expect([amount, currency, plain]).toEqual([amount, currency, Money.fromStored(amount, currency).toString()]);
      }
    }
    expect(scaledPlain('1925.9', 'EUR')).toBe('1925.90');
    expect(scaledPlain('0100', 'JPY')).toBe('100');
    expect(scaledPlain('12.345', 'EUR')).toBeNull();
    expect(scaledPlain('1', 'QQQ')).toBeNull();
    expect(scaledPlain('9999999999999999.99', 'USD')).toBeNull();
  });
});
