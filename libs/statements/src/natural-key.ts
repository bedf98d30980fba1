import { createHash } from 'node:crypto';
import type { ParsedEntry } from './statement.model';

/** Collection account as a stable key: IBANs and account numbers without spaces, upper case. */
export const accountKey = (account: string) => account.replace(/\s+/g, '').toUpperCase();

/**
 * An entry's identity within its collection account: the bank's reference when it gives one
 * (the same in a camt.052 report and the later camt.053), otherwise a hash of what describes
 * the transfer (date, amount, direction, counterparty, references). Reversals get their own key
 * so a return never collides with the credit it undoes.
 */
export function naturalKey(e: ParsedEntry, seen?: Map<string, number>): string {
  const kind = e.reversal ? 'R' : e.direction === 'CRDT' ? 'C' : 'D';
  if (e.bankReference && e.bankReference.trim() && e.bankReference.trim().toUpperCase() !== 'NONREF') {
    return `ref:${kind}:${e.bankReference.trim()}`;
  }
  const h = createHash('sha256')
    .update(
      [
        e.valueDate ?? e.bookingDate ?? '',
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
  // Two identical transfers in one statement are two entries: number the occurrences (the
  // same numbering holds when the statement is seen again in another file).
  const n = (seen?.get(h) ?? 0) + 1;
  seen?.set(h, n);
  return `hash:${h}:${n}`;
}
