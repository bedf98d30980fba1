import fc from 'fast-check';
import { buildIban, hasValidCheckDigits, isValidAbaRoutingNumber, isValidIban } from './check-digits';
import { virtualAccountNumber } from './virtual-account-number';

describe('virtual account numbers', () => {
  const collection = { iban: 'DE89370400440532013000', accountNumber: '0532013000' };

  it('are valid IBANs under an IBAN collection account, sharing its bank code', () => {
    const n = virtualAccountNumber(collection, 42n);
    expect(isValidIban(n)).toBe(true);
    expect(n.slice(4, 12)).toBe('37040044');
    expect(n.endsWith('00000042')).toBe(true);
  });

  it('catch any single-digit typo and any adjacent transposition', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 99_999_999n }),
        fc.integer({ min: 4, max: 21 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, pos, delta) => {
          const n = virtualAccountNumber(collection, serial);
          const d = Number(n[pos]);
          if (Number.isNaN(d)) return;
          const typo = n.slice(0, pos) + String((d + delta) % 10) + n.slice(pos + 1);
          expect(isValidIban(typo)).toBe(false);
        },
      ),
    );
  });

  it('are distinct for distinct serials', () => {
    const seen = new Set(Array.from({ length: 5000 }, (_, i) => virtualAccountNumber(collection, BigInt(i + 1))));
    expect(seen.size).toBe(5000);
  });

  it('carry MOD 97 check digits under a plain ACH account number', () => {
    const n = virtualAccountNumber({ iban: null, accountNumber: '123456789' }, 7n);
    expect(n).toMatch(/^1234000000070\d$|^123400000007\d\d$/);
    expect(hasValidCheckDigits(n)).toBe(true);
  });

  it('builds known IBANs', () => {
    expect(buildIban('GB', 'NWBK60161331926819')).toBe('GB29NWBK60161331926819');
  });
});

describe('setup item 4: a US routing number is 9 digits passing the ABA checksum', () => {
  it.each(['021000021', '011000015', '121000358', '026009593'])('accepts the real routing number %s', (aba) =>
    expect(isValidAbaRoutingNumber(aba)).toBe(true),
  );
  it.each(['021000022', '02100002', '0210000211', '02100002A', ' 021000021', ''])('refuses %p', (aba) =>
    expect(isValidAbaRoutingNumber(aba)).toBe(false),
  );
});
