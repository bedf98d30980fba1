import { Injectable } from '@nestjs/common';
import { notFound, validationError } from '@remitd/core';
import { Money } from '@remitd/money';
import { ProofOfCashRepository, type ProofOfCashEntryRow } from './proof-of-cash.repository';

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
  /** what the books moved from the bank-clearing account into customers' money for that day's entries */
  ledgerMovement: string;
  ties: boolean;
  differences: ProofOfCashDifference[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The daily proof of cash of one collection account: for each banking day (entry booking date)
 * and currency, the bank's booked movement against the movement of the account's bank-clearing
 * ledger account into customers' money. A day ties when the two are equal; every entry that
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
    const rows = await this.repo.entriesOfDays(cmd.collectionAccountId, cmd.from, cmd.to);
    const days = new Map<string, ProofOfCashEntryRow[]>();
    for (const row of rows) {
      const key = `${row.bookingDate}|${row.currency}`;
      days.set(key, [...(days.get(key) ?? []), row]);
    }
    return [...days.values()].map((entries) => this.day(entries));
  }

  private validate(cmd: { collectionAccountId: string; from: string; to: string }): void {
    if (!DATE.test(cmd.from)) throw validationError('INVALID_DATE', 'from: a date YYYY-MM-DD', 'from');
    if (!DATE.test(cmd.to)) throw validationError('INVALID_DATE', 'to: a date YYYY-MM-DD', 'to');
    if (cmd.to < cmd.from) throw validationError('INVALID_RANGE', 'to: on or after from', 'to');
    const days = (Date.parse(cmd.to) - Date.parse(cmd.from)) / 86_400_000 + 1;
    if (days > PROOF_OF_CASH_MAX_DAYS) {
      throw validationError('INVALID_RANGE', `to: at most ${PROOF_OF_CASH_MAX_DAYS} days after from`, 'to');
    }
  }

  private day(entries: ProofOfCashEntryRow[]): ProofOfCashDay {
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
      const cleared = money(e.clearedToCustomers);
      ledger = ledger.plus(cleared);
      const fee = money(e.feeReimbursed);
      if (fee.isPositive()) {
        differences.push(
          this.item(
            'fee_reimbursement',
            e,
            fee,
            `the customer was credited ${fee} more than the bank booked (fee borne by the provider)`,
          ),
        );
      }
      const gap = signed.minus(cleared);
      if (gap.isZero()) continue;
      differences.push(this.difference(e, gap));
    }
    const movement = credits.minus(debits);
    return {
      date,
      currency,
      bankCredits: credits.toString(),
      bankDebits: debits.toString(),
      bankMovement: movement.toString(),
      ledgerMovement: ledger.toString(),
      ties: movement.minus(ledger).isZero(),
      differences,
    };
  }

  private difference(e: ProofOfCashEntryRow, gap: Money): ProofOfCashDifference {
    if (e.remittanceState === null) return this.item('not_reconciled', e, gap, 'not reconciled yet');
    if (e.remittanceState === 'unmatched') {
      return this.item('unmatched_queue', e, gap, 'waiting in the unmatched queue (held in suspense)');
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
