import { Injectable } from '@nestjs/common';
import { AccountCodes, LedgerService, transfer, type AccountRef, type JournalRequest } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { OutboxRepository, type OutboxMessage } from '@remitd/notifications';
import type { Tx } from '@remitd/persistence';
import { allocateOldestFirst, type OpenBill } from './allocate-oldest-first';
import { ReconciliationRepository, type CustomerRow, type OpenBillRow, type RepaymentInsert } from './reconciliation.repository';

export interface CreditItem {
  remittanceId: string;
  /** unique per crediting: makes the journal keys (credit:<key>, settle:<key>), the e-mail dedupe key and the result key */
  key: string;
  customer: CustomerRow;
  booked: Money;
  remitted: Money;
  fee: Money;
  /** where the booked money comes from: the bank clearing account (new entry) or suspense (resolved from the queue) */
  source: AccountRef;
  receivedOn: string;
  paymentReference?: string | null;
  description: string;
  /** e-mail the customer "funds received" (default true) */
  notify?: boolean;
}

export interface SettledBill {
  billId: string;
  billReference: string;
  cycle: string;
  amountPaid: string;
  status: string;
}

export interface CreditOutcome {
  creditJournalId: string;
  settlementJournalId: string | null;
  settled: SettledBill[];
  balanceAfter: Money;
}

export const cashAccount = (customerId: string, ccy: string): AccountRef => ({ code: AccountCodes.customerCash(customerId, ccy), kind: 'customer_cash', currency: ccy, customerId });
export const bankClearing = (collectionAccountId: string | null, ccy: string): AccountRef => ({
  code: AccountCodes.bankClearing(collectionAccountId ?? 'unknown', ccy),
  kind: 'bank_clearing',
  currency: ccy,
});
export const suspense = (ccy: string): AccountRef => ({ code: AccountCodes.suspense(ccy), kind: 'suspense', currency: ccy });
export const feeExpense = (ccy: string): AccountRef => ({ code: AccountCodes.feeReimbursement(ccy), kind: 'fee_reimbursement', currency: ccy });
export const receivables = (ccy: string): AccountRef => ({ code: AccountCodes.receivables(ccy), kind: 'receivables', currency: ccy });

/**
 * Credits customers the amount they remitted (bank fees from the reimbursement expense
 * account) and then settles their unpaid bills oldest first. Set-based: a fixed number of
 * statements for any number of items, all inside the caller's transaction.
 */
@Injectable()
export class CreditingService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly repo: ReconciliationRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async creditAndSettle(tx: Tx, items: readonly CreditItem[]): Promise<Map<string, CreditOutcome>> {
    const out = new Map<string, CreditOutcome>();
    if (!items.length) return out;
    const credits: JournalRequest[] = items.map((i) => {
      const ccy = i.remitted.currency;
      return {
        idempotencyKey: `credit:${i.key}`,
        kind: 'remittance_credit',
        description: i.description,
        metadata: { remittanceId: i.remittanceId, customerId: i.customer.id, booked: i.booked.toString(), fee: i.fee.toString() },
        legs: [
          { account: i.source, amount: i.booked.negated() },
          ...(i.fee.isPositive() ? [{ account: feeExpense(ccy), amount: i.fee.negated() }] : []),
          { account: cashAccount(i.customer.id, ccy), amount: i.remitted },
        ],
      };
    });
    const creditResults = await this.ledger.postMany(tx, credits);
    const afterCredit = creditResults[0].balances;

    // Funds per customer and currency: the balance before this batch's credits, then each credit in order.
    const running = new Map<string, Money>();
    for (const i of items) {
      const code = AccountCodes.customerCash(i.customer.id, i.remitted.currency);
      if (!running.has(code)) {
        const after = afterCredit.get(code) ?? Money.zero(i.remitted.currency);
        const mine = items.filter((x) => x.customer.id === i.customer.id && x.remitted.currency === i.remitted.currency).reduce((a, x) => a.plus(x.remitted), Money.zero(i.remitted.currency));
        running.set(code, after.minus(mine));
      }
    }
    const bills = await this.repo.lockOpenBills(tx, [...new Set(items.map((i) => i.customer.id))]);
    const open = new Map<string, { row: OpenBillRow; open: Money }>(bills.map((b) => [b.id, { row: b, open: Money.fromStored(b.amount, b.currency).minus(Money.fromStored(b.paid, b.currency)) }]));

