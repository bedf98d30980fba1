import fc from 'fast-check';
import { Money } from '@remitd/money';
import { allocateOldestFirst, type OpenBill } from './allocate-oldest-first';

const usd = (s: string) => Money.of(s, 'USD');
const bill = (id: string, day: number, open: string): OpenBill => ({
  id,
  issuedAt: new Date(Date.UTC(2026, 0, day)),
  open: usd(open),
});

describe('oldest-first allocation', () => {
  it('settles two bills and partly pays the third', () => {
    const r = allocateOldestFirst(usd('250.00'), [
      bill('c', 3, '100.00'),
      bill('a', 1, '100.00'),
      bill('b', 2, '100.00'),
    ]);
    expect(r.allocations.map((a) => [a.billId, a.amount.toString(), a.settles])).toEqual([
      ['a', '100.00', true],
      ['b', '100.00', true],
      ['c', '50.00', false],
    ]);
    expect(r.remaining.toString()).toBe('0.00');
  });

  it('leaves an overpayment as balance', () => {
    const r = allocateOldestFirst(usd('500.00'), [bill('a', 1, '100.00')]);
    expect(r.remaining.toString()).toBe('400.00');
  });

  it('stops at the first bill it cannot fully pay when partial payment is off', () => {
    const r = allocateOldestFirst(
      usd('150.00'),
      [bill('a', 1, '100.00'), bill('b', 2, '100.00'), bill('c', 3, '10.00')],
      false,
    );
    expect(r.allocations.map((a) => a.billId)).toEqual(['a']);
    expect(r.remaining.toString()).toBe('50.00');
  });

  it('ignores bills in another currency', () => {
    const r = allocateOldestFirst(usd('10.00'), [{ id: 'e', issuedAt: new Date(0), open: Money.of('5.00', 'EUR') }]);
    expect(r.allocations).toEqual([]);
  });

  // A seeded randomized auditor (tigerbeetle style): the invariants are checked independently
  // of the implementation's own assertions, over thousands of random inputs.
  it('auditor: total ≤ funds, each ≤ open, oldest first, no negatives, partial only last', () => {
    const cents = fc.integer({ min: 1, max: 5_000_000 }).map((c) => usd((c / 100).toFixed(2)));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000_000 }).map((c) => usd((c / 100).toFixed(2))),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 365 }), cents), { maxLength: 30 }),
        fc.boolean(),
        (funds, raw, partial) => {
          const bills = raw.map(([d, open], i) => bill(`b${String(i).padStart(3, '0')}`, d, open.toString()));
          const { allocations, remaining } = allocateOldestFirst(funds, bills, partial);
          const total = allocations.reduce((a, x) => a.plus(x.amount), usd('0'));
          expect(total.lte(funds)).toBe(true);
          expect(total.plus(remaining).equals(funds)).toBe(true);
          expect(remaining.isNegative()).toBe(false);
          const sorted = [...bills].sort(
            (a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.id.localeCompare(b.id),
          );
          // the allocations are exactly a prefix of the sorted bills
          allocations.forEach((a, i) => {
            expect(a.billId).toBe(sorted[i].id);
            expect(a.amount.lte(sorted[i].open)).toBe(true);
            expect(a.amount.isPositive()).toBe(true);
            if (i < allocations.length - 1) expect(a.settles).toBe(true);
          });
          // nothing left unpaid while funds remain
          if (remaining.isPositive()) expect(allocations.length === sorted.length || !partial).toBe(true);
          if (!partial) expect(allocations.every((a) => a.settles)).toBe(true);
        },
      ),
      { seed: 4242, numRuns: 3000 },
    );
  });
});
