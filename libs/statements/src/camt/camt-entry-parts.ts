import type { AmountValue } from '../statement.model';
import type { BankTransactionCode } from './camt.rail';
import { leaf, newNode, type PathNode } from './camt-element-tree';
import { Dec, isZero, type CamtReader } from './camt-reader';

/**
 * Parts that both an Ntry and its TxDtls may carry: the bank transaction code (BkTxCd), charges
 * (Chrgs) and the instructed amount. A TxDtls value, when given, wins over the Ntry's.
 */
export interface EntryParts {
  btc: BankTransactionCode;
  charges: ChargesState;
  instructed: AmountValue | null;
}

export interface ChargesState {
  /** TtlChrgsAndTaxAmt (one per Chrgs block; .001.02 may repeat Chrgs) */
  totals: AmountValue[];
  /** Chrgs/Amt (.001.02) or Chrgs/Rcrd/Amt (.001.04+) */
  parts: AmountValue[];
}

export const emptyBtc = (): BankTransactionCode => ({ domain: null, family: null, subFamily: null, proprietary: null });
export const emptyCharges = (): ChargesState => ({ totals: [], parts: [] });

export function btcTree(target: (r: CamtReader) => EntryParts): PathNode {
  const tree = newNode();
  leaf(tree, 'Domn/Cd', (r, t) => (target(r).btc.domain = t.trim() || null));
  leaf(tree, 'Domn/Fmly/Cd', (r, t) => (target(r).btc.family = t.trim() || null));
  leaf(tree, 'Domn/Fmly/SubFmlyCd', (r, t) => (target(r).btc.subFamily = t.trim() || null));
  leaf(tree, 'Prtry/Cd', (r, t) => (target(r).btc.proprietary = t.trim() || null));
  return tree;
}

/** Chrgs: .001.02 repeats Chrgs/Amt; .001.04+ has TtlChrgsAndTaxAmt and Rcrd/Amt */
export function chargesTree(target: (r: CamtReader) => EntryParts): PathNode {
  const tree = newNode();
  leaf(tree, 'Amt|Rcrd/Amt', (r, t, tag) => target(r).charges.parts.push(r.amount(t, tag)));
  leaf(tree, 'TtlChrgsAndTaxAmt', (r, t, tag) => target(r).charges.totals.push(r.amount(t, tag)));
  return tree;
}

export function hasBtc(b: BankTransactionCode): boolean {
  return b.domain !== null || b.family !== null || b.subFamily !== null || b.proprietary !== null;
}

export function btcText(b: BankTransactionCode): string | null {
  if (b.domain && b.family) return b.subFamily ? `${b.domain}/${b.family}/${b.subFamily}` : `${b.domain}/${b.family}`;
  return b.proprietary ?? b.domain;
}

/** TtlChrgsAndTaxAmt, else the sum of the charge records; null when absent or zero */
export function totalCharges(r: CamtReader, c: ChargesState, location: string): AmountValue | null {
  const amounts = c.totals.length > 0 ? c.totals : c.parts;
  if (amounts.length === 0) return null;
  if (amounts.length === 1) return isZero(amounts[0].amount) ? null : amounts[0];
  const currency = amounts[0].currency;
  let sum = new Dec(0);
  let scale = 0;
  for (const part of amounts) {
    if (part.currency !== currency) {
      r.entryWarning('charges-ccy', `${location}: charges in several currencies; only ${currency} charges are summed`);
      continue;
    }
    sum = sum.plus(part.amount);
    const dot = part.amount.indexOf('.');
    if (dot >= 0) scale = Math.max(scale, part.amount.length - dot - 1);
  }
  return sum.isZero() ? null : { amount: sum.toFixed(scale), currency };
}
