import {
  billingPeriod,
  cycleOf,
  dueCycle,
  dueDate,
  isQuarterEnd,
  issuanceInstant,
  nextCycle,
  quarterEnd,
  settlementCycleOf,
} from './cycles';

describe('billing cycles', () => {
  it('issues a cycle at 12:00 on the 2nd of the following month in the billing time zone', () => {
    expect(issuanceInstant('2026-10', 'UTC').toISOString()).toBe('2026-11-02T12:00:00.000Z');
    expect(issuanceInstant('2026-10', 'Asia/Shanghai').toISOString()).toBe('2026-11-02T04:00:00.000Z');
    expect(issuanceInstant('2026-10', 'America/New_York').toISOString()).toBe('2026-11-02T17:00:00.000Z');
    expect(issuanceInstant('2026-12', 'Europe/Berlin').toISOString()).toBe('2027-01-02T11:00:00.000Z');
  });

  it('knows which cycle is due at an instant, to the exact hour, across a time-zone boundary', () => {
    // 2026-11-02 11:59:59 in Shanghai: October is not yet due there
    expect(dueCycle(new Date('2026-11-02T03:59:59Z'), 'Asia/Shanghai')).toBe('2026-09');
    expect(dueCycle(new Date('2026-11-02T04:00:00Z'), 'Asia/Shanghai')).toBe('2026-10');
    // the same instant is still 1 November in New York
    expect(dueCycle(new Date('2026-11-02T04:00:00Z'), 'America/New_York')).toBe('2026-09');
    expect(cycleOf(new Date('2026-10-31T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-11');
  });

  it('computes due dates in calendar and business days', () => {
    expect(dueDate('2026-10', 15, 'calendar')).toBe('2026-11-15');
    // 31 Oct 2026 is a Saturday: 5 business days → Fri 6 Nov
    expect(dueDate('2026-10', 5, 'business')).toBe('2026-11-06');
    expect(nextCycle('2026-12')).toBe('2027-01');
  });
});

describe('due dates from payment terms (seed 000: settlement cycle + payment period)', () => {
  it('a quarterly bill covers the calendar quarter and is due N days after the quarter ends', () => {
    expect(quarterEnd('2026-01')).toBe('2026-03');
    expect(quarterEnd('2026-03')).toBe('2026-03');
    expect(quarterEnd('2026-11')).toBe('2026-12');
    expect(isQuarterEnd('2026-06')).toBe(true);
    expect(isQuarterEnd('2026-05')).toBe(false);
    expect(settlementCycleOf('2026-02', 'quarterly')).toBe('2026-03');
    expect(settlementCycleOf('2026-02', 'monthly')).toBe('2026-02');
    expect(billingPeriod('2026-03', 'quarterly')).toEqual({ from: '2026-01', to: '2026-03' });
    expect(billingPeriod('2026-12', 'quarterly')).toEqual({ from: '2026-10', to: '2026-12' });
    expect(billingPeriod('2026-02', 'monthly')).toEqual({ from: '2026-02', to: '2026-02' });
    expect(dueDate(quarterEnd('2026-01'), 30, 'calendar')).toBe('2026-04-30');
  });

  it('calendar days count every day, weekends and holidays included', () => {
    // 31 Jan 2027 + 10 days, across the weekend and the holiday
    expect(dueDate('2027-01', 10, 'calendar', new Set(['2027-02-08']))).toBe('2027-02-10');
    // February of a leap year ends on the 29th
    expect(dueDate('2028-02', 1, 'calendar')).toBe('2028-03-01');
  });

  it('business days skip weekends and the billing entity holidays', () => {
    // 30 Apr 2026 is a Thursday: Fri 1 May, (weekend), Mon 4, Tue 5 May
    expect(dueDate('2026-04', 3, 'business')).toBe('2026-05-05');
    // with 1 May a holiday: Mon 4, Tue 5, Wed 6 May
    expect(dueDate('2026-04', 3, 'business', new Set(['2026-05-01']))).toBe('2026-05-06');
    // a holiday on a weekend day changes nothing
    expect(dueDate('2026-04', 3, 'business', new Set(['2026-05-02']))).toBe('2026-05-05');
    // holidays back to back over a weekend: Fri 1 and Mon 4 May off → Tue 5, Wed 6, Thu 7
    expect(dueDate('2026-04', 3, 'business', new Set(['2026-05-01', '2026-05-04']))).toBe('2026-05-07');
    // zero days: the end of the cycle itself, whatever day it is
    expect(dueDate('2026-10', 0, 'business')).toBe('2026-10-31');
    // a quarter across the year end: 31 Dec 2026 is a Thursday; 1 Jan a holiday → Mon 4 Jan 2027
    expect(dueDate('2026-12', 1, 'business', new Set(['2027-01-01']))).toBe('2027-01-04');
  });
});
