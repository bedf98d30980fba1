import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PaymentsConfig } from '@remitd/config';
import {
  LedgerService,
  PrepaidChargesService,
  ReceivablesRepository,
  cashAccount,
  externalAccount,
  receivables,
  type JournalRequest,
  type RepaymentInsert,
} from '@remitd/ledger';
import { Money } from '@remitd/money';
import { AuditRepository, SYSTEM_ACTOR, TransactionRunner, idempotencyStorage, type Tx } from '@remitd/persistence';
import type { ChargeOutcome } from './payment-gateway';
import { PAYMENT_GATEWAY, type PaymentGateway } from './payment-gateway';
import { PaymentsRepository, type GatewayPaymentRow } from './payments.repository';

export const PAYMENTS_CONFIG = Symbol('PAYMENTS_CONFIG');

export interface Outcome {
  payment: GatewayPaymentRow;
  outcome: ChargeOutcome;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function boundedMap<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]);
    }),
  );
  return out;
}

/**
 * The one way money moves through the gateway (issue 14): a payment row is committed pending,
 * with its attempt's idempotency key, before the gateway is asked; the outcome is then applied in
 * one transaction. An unknown outcome (timeout) leaves the payment pending until the key is
 * queried (`resolveStale`) or the webhook arrives; a charge is never sent under a second key
 * while its outcome is unknown, so it is never taken twice.
 *
 * Ledger: a successful charge moves the money from the gateway channel's external account
 * (`system:external:card|paypal:<ccy>`) into the customer's receivables, as the manual payment
 * path does; the bills it pays get repayment records pointing at that journal entry. A
 * pay-as-you-go deduction of charges not billed yet records its repayments once the bill exists.
 */
@Injectable()
export class GatewayPaymentsService {
  private readonly logger = new Logger('payments');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PaymentsRepository,
    private readonly ledger: LedgerService,
    private readonly receivables: ReceivablesRepository,
    private readonly prepaid: PrepaidChargesService,
    private readonly audit: AuditRepository,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  /** Asks the gateway for each payment (bounded concurrency), then applies every outcome. */
  async chargeAndSettle(payments: GatewayPaymentRow[], now: Date): Promise<Outcome[]> {
    const outcomes = await boundedMap(payments, this.config.concurrency, async (payment) => ({
      payment,
      outcome: await this.gateway.charge({
        token: payment.gatewayToken,
        amount: Money.fromStored(payment.amount, payment.currency),
        idempotencyKey: payment.idempotencyKey,
      }),
    }));
    await this.apply(outcomes, now);
    return outcomes;
  }

  /**
   * Pending payments whose outcome never came: the key tells. A charge the gateway never received
   * is sent again under the same key (the gateway answers the first outcome if it did receive it).
   */
  async resolvePending(payments: GatewayPaymentRow[], now: Date): Promise<Outcome[]> {
    const outcomes = await boundedMap(payments, this.config.concurrency, async (payment) => {
      let outcome: ChargeOutcome | null;
      try {
        outcome = await this.gateway.findCharge(payment.idempotencyKey);
      } catch (e) {
        return { payment, outcome: { status: 'unknown', reason: (e as Error).message } as ChargeOutcome };
      }
      if (outcome) return { payment, outcome };
      return {
        payment,
        outcome: await this.gateway.charge({
          token: payment.gatewayToken,
          amount: Money.fromStored(payment.amount, payment.currency),
          idempotencyKey: payment.idempotencyKey,
        }),
      };
    });
    await this.apply(outcomes, now);
    return outcomes;
  }

  /** Applies outcomes in one transaction (outside any API request's idempotency record). */
  async apply(outcomes: Outcome[], now: Date): Promise<void> {
    if (!outcomes.length) return;
    await idempotencyStorage.exit(() =>
      this.tx.run(async (tx) => this.applyIn(tx, outcomes, now), { timeoutMs: 10 * 60_000 }),
    );
  }

