import { SettlementTaskErrors as E } from './settlement-tasks.errors';

/** seed 001: cycles from April 2023 */
export const FIRST_ELIGIBLE_CYCLE = '2023-04';
/** seed 001: bills from a maximum of three months per task */
export const MAX_CYCLES = 3;

export interface ItemChoice {
  customerId: string;
  billingCycle: string;
}

/**
 * The rules of a selection that need no database: not empty, no account × cycle twice, at most
 * three billing cycles, none before April 2023, never the current month or later.
 */
export function checkSelection(items: readonly ItemChoice[], currentCycle: string): void {
  if (!items.length) throw E.noItems();
  const seen = new Set<string>();
  for (const i of items) {
    const k = `${i.customerId}/${i.billingCycle}`;
    if (seen.has(k)) throw E.duplicateItem(i.customerId, i.billingCycle);
    seen.add(k);
  }
  const cycles = [...new Set(items.map((i) => i.billingCycle))].sort();
  for (const c of cycles) {
    if (c < FIRST_ELIGIBLE_CYCLE) throw E.cycleTooOld(c);
    if (c >= currentCycle) throw E.currentMonth(c);
  }
  if (cycles.length > MAX_CYCLES) throw E.tooManyCycles(cycles);
}

/** Default order of a new task: oldest cycle first, then account name (seed 001: "in the order the task defines"). */
export function defaultOrder<T extends ItemChoice & { customerName: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      a.billingCycle.localeCompare(b.billingCycle) ||
      a.customerName.localeCompare(b.customerName) ||
      a.customerId.localeCompare(b.customerId),
  );
}
