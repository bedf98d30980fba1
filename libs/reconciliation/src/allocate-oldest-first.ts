import { DomainError } from '@remitd/core';
import { Money } from '@remitd/money';

export interface OpenBill {
  id: string;
  issuedAt: Date;
  /** amount still due, > 0 */
  open: Money;
}

export interface Allocation {
  billId: string;
  amount: Money;
  /** true when the bill is fully paid by this allocation */
  settles: boolean;
}

export interface AllocationResult {
  allocations: Allocation[];
  remaining: Money;
}

/**
 * Pays bills from the oldest to the newest until all are paid or the funds run out
 * (seed 002: "oldest to newest"). With `partialLast` the last reachable bill may be partly
 * paid; without it allocation stops at the first bill the funds cannot fully cover.
 * Invariants (asserted): total ≤ funds, each ≤ its open amount, oldest first, no negatives,
 * one currency.
 */
export function allocateOldestFirst(funds: Money, bills: readonly OpenBill[], partialLast = true): AllocationResult {
  if (funds.isNegative())
    throw new DomainError('NEGATIVE_FUNDS', `cannot allocate negative funds ${funds.toString()}`, 'unprocessable');
  const ordered = [...bills].sort(
    (a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const allocations: Allocation[] = [];
  let left = funds;
  for (const bill of ordered) {
    if (bill.open.currency !== funds.currency) continue; // bills are paid in their own currency only
    if (!bill.open.isPositive()) continue;
    if (left.isZero()) break;
    if (left.gte(bill.open)) {
      allocations.push({ billId: bill.id, amount: bill.open, settles: true });
      left = left.minus(bill.open);
    } else {
      if (partialLast) {
        allocations.push({ billId: bill.id, amount: left, settles: false });
        left = left.minus(left);
      }
      break;
    }
  }
  assertInvariants(funds, ordered, allocations, left);
  return { allocations, remaining: left };
}

function assertInvariants(
  funds: Money,
  ordered: readonly OpenBill[],
  allocations: readonly Allocation[],
  left: Money,
): void {
  const total = allocations.reduce((a, x) => a.plus(x.amount), Money.zero(funds.currency));
  const fail = (why: string) => {
    throw new DomainError('ALLOCATION_INVARIANT', `allocation invariant broken: ${why}`, 'unprocessable');
  };
  if (total.gt(funds)) fail('total exceeds funds');
  if (!total.plus(left).equals(funds)) fail('total + remaining ≠ funds');
  if (left.isNegative()) fail('negative remainder');
  const byId = new Map(ordered.map((b, i) => [b.id, { b, i }]));
  let lastIndex = -1;
  for (const a of allocations) {
    const o = byId.get(a.billId);
    if (!o) fail(`unknown bill ${a.billId}`);
    if (!a.amount.isPositive()) fail('non-positive allocation');
    if (a.amount.gt(o!.b.open)) fail(`bill ${a.billId} paid beyond its open amount`);
    if (o!.i <= lastIndex) fail('not oldest first');
    lastIndex = o!.i;
  }
}
