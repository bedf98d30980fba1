import { Injectable } from '@nestjs/common';
import { Money } from '@remitd/money';
import type { SqlTx } from '@remitd/persistence';
import { cashAccount, receivables } from './accounts';
import { LedgerService, type JournalRequest } from './ledger.service';
import { ReceivablesRepository, type RepaymentInsert } from './receivables.repository';

/**
 * Pay-as-you-go charges deducted from a card or PayPal before their bill existed pay that bill
 * (repayment records on the deduction's journal) — at issuance, in the issuing transaction, so no
 * other payment sees the bill as owing them, and when a deduction succeeds after issuance. A bill
 * never takes more than it still owes: what it was paid meanwhile by other means (a transfer, the
 * balance) leaves the deducted excess in the customer's balance, by a journal of its own.
 */
@Injectable()
export class PrepaidChargesService {
  constructor(
    private readonly receivables: ReceivablesRepository,
    private readonly ledger: LedgerService,
  ) {}

  async apply(tx: SqlTx, filter: { paymentIds?: string[] | null; billIds?: string[] | null }): Promise<number> {
    if (filter.paymentIds?.length === 0 || filter.billIds?.length === 0) return 0;
    const rows = await this.receivables.takePrepaidToApply(tx, filter);
    if (!rows.length) return 0;
    // one lookup per bill, not a scan of the rows per bill (month end applies many at once)
    const currencyOf = new Map(rows.map((r) => [r.billId, r.currency]));
    const open = await this.receivables.lockOpenAmounts(tx, [...currencyOf.keys()]);
    const left = new Map([...open].map(([id, o]) => [id, Money.fromStored(o, currencyOf.get(id)!)]));
    const repayments: RepaymentInsert[] = [];
    const deltas = new Map<string, Money>();
    const excess: JournalRequest[] = [];
    for (const r of rows) {
      const amount = Money.fromStored(r.amount, r.currency);
      const owed = left.get(r.billId) ?? Money.zero(r.currency);
      const toBill = amount.min(owed);
      left.set(r.billId, owed.minus(toBill));
      if (toBill.isPositive()) {
        repayments.push({
          billId: r.billId,
          customerId: r.customerId,
          method: 'external',
          amount: toBill.toString(),
          currency: r.currency,
          journalEntryId: r.journalEntryId,
          remittanceId: null,
        });
        deltas.set(r.billId, deltas.get(r.billId)?.plus(toBill) ?? toBill);
      }
      const rest = amount.minus(toBill);
      if (rest.isPositive())
        excess.push({
          idempotencyKey: `prepaid-excess:${r.paymentId}:${r.billId}`,
          kind: 'payg_excess_to_balance',
          description: 'deducted pay-as-you-go fees the bill no longer owed: back to the balance',
          legs: [
            { account: receivables(r.customerId, r.currency), amount: rest.negated() },
            { account: cashAccount(r.customerId, r.currency), amount: rest },
          ],
          metadata: { customerId: r.customerId, paymentId: r.paymentId, billId: r.billId },
        });
    }
    await this.receivables.applyBillPayments(
      tx,
      [...deltas].map(([billId, d]) => ({ billId, delta: d.toString() })),
    );
    await this.receivables.insertRepayments(tx, repayments);
    if (excess.length) await this.ledger.postMany(tx, excess);
    return rows.length;
  }
}
