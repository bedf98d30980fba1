import { cycleOf, dueCycle, dueDate, issuanceInstant, nextCycle } from './cycles';

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
