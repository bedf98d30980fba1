import fc from 'fast-check';
import { Money } from '@remitd/money';
import { payBills, type FundSource, type PayableBill } from './pay-bills';

const usd = (s: string) => Money.of(s, 'USD');
const bill = (id: string, cycle: string, open: string): PayableBill => ({
  id,
  billingCycle: cycle,
  issuedAt: new Date(`${cycle}-28T00:00:00Z`),
  open: usd(open),
});

describe('paying bills from several sources', () => {
  it('uses the stored-value card only for bills of its own month, then the balance', () => {
    const card: FundSource = {
      id: 'card',
      kind: 'stored_value_card',
      available: usd('100.00'),
      eligible: (b) => b.billingCycle === '2026-10',
    };
    const balance: FundSource = { id: 'bal', kind: 'balance', available: usd('500.00'), eligible: () => true };
    const out = payBills([bill('sep', '2026-09', '80.00'), bill('oct', '2026-10', '150.00')], [card, balance]);
    expect(out.map((a) => [a.billId, a.sourceId, a.amount.toString()])).toEqual([
      ['sep', 'bal', '80.00'],
      ['oct', 'card', '100.00'],
      ['oct', 'bal', '50.00'],
    ]);
  });

  it('lets a refund pay only bills of its cycle or later', () => {
    const refund: FundSource = {
      id: 'r',
      kind: 'refund',
      available: usd('300.00'),
      eligible: (b) => b.billingCycle >= '2026-10',
    };
    const out = payBills([bill('sep', '2026-09', '80.00'), bill('oct', '2026-10', '150.00')], [refund]);
    expect(out.map((a) => a.billId)).toEqual(['oct']);
  });

  it('auditor: sources never overdrawn, bills never overpaid, eligibility respected', () => {
    const cycles = ['2026-07', '2026-08', '2026-09', '2026-10'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...cycles), fc.integer({ min: 1, max: 100_000 })), { maxLength: 12 }),
        fc.array(
          fc.tuple(
            fc.constantFrom('stored_value_card', 'refund', 'balance'),
            fc.constantFrom(...cycles),
            fc.integer({ min: 0, max: 200_000 }),
          ),
          { maxLength: 5 },
        ),
        fc.boolean(),
        (rawBills, rawSources, partial) => {
          const bills = rawBills.map(([c, cents], i) => bill(`b${i}`, c, (cents / 100).toFixed(2)));
          const sources: FundSource[] = rawSources.map(([kind, c, cents], i) => ({
            id: `s${i}`,
            kind: kind as FundSource['kind'],
            available: usd((cents / 100).toFixed(2)),
            eligible: (b: PayableBill) =>
              kind === 'stored_value_card' ? b.billingCycle === c : kind === 'refund' ? b.billingCycle >= c : true,
          }));
          const out = payBills(bills, sources, partial);
          for (const a of out) {
            const s = sources.find((x) => x.id === a.sourceId)!;
            expect(s.eligible(bills.find((b) => b.id === a.billId)!)).toBe(true);
          }
          for (const s of sources) {
            const given = out.filter((a) => a.sourceId === s.id).reduce((sum, a) => sum.plus(a.amount), usd('0'));
            expect(given.lte(s.available)).toBe(true);
          }
          for (const b of bills) {
            const got = out.filter((a) => a.billId === b.id).reduce((sum, a) => sum.plus(a.amount), usd('0'));
            expect(got.lte(b.open)).toBe(true);
            if (!partial) expect(got.isZero() || got.equals(b.open)).toBe(true);
          }
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });
});
