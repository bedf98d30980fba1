import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  cashAccount,
  feeExpense,
  LedgerRepository,
  LedgerService,
  ReceivablesRepository,
  receivables,
  type AccountRef,
  type JournalRequest,
  type OpenBillRow,
  type RepaymentInsert,
} from '@remitd/ledger';
import type { CustomerRecord } from '@remitd/customers';
import { Money } from '@remitd/money';
import { OutboxRepository, type OutboxMessage } from '@remitd/notifications';
import type { SqlTx } from '@remitd/persistence';
import { allocateOldestFirst, type OpenBill } from './allocate-oldest-first';
import { CreditedFundsHooks } from './credited-funds.hooks';

export interface CreditItem {
  remittanceId: string | null;
  /** unique per crediting: makes the journal key (credit:<key>), the e-mail dedupe key and the result key */
  key: string;
  customer: CustomerRecord;
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
  /** who recorded the money by hand (a top-up): journal metadata, shown to staff only */
  recordedBy?: { id: string; role: string; name: string | null };
  /** what the remitter wrote, for CreditedFundsHooks (e.g. a settlement task's reference) */
  references?: string[];
}

export interface SettledBill {
  billId: string;
  billReference: string;
  cycle: string;
  amountPaid: string;
  status: string;
}

export interface CreditOutcome {
  /** the crediting's one journal: the credit and the settlement it funded */
  creditJournalId: string;
  /** the same journal when it settled bills, else null */
  settlementJournalId: string | null;
  settled: SettledBill[];
  balanceAfter: Money;
}

export interface CreditPlan {
  journals: JournalRequest[];
  outcomes: Map<string, CreditOutcome>;
  billDeltas: { billId: string; delta: string }[];
  repayments: RepaymentInsert[];
  mails: OutboxMessage[];
  /** items left out because another transaction holds their customer (only with `skipBusy`) */
  deferred: CreditItem[];
}

/**
 * Credits customers the amount they remitted (bank fees from the reimbursement expense
 * account) and, for customers with Automatic Bill Settlement on, settles their unpaid bills oldest first, in one journal per crediting. Set-based: a fixed number of
 * statements for any number of items, all inside the caller's transaction.
 *
 * Three steps so the reconciliation batch can keep the busiest rows (the bank clearing and fee
 * accounts every credit touches) locked for as short as possible: `plan` locks the customers'
 * cash accounts and bills and computes everything in memory; `write` stores bills, repayments
 * and e-mails; the journals are posted last, right before commit.
 */