    const settlements: JournalRequest[] = [];
    const plans: { item: CreditItem; allocations: { billId: string; amount: Money }[]; balanceAfter: Money }[] = [];
    for (const i of items) {
      const ccy = i.remitted.currency;
      const code = AccountCodes.customerCash(i.customer.id, ccy);
      let balance = running.get(code)!.plus(i.remitted);
      const funds = balance.isPositive() ? balance : Money.zero(ccy);
      const candidates: OpenBill[] = [...open.values()]
        .filter((b) => b.row.customerId === i.customer.id && b.row.currency === ccy && b.open.isPositive())
        .map((b) => ({ id: b.row.id, issuedAt: b.row.issuedAt, open: b.open }));
      const { allocations } = allocateOldestFirst(funds, candidates, i.customer.partialLastBill);
      for (const a of allocations) open.get(a.billId)!.open = open.get(a.billId)!.open.minus(a.amount);
      const total = allocations.reduce((s, a) => s.plus(a.amount), Money.zero(ccy));
      balance = balance.minus(total);
      running.set(code, balance);
      plans.push({ item: i, allocations, balanceAfter: balance });
      if (total.isPositive()) {
        settlements.push({
          idempotencyKey: `settle:${i.key}`,
          kind: 'bill_settlement',
          description: `oldest-first settlement of ${allocations.length} bill(s) for ${i.customer.name}`,
          metadata: { remittanceId: i.remittanceId, bills: allocations.map((a) => ({ billId: a.billId, amount: a.amount.toString() })) },
          legs: transfer(cashAccount(i.customer.id, ccy), receivables(ccy), total),
        });
      }
    }
    const settleResults = await this.ledger.postMany(tx, settlements);
    const settleJournal = new Map(settlements.map((s, n) => [s.idempotencyKey, settleResults[n].journalEntryId]));

    const deltas = new Map<string, Money>();
    const repayments: RepaymentInsert[] = [];
    for (const p of plans) {
      const journal = settleJournal.get(`settle:${p.item.key}`);
      for (const a of p.allocations) {
        deltas.set(a.billId, deltas.get(a.billId)?.plus(a.amount) ?? a.amount);
        repayments.push({ billId: a.billId, customerId: p.item.customer.id, method: 'balance', amount: a.amount.toString(), currency: a.amount.currency, journalEntryId: journal!, remittanceId: p.item.remittanceId });
      }
    }
    const updated = new Map(
      (await this.repo.applyBillPayments(tx, [...deltas].map(([billId, d]) => ({ billId, delta: d.toString() })))).map((b) => [b.id, b]),
    );
    await this.repo.insertRepayments(tx, repayments);

    const mails: OutboxMessage[] = [];
    items.forEach((i, n) => {
      const plan = plans[n];
      const settled = plan.allocations.map((a) => {
        const b = open.get(a.billId)!.row;
        return { billId: b.id, billReference: b.reference, cycle: b.billingCycle, amountPaid: a.amount.toString(), status: updated.get(b.id)?.status ?? 'partly_paid' };
      });
      const balanceAfter = plan.balanceAfter;
      out.set(i.key, { creditJournalId: creditResults[n].journalEntryId, settlementJournalId: settleJournal.get(`settle:${i.key}`) ?? null, settled, balanceAfter });
      if (i.notify === false) return;
      mails.push({
        dedupeKey: `funds-received:${i.key}`,
        channel: 'email',
        recipient: i.customer.email,
        template: 'funds-received',
        payload: {
          customerName: i.customer.name,
          currency: i.remitted.currency,
          amountRemitted: i.remitted.toString(),
          ...(i.fee.isPositive() ? { feeReimbursed: i.fee.toString() } : {}),
          amountBooked: i.booked.toString(),
          billsSettled: settled.map(({ billId: _b, ...s }) => s),
          balanceRemaining: balanceAfter.toString(),
          receivedOn: i.receivedOn,
          ...(i.paymentReference ? { paymentReference: i.paymentReference } : {}),
        },
      });
    });
    await this.outbox.enqueue(tx, mails);
    return out;
  }
}