  async applyIn(tx: Tx, outcomes: Outcome[], now: Date): Promise<void> {
    const succeeded = outcomes.flatMap((o) =>
      o.outcome.status === 'succeeded' ? [{ id: o.payment.id, chargeId: o.outcome.chargeId }] : [],
    );
    const declined = outcomes.flatMap((o) =>
      o.outcome.status === 'declined' ? [{ id: o.payment.id, reason: o.outcome.reason }] : [],
    );
    const unknown = outcomes.filter((o) => o.outcome.status === 'unknown').map((o) => o.payment.id);
    const moved = await this.repo.markSucceeded(tx, succeeded, now);
    await this.book(tx, moved);
    const { failed } = await this.repo.markDeclined(tx, declined, now, this.config.retryScheduleMs);
    const arrears = [...new Set(failed.filter((p) => p.purpose !== 'bill').map((p) => p.customerId))];
    await this.repo.markInArrears(tx, arrears, now);
    for (const customerId of arrears)
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        action: 'customer.payg_in_arrears',
        entityType: 'customer',
        entityId: customerId,
        payload: { reason: 'automatic deduction failed after every retry' },
      });
    await this.repo.touchPending(tx, unknown, 'outcome unknown (timeout): waiting for the webhook or the key query');
    if (arrears.length) this.logger.warn(`${arrears.length} pay-as-you-go customer(s) now in arrears`);
  }

  /** Journals for payments that just succeeded, and the repayment records of the bills they pay. */
  private async book(tx: Tx, moved: GatewayPaymentRow[]): Promise<void> {
    if (!moved.length) return;
    const journals: JournalRequest[] = [];
    const billRows: RepaymentInsert[] = [];
    const deltas: { billId: string; delta: string }[] = [];
    const billPayments = moved.filter((p) => p.billId);
    const open = new Map(
      (await this.receivables.lockOpenBills(tx, [...new Set(billPayments.map((p) => p.customerId))])).map((b) => [
        b.id,
        b,
      ]),
    );
    const journalIdOf = new Map<string, string>();
    for (const p of moved) {
      const amount = Money.fromStored(p.amount, p.currency);
      const source = externalAccount(p.channel, p.currency);
      const id = randomUUID();
      journalIdOf.set(p.id, id);
      if (p.billId) {
        // the bill may have been paid otherwise while the outcome was unknown: the rest is the customer's cash
        const bill = open.get(p.billId);
        const toBill = bill ? amount.min(Money.fromStored(bill.open, p.currency)) : Money.zero(p.currency);
        const toCash = amount.minus(toBill);
        const legs = [{ account: source, amount: amount.negated() }];
        if (toBill.isPositive()) legs.push({ account: receivables(p.customerId, p.currency), amount: toBill });
        if (toCash.isPositive()) legs.push({ account: cashAccount(p.customerId, p.currency), amount: toCash });
        journals.push({
          id,
          idempotencyKey: `gateway-payment:${p.id}`,
          kind: 'gateway_payment',
          description: `payment of bill ${bill?.reference ?? p.billId} through ${p.channel}`,
          legs,
          metadata: { customerId: p.customerId, paymentId: p.id, billId: p.billId, excessToCash: toCash.toString() },
        });
        if (toBill.isPositive()) {
          billRows.push({
            billId: p.billId,
            customerId: p.customerId,
            method: 'external',
            amount: toBill.toString(),
            currency: p.currency,
            journalEntryId: id,
            remittanceId: null,
          });
          deltas.push({ billId: p.billId, delta: toBill.toString() });
        }
      } else {
        journals.push({
          id,
          idempotencyKey: `gateway-payment:${p.id}`,
          kind: 'payg_deduction',
          description: `pay-as-you-go deduction through ${p.channel} (${p.purpose === 'payg_month_end' ? 'month end' : 'threshold'})`,
          legs: [
            { account: source, amount: amount.negated() },
            { account: receivables(p.customerId, p.currency), amount },
          ],
          metadata: { customerId: p.customerId, paymentId: p.id },
        });
      }
    }
    const posted = await this.ledger.postMany(tx, journals);
    await this.repo.setJournal(
      tx,
      moved.map((p, n) => ({ id: p.id, journalEntryId: posted[n].journalEntryId })),
    );
    // a replayed journal (already posted) already has its repayments
    const fresh = new Set(posted.filter((j) => j.created).map((j) => j.journalEntryId));
    await this.receivables.applyBillPayments(
      tx,
      deltas.filter((d, n) => fresh.has(billRows[n].journalEntryId)),
    );
    await this.receivables.insertRepayments(
      tx,
      billRows.filter((r) => fresh.has(r.journalEntryId)),
    );
    await this.applyPrepaid(
      tx,
      moved.filter((p) => !p.billId).map((p) => p.id),
    );
  }

  /** Deducted pay-as-you-go charges that are on a bill pay it (see PrepaidChargesService). */
  applyPrepaid(tx: Tx, paymentIds: string[] | null): Promise<number> {
    return this.prepaid.apply(tx, { paymentIds });
  }
}