@Injectable()
export class CreditingService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly ledgerRepo: LedgerRepository,
    private readonly repo: ReceivablesRepository,
    private readonly outbox: OutboxRepository,
    private readonly hooks: CreditedFundsHooks,
  ) {}

  /** plan + write + post: for callers without a batch of their own (account managers' actions). */
  async creditAndSettle(tx: SqlTx, items: readonly CreditItem[]): Promise<Map<string, CreditOutcome>> {
    const plan = await this.plan(tx, items);
    await this.write(tx, plan);
    await this.ledger.postMany(tx, plan.journals);
    await this.afterCredit(tx, items, plan);
    return plan.outcomes;
  }

  /** The registered hooks, once the crediting's journals are posted (same transaction). */
  async afterCredit(tx: SqlTx, items: readonly CreditItem[], plan: CreditPlan): Promise<void> {
    const deferred = new Set(plan.deferred);
    await this.hooks.afterCredit(
      tx,
      items
        .filter((i) => !deferred.has(i))
        .map((i) => ({
          key: i.key,
          customerId: i.customer.id,
          amount: i.remitted,
          references: [...(i.references ?? []), ...(i.paymentReference ? [i.paymentReference] : [])],
        })),
    );
  }

  /**
   * With `skipBusy` (the reconciliation batch), customers whose cash account another
   * transaction holds are not waited for: their items come back in `deferred`, so concurrent
   * batches never queue behind each other's customers.
   */
  async plan(tx: SqlTx, all: readonly CreditItem[], opts: { skipBusy?: boolean } = {}): Promise<CreditPlan> {
    const plan: CreditPlan = {
      journals: [],
      outcomes: new Map(),
      billDeltas: [],
      repayments: [],
      mails: [],
      deferred: [],
    };
    if (!all.length) return plan;
    // each item's cash account, built once (its code is the key of everything per customer below)
    const cashOf = new Map<CreditItem, AccountRef>(
      all.map((i) => [i, cashAccount(i.customer.id, i.remitted.currency)]),
    );
    const cashRefs = [...new Map([...cashOf.values()].map((r) => [r.code, r])).values()];
    const balances = await this.ledgerRepo.lockBalances(tx, cashRefs, { skipLocked: opts.skipBusy });
    const items = all.filter((i) => balances.has(cashOf.get(i)!.code));
    plan.deferred = all.filter((i) => !balances.has(cashOf.get(i)!.code));
    const running = new Map<string, Money>();
    for (const r of cashRefs)
      if (balances.has(r.code)) running.set(r.code, Money.fromStored(balances.get(r.code)!, r.currency));
    const bills = await this.repo.lockOpenBills(tx, [...new Set(items.map((i) => i.customer.id))]);
    // seed 001: a running unified settlement task pays its customers' bills in its own order
    const held = await this.hooks.holds(tx, [...new Set(items.map((i) => i.customer.id))]);
    const open = new Map<string, { row: OpenBillRow; open: Money }>();
    const billsOf = new Map<string, { row: OpenBillRow; open: Money }[]>();
    for (const row of bills) {
      const b = { row, open: Money.fromStored(row.open, row.currency) };
      open.set(row.id, b);
      const k = `${row.customerId}:${row.currency}`;
      const list = billsOf.get(k);
      if (list) list.push(b);
      else billsOf.set(k, [b]);
    }
    const deltas = new Map<string, Money>();
    for (const i of items) {
      const ccy = i.remitted.currency;
      const cash = cashOf.get(i)!;
      // the funds: the cash balance after this credit (earlier credits of the batch included)
      let balance = running.get(cash.code)!.plus(i.remitted);
      // seed 000: with Automatic Bill Settlement off the funds stay in the balance and the bills
      // wait for a manual payment (issue 14)
      const candidates: OpenBill[] = (
        i.customer.autoWriteOff && !held.has(i.customer.id) ? (billsOf.get(`${i.customer.id}:${ccy}`) ?? []) : []
      )
        .filter((b) => b.open.isPositive())
        .map((b) => ({ id: b.row.id, issuedAt: b.row.issuedAt, open: b.open }));
      const { allocations } = allocateOldestFirst(
        balance.isPositive() ? balance : Money.zero(ccy),
        candidates,
        i.customer.partialLastBill,
      );
      const total = allocations.reduce((sum, a) => sum.plus(a.amount), Money.zero(ccy));
      balance = balance.minus(total);
      running.set(cash.code, balance);
      // one journal per crediting, the usual cash application: the remitted amount (the bank
      // fee from the reimbursement expense account) goes to the bills it settles (receivables)
      // and the rest to the customer's balance; a settlement that also draws on an earlier
      // balance takes that from it (the cash leg is remitted − settled, left out when zero)
      const journalId = randomUUID();
      plan.journals.push({
        id: journalId,
        idempotencyKey: `credit:${i.key}`,
        kind: 'remittance_credit',
        description: total.isPositive()
          ? `${i.description}; settles ${allocations.length} bill(s) oldest first`
          : i.description,
        metadata: {
          remittanceId: i.remittanceId,
          customerId: i.customer.id,
          booked: i.booked.toString(),
          fee: i.fee.toString(),
          ...(i.recordedBy ? { recordedBy: i.recordedBy } : {}),
          ...(total.isPositive()
            ? { bills: allocations.map((a) => ({ billId: a.billId, amount: a.amount.toString() })) }
            : {}),
        },
        legs: [
          { account: i.source, amount: i.booked.negated() },
          ...(i.fee.isPositive() ? [{ account: feeExpense(ccy), amount: i.fee.negated() }] : []),
          { account: cash, amount: i.remitted.minus(total) },
          ...(total.isPositive() ? [{ account: receivables(i.customer.id, ccy), amount: total }] : []),
        ],
      });
      const settled: SettledBill[] = [];
      for (const a of allocations) {
        const b = open.get(a.billId)!;
        b.open = b.open.minus(a.amount);
        deltas.set(a.billId, deltas.get(a.billId)?.plus(a.amount) ?? a.amount);
        plan.repayments.push({
          billId: a.billId,
          customerId: i.customer.id,
          method: 'balance',
          amount: a.amount.toString(),
          currency: ccy,
          journalEntryId: journalId,
          remittanceId: i.remittanceId,
        });
        settled.push({
          billId: a.billId,
          billReference: b.row.reference,
          cycle: b.row.billingCycle,
          amountPaid: a.amount.toString(),
          status: b.open.isZero() ? 'settled' : 'partly_paid',
        });
      }
      const settlementId = total.isPositive() ? journalId : null;
      plan.outcomes.set(i.key, {
        creditJournalId: journalId,
        settlementJournalId: settlementId,
        settled,
        balanceAfter: balance,
      });
      if (i.notify !== false) {
        plan.mails.push({
          dedupeKey: `funds-received:${i.key}`,
          channel: 'email',
          recipient: i.customer.email,
          template: 'funds-received',
          customerId: i.customer.id,
          payload: {
            customerName: i.customer.name,
            currency: ccy,
            amountRemitted: i.remitted.toString(),
            ...(i.fee.isPositive() ? { feeReimbursed: i.fee.toString() } : {}),
            amountBooked: i.booked.toString(),
            billsSettled: settled.map(({ billId: _b, ...x }) => x),
            balanceRemaining: balance.toString(),
            receivedOn: i.receivedOn,
            ...(i.paymentReference ? { paymentReference: i.paymentReference } : {}),
          },
        });
      }
    }
    plan.billDeltas = [...deltas].map(([billId, d]) => ({ billId, delta: d.toString() }));
    return plan;
  }

  async write(tx: SqlTx, plan: CreditPlan): Promise<void> {
    await this.repo.applyBillPayments(tx, plan.billDeltas);
    await this.repo.insertRepayments(tx, plan.repayments);
    await this.outbox.enqueue(tx, plan.mails);
  }
}
