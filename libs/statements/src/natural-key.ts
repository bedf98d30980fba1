import { createHash } from 'node:crypto';
import type { ParsedEntry } from './statement.model';

/** Collection account as a stable key: IBANs and account numbers without spaces, upper case. */
export const accountKey = (account: string) => account.replace(/\s+/g, '').toUpperCase();

const PLACEHOLDERS = new Set(['', 'NONREF', 'NOTPROVIDED']);

/**
 * An entry's identity within its collection account. Only a reference the bank keeps unique
 * bank-wide identifies an entry by itself (camt AcctSvcrRef, MT940 bank reference after "//",
 * NACHA trace with the batch's effective date and batch number, SWIFT UETR): it is the same in a
 * camt.052 report and the later camt.053. A weaker reference repeats (banks number NtryRef per
 * statement, MT940 customer references repeat monthly), so it is qualified with the value date,
 * amount and direction: two transfers that share it stay two entries (issue 11 item 1). Without
 * any reference, a hash of what describes the transfer. Reversals get their own key so a return
 * never collides with the credit it undoes.
 *
 * `seen` numbers repeated keys within one statement: a bank that lists two entries under one key
 * reported two entries (the numbering is the same when the statement is seen again in another
 * file, so a re-sent statement still deduplicates).
 */
export function naturalKey(e: ParsedEntry, seen?: Map<string, number>): string {
  return entryKey(e, seen).key;
}

/** The natural key, and whether it is a bank-wide reference the statement repeated (`occurrence` > 1). */
export function entryKey(
  e: ParsedEntry,
  seen?: Map<string, number>,
): { key: string; strong: boolean; occurrence: number } {
  const base = baseKey(e);
  const n = (seen?.get(base) ?? 0) + 1;
  seen?.set(base, n);
  return {
    key: base.startsWith('hash:') || n > 1 ? `${base}:${n}` : base,
    strong: base.startsWith('ref:') || base.startsWith('uetr:'),
    occurrence: n,
  };
}

function baseKey(e: ParsedEntry): string {
  const kind = e.reversal ? 'R' : e.direction === 'CRDT' ? 'C' : 'D';
  const strong = e.strongReference?.trim();
  if (strong && !PLACEHOLDERS.has(strong.toUpperCase())) return `ref:${kind}:${strong}`;
  const uetr = e.uetr?.trim().toLowerCase();
  if (uetr) return `uetr:${kind}:${uetr}`;
  const date = e.valueDate ?? e.bookingDate ?? '';
  const weak = e.bankReference?.trim();
  if (weak && !PLACEHOLDERS.has(weak.toUpperCase())) {
    return `weak:${kind}:${weak}:${date}:${plainAmount(e.amount.amount)}:${e.amount.currency}`;
  }
  const h = createHash('sha256')
    .update(
      [
        date,
        e.amount.amount,
        e.amount.currency,
        kind,
        e.remitterAccount ?? '',
        e.remitterName ?? '',
        e.endToEndId ?? '',
        e.remittanceStructured ?? '',
        e.remittanceUnstructured ?? '',
      ].join('\u001f'),
    )
    .digest('hex')
    .slice(0, 40);
  return `hash:${h}`;
}

/** "0100.50" and "100.5" are one amount */
const plainAmount = (amount: string) => {
  const [whole, fraction = ''] = amount.split('.');
  const f = fraction.replace(/0+$/, '');
  const w = whole.replace(/^0+(?=\d)/, '');
  return f ? `${w}.${f}` : w;
};

/**
 * The key an entry gets when its natural key is already taken by an entry that differs in
 * amount, direction or date: a different transfer the bank filed under the same reference. It
 * is kept as its own entry (and alerted); seen again, it maps to the same key.
 */
export function distinctKey(
  key: string,
  e: { direction: string; amount: string; currency: string; date: string | null },
): string {
  return `${key}|${e.date ?? ''}|${e.amount}${e.currency}|${e.direction}`;
}
