import { Injectable } from '@nestjs/common';
import { notFound, validationError } from '@remitd/core';
import { Money } from '@remitd/money';
import {
  ProofOfCashRepository,
  type ProofOfCashBalanceRow,
  type ProofOfCashEntryRow,
} from './proof-of-cash.repository';

export const PROOF_OF_CASH_MAX_DAYS = 93;

export type ProofOfCashDifferenceKind =
  'not_reconciled' | 'unmatched_queue' | 'debit_not_booked' | 'return' | 'fee_reimbursement';

export interface ProofOfCashDifference {
  kind: ProofOfCashDifferenceKind;
  entryId: string;
  bankReference: string | null;
  /** signed as the bank moved the money: credits positive, debits negative; fee reimbursements: the fee */
  amount: string;
  explanation: string;
}

export interface ProofOfCashDay {
  date: string;
  currency: string;
  bankCredits: string;
  bankDebits: string;
  /** credits − debits the bank booked that day */
  bankMovement: string;
  /** the bank's opening and closing balance of the day (the last statement closing on it); null without one */
  bankOpening: string | null;
  bankClosing: string | null;
  /** opening + movement = closing; null without balances */
  bankBalanced: boolean | null;
  /** what the books moved from the bank-clearing account into customers' money for that day's entries */
  ledgerMovement: string;
  ties: boolean;
  differences: ProofOfCashDifference[];
}

/** a calendar date YYYY-MM-DD that exists (not 2026-02-31) */
const isDate = (s: string) => {
  const day = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
};

/**
 * The daily proof of cash of one collection account: for each banking day (entry booking date)
 * and currency, the bank's opening balance + booked movement = its closing balance, and the
 * booked movement against the movement of the account's bank-clearing ledger account into
 * customers' money (what waits in suspense does not count). A day ties when both hold; every entry that
 * makes them differ is listed (not reconciled yet, waiting in the unmatched queue, a debit or a
 * return the books did not post against a customer), and fee reimbursements (customers credited
 * more than the bank booked, the provider bearing the fee) are listed beside them.
 */
@Injectable()
export class ProofOfCash {
  constructor(private readonly repo: ProofOfCashRepository) {}

  async execute(cmd: { collectionAccountId: string; from: string; to: string }): Promise<ProofOfCashDay[]> {
    this.validate(cmd);
    if (!(await this.repo.collectionAccountExists(cmd.collectionAccountId))) {
      throw notFound('collection account', cmd.collectionAccountId);
    }
    const [rows, balances] = await Promise.all([
      this.repo.entriesOfDays(cmd.collectionAccountId, cmd.from, cmd.to),
      this.repo.balancesOfDays(cmd.collectionAccountId, cmd.from, cmd.to),
    ]);
    const balanceOf = new Map(balances.map((b) => [`${b.day}|${b.currency}`, b]));
    const days = new Map<string, ProofOfCashEntryRow[]>();
    for (const row of rows) {
      const key = `${row.bookingDate}|${row.currency}`;
      days.set(key, [...(days.get(key) ?? []), row]);
    }
    return [...days.entries()].map(([key, entries]) => this.day(entries, balanceOf.get(key) ?? null));
  }

  private validate(cmd: { collectionAccountId: string; from: string; to: string }): void {
    if (!isDate(cmd.from)) throw validationError('INVALID_DATE', 'from: a date YYYY-MM-DD', 'from');
    if (!isDate(cmd.to)) throw validationError('INVALID_DATE', 'to: a date YYYY-MM-DD', 'to');
    if (cmd.to < cmd.from) throw validationError('INVALID_RANGE', 'to: on or after from', 'to');
    const days = (Date.parse(cmd.to) - Date.parse(cmd.from)) / 86_400_000 + 1;
    if (days > PROOF_OF_CASH_MAX_DAYS) {
      throw validationError('INVALID_RANGE', `to: at most ${PROOF_OF_CASH_MAX_DAYS} days after from`, 'to');
    }
  }

  private day(entries: ProofOfCashEntryRow[], balance: ProofOfCashBalanceRow | null): ProofOfCashDay {
    const { bookingDate: date, currency } = entries[0];
    const money = (v: string) => Money.fromStored(v, currency);
    let credits = money('0');
    let debits = money('0');
    let ledger = money('0');
    const differences: ProofOfCashDifference[] = [];
    for (const e of entries) {
      const amount = money(e.amount);
      const signed = e.direction === 'CRDT' ? amount : amount.negated();
      if (e.direction === 'CRDT') credits = credits.plus(amount);
      else debits = debits.plus(amount);
      // what reached customers (or went back to the bank): the clearing movement less what waits in suspense
      const cleared = money(e.clearingMovement).minus(money(e.heldInSuspense));
      ledger = ledger.plus(cleared);
      const fee = money(e.feeReimbursed);
      if (fee.isPositive()) {
        differences.push(
          this.item(
            'fee_reimbursement',
            e,
            fee,
            `the customer was credited ${fee.toString()} more than the bank booked (fee borne by the provider)`,
          ),
        );
      }
      const gap = signed.minus(cleared);
      if (gap.isZero()) continue;
      differences.push(this.difference(e, gap));
    }
    const movement = credits.minus(debits);
    const opening = balance ? money(balance.opening) : null;
    const closing = balance ? money(balance.closing) : null;
    const bankBalanced = opening && closing ? opening.plus(movement).equals(closing) : null;
    return {
      date,
      currency,
      bankCredits: credits.toString(),
      bankDebits: debits.toString(),
      bankMovement: movement.toString(),
      bankOpening: opening?.toString() ?? null,
      bankClosing: closing?.toString() ?? null,
      bankBalanced,
      ledgerMovement: ledger.toString(),
      // differences may cancel out in the sums: each one fails the proof (a fee reimbursement is
      // no difference of the bank-clearing account); the bank's own day must add up too
      ties:
        movement.equals(ledger) && bankBalanced !== false && differences.every((d) => d.kind === 'fee_reimbursement'),
      differences,
    };
  }

  private difference(e: ProofOfCashEntryRow, gap: Money): ProofOfCashDifference {
    if (e.remittanceState === null) return this.item('not_reconciled', e, gap, 'not reconciled yet');
    if (e.remittanceState === 'unmatched') {
      return this.item('unmatched_queue', e, gap, 'waiting in the unmatched queue (held in suspense)');
    }
    if (e.remittanceState === 'return_requested') {
      return this.item('unmatched_queue', e, gap, 'a return to the sender was requested (held in suspense)');
    }
    if (e.reversal) return this.item('return', e, gap, `a return or reversal (${e.remittanceState})`);
    if (e.direction === 'DBIT')
      return this.item('debit_not_booked', e, gap, 'a debit on the collection account the books did not post');
    return this.item('not_reconciled', e, gap, `the books moved a different amount (remittance ${e.remittanceState})`);
  }

  private item(
    kind: ProofOfCashDifferenceKind,
    e: ProofOfCashEntryRow,
    amount: Money,
    explanation: string,
  ): ProofOfCashDifference {
    return { kind, entryId: e.entryId, bankReference: e.bankReference, amount: amount.toString(), explanation };
  }
}
