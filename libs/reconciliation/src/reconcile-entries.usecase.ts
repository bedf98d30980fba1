import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RemitdConfig } from '@remitd/config';
import {
  bankClearing,
  cashAccount,
  feeExpense,
  LedgerService,
  ReceivablesRepository,
  receivables,
  suspense,
  transfer,
  type JournalRequest,
} from '@remitd/ledger';
import { CustomerRepository, type CustomerRecord } from '@remitd/customers';
import {
  decide,
  normalizeAccount,
  referencesIn,
  remittedAmount,
  type CustomerFacts,
  type Decision,
  type Flag,
  type MatchLookups,
} from '@remitd/matching';
import { plural } from '@remitd/core';
import { Money } from '@remitd/money';
import { OutboxRepository } from '@remitd/notifications';
import { SqlTransactions, TransactionRunner, type SqlTx, type Tx } from '@remitd/persistence';
import { CreditingService, type CreditItem } from './crediting.service';
import { ReconciliationRepository, type PendingEntry, type RemittanceInsert } from './reconciliation.repository';

export const RECONCILIATION_CONFIG = Symbol('RECONCILIATION_CONFIG');
export type ReconciliationConfig = Pick<RemitdConfig, 'minAutoCreditConfidence' | 'feeReimbursementCaps'> &
  Partial<Pick<RemitdConfig, 'reconcileConcurrency' | 'reconcileBatchSize' | 'timeZone'>>;

export interface BatchResult {
  processed: number;
  credited: number;
  unmatched: number;
  debits: number;
  reversals: number;
  /** claimed but left pending: another transaction holds their customer (taken by a later batch) */
  deferred: number;
}

const emptyResult = (): BatchResult => ({
  processed: 0,
  credited: 0,
  unmatched: 0,
  debits: 0,
  reversals: 0,
  deferred: 0,
});

/** What one committed batch did, for whoever measures it (the reconciler's /metrics). */
export interface BatchObservation {
  seconds: number;
  result: BatchResult;
  /** per credited entry: when its bank file was received (file-to-credit latency) */
  creditedFilesReceivedAt: Date[];
}
export type BatchObserver = (o: BatchObservation) => void;

export interface PlannedDecision {
  entry: PendingEntry;
  decision: Decision;
  customer: CustomerRecord | null;
  booked: Money;
  remitted: Money;
  fee: Money;
  feeExplanation: string;
}

/**
 * The heart of remitd: every booked statement entry ends up credited to exactly one customer
 * (bills settled oldest first) or in the unmatched queue with a reason. Entries are claimed in
 * batches with FOR UPDATE SKIP LOCKED and the whole batch — decisions, journals, bills,
 * repayments, e-mails, the queue — commits in one transaction: a crash rolls it back and
 * the entries are claimed again; two replicas never take the same entry.
 *
 * The batch runs on a plain node-postgres connection (set-based SQL only). Returns and
 * reversals, which are rare and undo earlier work through the ORM, follow in their own
 * transaction right after the batch that claimed them commits.
 */
@Injectable()
export class ReconcileEntriesUseCase {
  private readonly logger = new Logger('reconcile');
  private readonly observers: BatchObserver[] = [];

  constructor(
    private readonly tx: TransactionRunner,
    private readonly sql: SqlTransactions,
    private readonly repo: ReconciliationRepository,
    private readonly customers: CustomerRepository,
    private readonly receivables: ReceivablesRepository,
    private readonly ledger: LedgerService,
    private readonly crediting: CreditingService,
    private readonly outbox: OutboxRepository,
    @Inject(RECONCILIATION_CONFIG) private readonly config: ReconciliationConfig,
  ) {}

