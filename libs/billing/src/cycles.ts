import { validationError } from '@remitd/core';

/** Billing cycles are calendar months, "YYYY-MM". */
export function assertCycle(cycle: string, field = 'billingCycle'): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(cycle))
    throw validationError('INVALID_BILLING_CYCLE', `${field}: "${cycle}" is not a billing cycle like 2026-10`, field);
  return cycle;
}

export function nextCycle(cycle: string): string {
  const [y, m] = cycle.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousCycle(cycle: string): string {
  const [y, m] = cycle.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Wall-clock parts of an instant in a time zone. */
function zoned(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    min: Number(parts.minute),
    s: Number(parts.second),
  };
}

/** The instant at which the wall clock in `timeZone` reads y-m-d h:00 (DST-safe by iteration). */
export function zonedInstant(y: number, m: number, d: number, h: number, timeZone: string): Date {
  let guess = Date.UTC(y, m - 1, d, h);
  for (let i = 0; i < 3; i++) {
    const z = zoned(new Date(guess), timeZone);
    const asUtc = Date.UTC(z.y, z.m - 1, z.d, z.h, z.min, z.s);
    guess += Date.UTC(y, m - 1, d, h) - asUtc;
  }
  return new Date(guess);
}

/** seed 000: monthly bills are issued at 12:00 on the 2nd day of the following month (in the billing time zone). */
export function issuanceInstant(cycle: string, timeZone: string): Date {
  const [y, m] = nextCycle(cycle).split('-').map(Number);
  return zonedInstant(y, m, 2, 12, timeZone);
}

/** The latest cycle whose issuance instant has passed at `now`. */
export function dueCycle(now: Date, timeZone: string): string {
  const z = zoned(now, timeZone);
  let cycle = previousCycle(`${z.y}-${String(z.m).padStart(2, '0')}`);
  if (now < issuanceInstant(cycle, timeZone)) cycle = previousCycle(cycle);
  return cycle;
}

/** The cycle a wall-clock instant belongs to in the billing time zone. */
export function cycleOf(at: Date, timeZone: string): string {
  const z = zoned(at, timeZone);
  return `${z.y}-${String(z.m).padStart(2, '0')}`;
}

export type SettlementCycle = 'monthly' | 'quarterly';
export type PaymentPeriodKind = 'calendar' | 'business';

/** Quarters are calendar quarters (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec); a quarter's bill carries its last month's cycle. */
export function quarterEnd(cycle: string): string {
  const [y, m] = cycle.split('-').map(Number);
  return `${y}-${String(Math.ceil(m / 3) * 3).padStart(2, '0')}`;
}

export function isQuarterEnd(cycle: string): boolean {
  return quarterEnd(cycle) === cycle;
}

/**
 * The cycle a customer's charge of `cycle` is billed on: its own month for monthly settlement,
 * the quarter's last month for quarterly settlement (one bill per quarter, seed 000).
 */
export function settlementCycleOf(cycle: string, settlement: SettlementCycle): string {
  return settlement === 'quarterly' ? quarterEnd(cycle) : cycle;
}

/** The months a bill of `cycle` covers: its own, or the three of its quarter. */
export function billingPeriod(cycle: string, settlement: SettlementCycle): { from: string; to: string } {
  if (settlement === 'monthly') return { from: cycle, to: cycle };
  const to = quarterEnd(cycle);
  return { from: previousCycle(previousCycle(to)), to };
}

/**
 * Payment terms (seed 000): the due date is the end of the settlement cycle (the month, or the
 * quarter whose last month `cycle` is) + N calendar days, or + N business days. Business days
 * skip Saturdays, Sundays and the billing entity's holidays ("YYYY-MM-DD"), which finance keeps.
 */
export function dueDate(
  cycle: string,
  days: number,
  kind: PaymentPeriodKind,
  holidays: ReadonlySet<string> = new Set(),
): string {
  const [y, m] = cycle.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0)); // last day of the cycle
  if (kind === 'calendar') d.setUTCDate(d.getUTCDate() + days);
  else {
    for (let left = days; left > 0;) {
      d.setUTCDate(d.getUTCDate() + 1);
      const weekday = d.getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !holidays.has(d.toISOString().slice(0, 10))) left--;
    }
  }
  return d.toISOString().slice(0, 10);
}
