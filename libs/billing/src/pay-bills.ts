import { DomainError } from '@remitd/core';
import { Money } from '@remitd/money';

export type SourceKind = 'coupon' | 'stored_value_card' | 'refund' | 'balance' | 'external';

export interface PayableBill {
  id: string;
  billingCycle: string;
  issuedAt: Date;
  open: Money;
}

export interface FundSource {
  id: string;
  kind: SourceKind;
  available: Money;
  /** seed 000: a card pays only bills of its own month; seed 002: a refund only its cycle or later */
  eligible(bill: PayableBill): boolean;
  /** at most this much of the bill (seed 000: a card pays only the lines that named it); none: no limit */
  cap?(bill: PayableBill): Money | null;
}

export interface SourceAllocation {
  billId: string;
  sourceId: string;
  kind: SourceKind;
  amount: Money;
}

/**
 * Pays bills oldest first, each from the sources in the order given (e.g. stored-value card →
 * refund → balance), each source only for the bills it may pay. With `partialLast` false, a
 * bill the eligible funds cannot fully cover is left alone and allocation stops.
 * Invariants asserted: no source gives more than it has, no bill gets more than it owes, no
 * negatives, one currency.
 */
export function payBills(
  bills: readonly PayableBill[],
  sources: readonly FundSource[],
  partialLast = true,
): SourceAllocation[] {
  const ordered = [...bills].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || (a.id < b.id ? -1 : 1));
  const left = new Map(
    sources.map((s) => [s.id, s.available.isPositive() ? s.available : s.available.minus(s.available)]),
  );
  const out: SourceAllocation[] = [];
  for (const bill of ordered) {
    if (!bill.open.isPositive()) continue;
    const room = (s: FundSource) => {
      const cap = s.cap?.(bill);
      return cap && cap.lt(left.get(s.id)!) ? cap : left.get(s.id)!;
    };
    const eligible = sources.filter(
      (s) => s.available.currency === bill.open.currency && s.eligible(bill) && room(s).isPositive(),
    );
    const reachable = eligible.reduce((sum, s) => sum.plus(room(s)), Money.zero(bill.open.currency));
    if (reachable.isZero()) continue; // other sources may still pay a later bill (e.g. a card of a later month)
    if (!partialLast && reachable.lt(bill.open)) break;
    let owed = bill.open;
    for (const s of eligible) {
      if (owed.isZero()) break;
      const take = owed.min(room(s));
      left.set(s.id, left.get(s.id)!.minus(take));
      owed = owed.minus(take);
      out.push({ billId: bill.id, sourceId: s.id, kind: s.kind, amount: take });
    }
  }
  assertInvariants(ordered, sources, out);
  return out;
}

function assertInvariants(
  bills: readonly PayableBill[],
  sources: readonly FundSource[],
  out: readonly SourceAllocation[],
) {
  const fail = (why: string) => {
    throw new DomainError('PAYMENT_INVARIANT', `bill payment invariant broken: ${why}`, 'unprocessable');
  };
  for (const s of sources) {
    const given = out
      .filter((a) => a.sourceId === s.id)
      .reduce((sum, a) => sum.plus(a.amount), Money.zero(s.available.currency));
    if (given.gt(s.available.isPositive() ? s.available : Money.zero(s.available.currency)))
      fail(`source ${s.id} overdrawn`);
  }
  for (const b of bills) {
    const got = out
      .filter((a) => a.billId === b.id)
      .reduce((sum, a) => sum.plus(a.amount), Money.zero(b.open.currency));
    if (got.gt(b.open)) fail(`bill ${b.id} overpaid`);
  }
  if (out.some((a) => !a.amount.isPositive())) fail('non-positive allocation');
  for (const a of out) {
    const cap = sources.find((s) => s.id === a.sourceId)?.cap?.(bills.find((b) => b.id === a.billId)!);
    if (cap && a.amount.gt(cap)) fail(`source ${a.sourceId} paid more of bill ${a.billId} than it may`);
  }
}