  /**
   * Reconciles until nothing is pending, `concurrency` batches at a time. While one batch waits
   * for PostgreSQL another computes, and batches never wait for each other's customers.
   */
  async drain(
    batchSize = this.config.reconcileBatchSize ?? 2000,
    concurrency = this.config.reconcileConcurrency ?? 1,
  ): Promise<BatchResult> {
    const total = emptyResult();
    const loop = async () => {
      for (;;) {
        const r = await this.batch(batchSize);
        for (const k of Object.keys(total) as (keyof BatchResult)[]) if (k !== 'deferred') total[k] += r[k];
        if (r.processed === 0 && r.deferred === 0) return;
        // everything claimed belongs to customers another transaction holds: let it finish
        if (r.processed === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
    return total;
  }

  /** Called after every batch that did something (after its commit); an observer's failure is only logged. */
  observe(observer: BatchObserver): void {
    this.observers.push(observer);
  }

  async batch(batchSize = this.config.reconcileBatchSize ?? 2000): Promise<BatchResult> {
    const started = process.hrtime.bigint();
    const { result, reversals, creditedFiles } = await this.sql.run(async (tx) => {
      const entries = await this.repo.claimPending(tx, batchSize);
      if (!entries.length) return { result: emptyResult(), reversals: [], creditedFiles: [] };
      return this.process(tx, entries);
    });
    if (reversals.length) {
      // locked again and re-checked: another replica may have claimed them meanwhile
      const reversed = await this.tx.run(
        async (tx) => {
          const mine = await this.repo.lockPending(
            tx,
            reversals.map((e) => e.id),
          );
          for (const e of mine) await this.reverse(tx, e);
          return mine.length;
        },
        { timeoutMs: 10 * 60_000 },
      );
      result.reversals += reversed;
      result.processed += reversed;
      result.deferred += reversals.length - reversed;
    }
    if (result.processed) {
      this.logger.log(
        `reconciled ${plural(result.processed, 'entry', 'entries')}: ${result.credited} credited, ${result.unmatched} unmatched, ${plural(result.debits, 'debit')}, ${plural(result.reversals, 'reversal')}` +
          (result.deferred ? `; ${result.deferred} deferred (their customer was busy)` : ''),
      );
      if (this.observers.length) await this.notify(started, result, creditedFiles);
    }
    return result;
  }

  private async notify(started: bigint, result: BatchResult, creditedFiles: string[]): Promise<void> {
    try {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const receivedAt = creditedFiles.length
        ? await this.repo.filesReceivedAt([...new Set(creditedFiles)])
        : new Map();
      const creditedFilesReceivedAt = creditedFiles.map((f) => receivedAt.get(f)).filter((d): d is Date => !!d);
      for (const o of this.observers) o({ seconds, result, creditedFilesReceivedAt });
    } catch (e) {
      this.logger.warn(`batch observer failed: ${(e as Error).message}`);
    }
  }

  /** What the rules decide for entries, without changing anything (the dry run, and step one of a batch). */
  async plan(tx: SqlTx | undefined, entries: PendingEntry[]): Promise<PlannedDecision[]> {
    const lookups = await this.loadLookups(tx, entries);
    return entries.map((entry) => {
      let decision = decide(entry, lookups, this.config.minAutoCreditConfidence);
      const amounts = remittedAmount(entry);
      const customerId = decision.kind === 'credit' || decision.kind === 'unmatched' ? decision.customerId : null;
      const customer = customerId ? (lookups.rows.get(customerId) ?? null) : null;
      if (decision.kind === 'credit') {
        const cap = this.config.feeReimbursementCaps[entry.currency];
        if (amounts.fee.isPositive() && (cap === undefined || amounts.fee.gt(Money.of(cap, entry.currency)))) {
          decision = {
            kind: 'unmatched',
            customerId: decision.customerId,
            rule: decision.rule,
            confidence: decision.confidence,
            explanation: `${decision.explanation}; the bank fee ${amounts.fee.toString()} ${entry.currency} is above the reimbursement cap ${cap ?? 'for this currency (none set)'}`,
            flags: ['fee_above_cap'],
          };
        }
      }
      return {
        entry,
        decision,
        customer,
        booked: amounts.booked,
        remitted: amounts.remitted,
        fee: amounts.fee,
        feeExplanation: amounts.explanation,
      };
    });
  }

  private async process(
    tx: SqlTx,
    entries: PendingEntry[],
  ): Promise<{ result: BatchResult; reversals: PendingEntry[]; creditedFiles: string[] }> {
    const planned = await this.plan(tx, entries);
    let remittances: RemittanceInsert[] = [];
    const credits: CreditItem[] = [];
    const suspenseJournals: JournalRequest[] = [];
    const reversals: PendingEntry[] = [];
    const result: BatchResult = { ...emptyResult(), processed: entries.length };

    for (const p of planned) {
      const { entry: e, decision: d } = p;
      const id = randomUUID();
      const base = {
        id,
        entryId: e.id,
        customerId: null as string | null,
        rule: d.rule,
        confidence: String(d.confidence),
        explanation: d.explanation,
        flags: [] as string[],
        currency: e.currency,
        bookedAmount: p.booked.toString(),
        remittedAmount: p.remitted.toString(),
        feeReimbursed: '0',
        creditJournalId: null,
        settlementJournalId: null,
      };
      if (d.kind === 'reversal') {
        reversals.push(e);
        continue;
      }
      if (d.kind === 'debit') {
        remittances.push({ ...base, state: 'debit', remittedAmount: p.booked.toString() });
        result.debits++;
      } else if (d.kind === 'credit') {
        remittances.push({
          ...base,
          state: 'credited',
          customerId: d.customerId,
          feeReimbursed: p.fee.toString(),
          explanation: `${d.explanation}; ${p.feeExplanation}`,
        });
        credits.push({
          remittanceId: id,
          key: `entry:${e.id}`,
          customer: p.customer!,
          booked: p.booked,
          remitted: p.remitted,
          fee: p.fee,
          source: bankClearing(e.collectionAccountId, e.currency),
          receivedOn: e.valueDate ?? e.bookingDate ?? new Date().toISOString().slice(0, 10),
          paymentReference: e.endToEndId ?? e.bankReference,
          references: [e.remittanceUnstructured, e.remittanceStructured].filter((r): r is string => !!r),
          description: `remittance ${e.bankReference ?? e.id} from ${e.remitterName ?? 'unknown remitter'}`,
        });
        result.credited++;
      } else {
        const journal = this.toSuspense(e, p.booked);
        remittances.push({
          ...base,
          state: 'unmatched',
          customerId: d.customerId,
          flags: d.flags,
          creditJournalId: journal.id!,
        });
        suspenseJournals.push(journal);
        result.unmatched++;
      }
    }
    const plan = await this.crediting.plan(tx, credits, { skipBusy: true });
    if (plan.deferred.length) {
      // left pending for a later batch: no remittance, no state change
      const deferred = new Set(plan.deferred.map((i) => i.key));
      remittances = remittances.filter((r) => !deferred.has(`entry:${r.entryId}`));
      result.deferred = plan.deferred.length;
      result.credited -= plan.deferred.length;
      result.processed -= plan.deferred.length;
    }
    for (const r of remittances) {
      const o = plan.outcomes.get(`entry:${r.entryId}`);
      if (o) {
        r.creditJournalId = o.creditJournalId;
        r.settlementJournalId = o.settlementJournalId;
      }
    }
    await this.repo.insertRemittances(tx, remittances);
    await this.crediting.write(tx, plan);
    await this.repo.dequeue(
      tx,
      remittances.map((r) => r.entryId),
    );
    // last: the journals lock the accounts every remittance touches (bank clearing, fees), so
    // they are held only for the end of the transaction and replicas overlap the rest
    await this.ledger.postMany(tx, [...suspenseJournals, ...plan.journals]);
    await this.crediting.afterCredit(tx, credits, plan);
    result.processed -= reversals.length;
    const fileOf = new Map(entries.map((e) => [e.id, e.fileId]));
    const creditedFiles = remittances.filter((r) => r.state === 'credited').map((r) => fileOf.get(r.entryId)!);
    return { result, reversals, creditedFiles };
  }

  private toSuspense(e: PendingEntry, booked: Money): JournalRequest {
    return {
      id: randomUUID(),
      idempotencyKey: `suspense:entry:${e.id}`,
      kind: 'unmatched_suspense',
      description: `unmatched remittance ${e.bankReference ?? e.id} held in suspense`,
      metadata: { entryId: e.id },
      legs: transfer(bankClearing(e.collectionAccountId, e.currency), suspense(e.currency), booked),
    };
  }

  /**
   * A returned or reversed credit undoes its crediting: the settlement it funded is reversed
   * (bills reopen, newest first), the customer is told. A return of an unmatched remittance
   * closes it in the queue.
   */
  private async reverse(tx: Tx, e: PendingEntry): Promise<void> {
    const booked = Money.fromStored(e.amount, e.currency);
    const original = await this.repo.findOriginal(tx, e);
    const id = randomUUID();
    const own = {
      id,
      entryId: e.id,
      rule: 'reversal_entry',
      confidence: '1',
      currency: e.currency,
      bookedAmount: booked.toString(),
      remittedAmount: booked.toString(),
      feeReimbursed: '0',
      creditJournalId: null,
      settlementJournalId: null,
    };
    if (!original) {
      // money left the account for a transfer we cannot find: a person must look
      const j = await this.ledger.post(tx, {
        idempotencyKey: `suspense:entry:${e.id}`,
        kind: 'unmatched_return',
        description: `return ${e.bankReference ?? e.id} without an original`,
        metadata: { entryId: e.id },
        legs: transfer(suspense(e.currency), bankClearing(e.collectionAccountId, e.currency), booked),
      });
      await this.repo.insertRemittances(tx, [
        {
          ...own,
          state: 'unmatched',
          customerId: null,
          flags: ['return_without_original' satisfies Flag],
          explanation: `a return/reversal${e.returnReasonCode ? ` (${e.returnReasonCode})` : ''} whose original credit was not found`,
          creditJournalId: j.journalEntryId,
        },
      ]);
      await this.repo.dequeue(tx, [e.id]);
      return;
    }
    const orig = (await this.repo.remittance(tx, original.remittanceId))!;
    const origEntry = (await this.repo.entry(tx, original.entryId))!;
    const ccy = orig.currency;
    let explanation: string;
    if (orig.state === 'credited' && orig.customerId) {
      const customer = (await this.customers.byIds(tx, [orig.customerId]))[0];
      const repayments = await this.repo.activeRepaymentsOf(tx, orig.id);
      const settledTotal = repayments.reduce(
        (s, r) => s.plus(Money.fromStored(r.amount.toString(), ccy)),
        Money.zero(ccy),
      );
      const remitted = Money.fromStored(orig.remittedAmount.toString(), ccy);
      const fee = Money.fromStored(orig.feeReimbursed.toString(), ccy);
      const origBooked = Money.fromStored(orig.bookedAmount.toString(), ccy);
      // one journal undoes the crediting, as one journal made it: the bills it settled reopen
      // (receivables out), the rest leaves the customer's balance, the fee goes back to the
      // reimbursement account and the booked amount to the bank
      const reversal = await this.ledger.post(tx, {
        idempotencyKey: `reverse-credit:${orig.id}`,
        kind: 'credit_reversal',
        description: `remittance ${origEntry.bankReference ?? orig.id} returned${e.returnReasonCode ? ` (${e.returnReasonCode})` : ''}${repayments.length ? `; reopens ${repayments.length} bill(s)` : ''}`,
        metadata: {
          remittanceId: orig.id,
          reversalEntryId: e.id,
          ...(repayments.length
            ? {
                bills: repayments.map((r) => ({
                  billId: r.billId,
                  amount: Money.fromStored(r.amount.toString(), ccy).toString(),
                })),
              }
            : {}),
        },
        legs: [
          ...(settledTotal.isPositive()
            ? [{ account: receivables(customer.id, ccy), amount: settledTotal.negated() }]
            : []),
          { account: cashAccount(customer.id, ccy), amount: settledTotal.minus(remitted) },
          ...(fee.isPositive() ? [{ account: feeExpense(ccy), amount: fee }] : []),
          { account: bankClearing(origEntry.collectionAccountId, ccy), amount: origBooked },
        ],
      });
      if (repayments.length) {
        await this.receivables.applyBillPayments(
          tx,
          repayments.map((r) => ({
            billId: r.billId,
            delta: Money.fromStored(r.amount.toString(), ccy).negated().toString(),
          })),
        );
        await this.repo.markRepaymentsReversed(
          tx,
          repayments.map((r) => r.id),
          reversal.journalEntryId,
        );
      }
      const balance = reversal.balances.get(cashAccount(customer.id, ccy).code);
      // repayments come newest bill first: the bills reopen newest first
      const reopened = await tx.bill.findMany({ where: { id: { in: repayments.map((r) => r.billId) } } });
      const byId = new Map(reopened.map((b) => [b.id, b]));
      await this.outbox.enqueue(tx, {
        dedupeKey: `credit-returned:${orig.id}`,
        channel: 'email',
        recipient: customer.email,
        template: 'credit-returned',
        customerId: customer.id,
        payload: {
          customerName: customer.name,
          currency: ccy,
          amount: remitted.toString(),
          reasonCode: e.returnReasonCode ?? 'reversed',
          returnedOn: e.valueDate ?? e.bookingDate ?? new Date().toISOString().slice(0, 10),
          ...(origEntry.valueDate ? { originalReceivedOn: origEntry.valueDate } : {}),
          ...(origEntry.bankReference ? { paymentReference: origEntry.bankReference } : {}),
          billsReopened: repayments.map((r) => {
            const b = byId.get(r.billId)!;
            return {
              billReference: b.reference,
              cycle: b.billingCycle,
              amountDue: Money.fromStored(b.amount.toString(), ccy)
                .minus(Money.fromStored(b.paid.toString(), ccy))
                .toString(),
            };
          }),
          ...(balance ? { balanceRemaining: balance.toString() } : {}),
        },
      });
      await this.repo.updateRemittance(tx, orig.id, { state: 'reversed', reversedByEntryId: e.id });
      explanation = `reverses the credit of ${origBooked.toString()} ${ccy} to ${customer.name} (remittance ${orig.id})${repayments.length ? `, reopening ${repayments.length} bill(s)` : ''}`;
    } else {
      await this.ledger.post(tx, {
        idempotencyKey: `reverse-suspense:${orig.id}`,
        kind: 'unmatched_returned',
        description: `unmatched remittance ${origEntry.bankReference ?? orig.id} returned to sender`,
        metadata: { remittanceId: orig.id },
        legs: transfer(
          suspense(ccy),
          bankClearing(origEntry.collectionAccountId, ccy),
          Money.fromStored(orig.bookedAmount.toString(), ccy),
        ),
      });
      await this.repo.updateRemittance(tx, orig.id, { state: 'returned', reversedByEntryId: e.id });
      explanation = `returns the unmatched remittance ${orig.id}, which is closed in the queue`;
    }
    await this.repo.insertRemittances(tx, [
      { ...own, state: 'reversal', customerId: orig.customerId, flags: [], explanation },
    ]);
    await this.repo.dequeue(tx, [e.id]);
  }

  private async loadLookups(
    tx: SqlTx | undefined,
    entries: PendingEntry[],
  ): Promise<MatchLookups & { rows: Map<string, CustomerRecord> }> {
    const credited = uniq(entries.map((e) => normalizeAccount(e.creditedAccount)));
    const remitters = uniq(entries.map((e) => normalizeAccount(e.remitterAccount)));
    const refs = entries.map((e) => referencesIn(e));
    const [vas, known, custRefs, billRefs] = await Promise.all([
      this.repo.virtualAccounts(tx, credited),
      this.repo.knownRemitters(tx, remitters),
      this.repo.customersByReference(tx, uniq(refs.flatMap((r) => r.customers))),
      this.repo.billsByReference(tx, uniq(refs.flatMap((r) => r.bills))),
    ]);
    const ids = uniq([
      ...vas.map((v) => v.customerId),
      ...known.map((k) => k.customerId),
      ...custRefs.map((c) => c.id),
      ...billRefs.map((b) => b.customerId),
    ]);
    const rows = new Map((await this.customers.byIds(tx, ids)).map((c) => [c.id, c]));
    const facts = (c: CustomerRecord): CustomerFacts => ({
      id: c.id,
      name: c.name,
      reference: c.reference,
      currencies: c.currencies,
    });
    return {
      rows,
      virtualAccounts: new Map(vas.map((v) => [v.number, v])),
      knownRemitters: new Map(
        known.map((k) => [k.account, { customerId: k.customerId, learnedAt: k.createdAt, learnedBy: k.learnedBy }]),
      ),
      customersByReference: new Map(
        custRefs.filter((c) => rows.has(c.id)).map((c) => [c.reference, facts(rows.get(c.id)!)]),
      ),
      billsByReference: new Map(billRefs.map((b) => [b.reference, b])),
      customers: new Map([...rows.values()].map((c) => [c.id, facts(c)])),
    };
  }
}

function uniq<T>(xs: (T | null | undefined)[]): T[] {
  return [...new Set(xs.filter((x): x is T => x !== null && x !== undefined))];
}
