import { DomainError } from '@remitd/core';
import { checkSelection, defaultOrder } from './eligibility';

const code = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('settlement task selection (seed 001)', () => {
  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';

  it('A single Settlement Task can include bills from a maximum of three months', () => {
    const three = ['2026-07', '2026-08', '2026-09'].map((c) => ({ customerId: a, billingCycle: c }));
    expect(code(() => checkSelection([...three, { customerId: b, billingCycle: '2026-09' }], '2026-12'))).toBeNull();
    expect(code(() => checkSelection([...three, { customerId: b, billingCycle: '2026-10' }], '2026-12'))).toBe(
      'TOO_MANY_CYCLES',
    );
  });

  it('cycles start from April 2023; never the current month; nothing twice; never empty', () => {
    expect(code(() => checkSelection([{ customerId: a, billingCycle: '2023-03' }], '2026-12'))).toBe(
      'CYCLE_BEFORE_APRIL_2023',
    );
    expect(code(() => checkSelection([{ customerId: a, billingCycle: '2023-04' }], '2026-12'))).toBeNull();
    expect(code(() => checkSelection([{ customerId: a, billingCycle: '2026-12' }], '2026-12'))).toBe(
      'CURRENT_MONTH_NOT_ALLOWED',
    );
    const one = { customerId: a, billingCycle: '2026-10' };
    expect(code(() => checkSelection([one, one], '2026-12'))).toBe('DUPLICATE_ITEM');
    expect(code(() => checkSelection([], '2026-12'))).toBe('ITEMS_REQUIRED');
  });

  it('pays oldest first by default', () => {
    const items = [
      { customerId: b, billingCycle: '2026-10', customerName: 'Beta' },
      { customerId: a, billingCycle: '2026-10', customerName: 'Alpha' },
      { customerId: b, billingCycle: '2026-09', customerName: 'Beta' },
    ];
    expect(defaultOrder(items).map((i) => `${i.customerName} ${i.billingCycle}`)).toEqual([
      'Beta 2026-09',
      'Alpha 2026-10',
      'Beta 2026-10',
    ]);
  });
});
