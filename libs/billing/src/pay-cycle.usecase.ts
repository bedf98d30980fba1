import { Inject, Injectable } from '@nestjs/common';
import { CustomerRepository } from '@remitd/customers';
import { conflict, notFound, validationError } from '@remitd/core';
import { LedgerRepository, cashAccount, externalAccount, refundAccount } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { BillPaymentService, type SourceAccount } from './bill-payment.service';
import { BillingRepository } from './billing.repository';
import { availableCredit } from './funding-sources';
import { payBills, type FundSource, type SourceAllocation } from './pay-bills';
import { PAYMENT_CHANNELS, channelForbidden, channelNamed, type PaymentChannel } from './payment-channel';
import { WriteOffRequestsRepository } from './write-off-requests.repository';

export interface PayCycleCommand {
  actor: Actor;
  customerId: string;
  billingCycle: string;
  /** "Use Account Balance" (default true) */
  useAccountBalance?: boolean;
  /** what the balance and the cycle's refunds leave, through an external channel */
  external?: { channel: string; reference?: string };
  idempotencyKey: string;
}

export interface PayCycleResult {
  customerId: string;
  billingCycle: string;
  currency: string;
  fromRefunds: string;
  fromBalance: string;
  external: string;
  externalReference: string | null;
  /** what is still unpaid on the cycle's bills (no external channel given, or not enough) */
  outstanding: string;
  journalEntryId: string | null;
  bills: { billId: string; reference: string; paid: string; status: string; outstanding: string }[];
}

/**
 * Pay by billing cycle (seed 000, credit control, "Use Account Balance"): the refunds of that
 * cycle and the account balance (within available credit) pay the cycle's unpaid bills oldest
 * first; the rest goes through the chosen external channel. A refund of an earlier cycle is never
 * used here ("consistency between invoices and bills"); a refund of a later cycle only when "write
 * off past bills" is on. Holds the customer's payment lock, so automatic write-off pauses and
 * resumes after (the customer is queued for the sweep).
 */
@Injectable()
export class PayCycleUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: BillingRepository,
    private readonly customers: CustomerRepository,
    private readonly ledger: LedgerRepository,
    private readonly payments: BillPaymentService,
    private readonly audit: AuditRepository,
    private readonly writeOffRequests: WriteOffRequestsRepository,
    @Inject(PAYMENT_CHANNELS) private readonly channels: PaymentChannel[],
  ) {}

  async execute(cmd: PayCycleCommand): Promise<PayCycleResult> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(cmd.billingCycle))
      throw validationError('INVALID_CYCLE', 'billingCycle: must look like 2026-10', 'billingCycle');
    const channel = cmd.external ? this.channel(cmd.external.channel, cmd.actor) : undefined;
    if (channel && cmd.external) channel.validate?.(cmd.external);
    if (cmd.actor.role === 'member' && cmd.actor.customerId !== cmd.customerId)
      throw notFound('customer', cmd.customerId);
    return this.tx.run(async (tx) => {
      await this.repo.customerPaymentLock(tx, cmd.customerId);
      const [payer] = await this.customers.byIds(tx, [cmd.customerId], { lock: true });
      if (!payer) throw notFound('customer', cmd.customerId);
      if (!payer.creditControl)
        throw conflict(
          'NOT_ON_CREDIT_CONTROL',
          `${payer.name} is not on credit control: pay-by-cycle is for customers on credit control (pay-as-you-go is deducted from the default payment method)`,
        );
      const ccy = payer.currency;
      const bills = (await this.repo.lockOpenBills(tx, [payer.id])).filter(
        (b) => b.billingCycle === cmd.billingCycle && b.currency === ccy,
      );
      if (!bills.length)
        throw conflict('NOTHING_TO_PAY', `no unpaid issued bill of ${cmd.billingCycle} for ${payer.name}`);
      const refunds = (await this.repo.openRefunds(tx, [payer.id])).filter(
        (r) =>
          r.currency === ccy &&
          (r.billingCycle === cmd.billingCycle || (payer.writeOffPastBills && r.billingCycle > cmd.billingCycle)),
      );
      const sources: FundSource[] = refunds.map((r) => ({
        id: `refund:${r.id}`,
        kind: 'refund',
        available: Money.fromStored(r.remaining, ccy),
        eligible: () => true,
      }));
      const accounts: SourceAccount[] = refunds.map((r) => ({
        id: `refund:${r.id}`,
        kind: 'refund',
        account: refundAccount(payer.id, ccy),
        refundId: r.id,
      }));
      const cash = cashAccount(payer.id, ccy);
      if (cmd.useAccountBalance !== false) {
        const balances = await this.ledger.lockBalances(tx, [cash]);
        const credit = availableCredit(payer, balances.get(cash.code) ?? '0');
        sources.push({
          id: 'balance',
          kind: 'balance',
          available: credit.isPositive() ? credit : Money.zero(ccy),
          eligible: () => true,
        });
        accounts.push({ id: 'balance', kind: 'balance', account: cash });
      }
      const payable = bills.map((b) => ({
        id: b.id,
        billingCycle: b.billingCycle,
        issuedAt: b.issuedAt,
        open: Money.fromStored(b.amount, ccy).minus(Money.fromStored(b.paid, ccy)),
      }));
      const allocations: SourceAllocation[] = payBills(payable, sources, true);
      const covered = new Map<string, Money>();
      for (const a of allocations) covered.set(a.billId, (covered.get(a.billId) ?? Money.zero(ccy)).plus(a.amount));
      const rest = payable
        .map((b) => ({ billId: b.id, amount: b.open.minus(covered.get(b.id) ?? Money.zero(ccy)) }))
        .filter((r) => r.amount.isPositive());
      const externalTotal = rest.reduce((s, r) => s.plus(r.amount), Money.zero(ccy));
      let externalRef: string | null = null;
      if (channel && externalTotal.isPositive()) {
        const charged = await channel.charge({
          customerId: payer.id,
          amount: externalTotal,
          reference: cmd.external!.reference,
          idempotencyKey: cmd.idempotencyKey,
        });
        externalRef = charged.reference;
        accounts.push({ id: 'external', kind: 'external', account: externalAccount(charged.channel, ccy) });
        for (const r of rest)
          allocations.push({ billId: r.billId, sourceId: 'external', kind: 'external', amount: r.amount });
      }
      if (!allocations.length)
        throw conflict(
          'INSUFFICIENT_AVAILABLE_CREDIT',
          `nothing to pay ${cmd.billingCycle} with: no refund of that cycle, no available credit, and no external channel`,
        );
      const minCash = Money.fromStored(payer.frozenAmount, ccy).minus(Money.fromStored(payer.creditLimit, ccy));
      const result = await this.payments.execute(tx, {
        key: `cycle-payment:${cmd.actor.id}:${cmd.idempotencyKey}`,
        kind: 'cycle_payment',
        description: `payment of the ${cmd.billingCycle} bills`,
        customerId: payer.id,
        currency: ccy,
        allocations,
        sources: accounts,
        guards: [{ account: cash, min: minCash, code: 'INSUFFICIENT_AVAILABLE_CREDIT' }],
        metadata: { externalReference: externalRef, actor: cmd.actor.id, billingCycle: cmd.billingCycle },
      });
      const sum = (kind: string) =>
        allocations
          .filter((a) => a.kind === kind)
          .reduce((s, a) => s.plus(a.amount), Money.zero(ccy))
          .toString();
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'customer.cycle_payment',
        entityType: 'customer',
        entityId: payer.id,
        payload: {
          billingCycle: cmd.billingCycle,
          fromRefunds: sum('refund'),
          fromBalance: sum('balance'),
          external: sum('external'),
          externalReference: externalRef,
          currency: ccy,
        },
      });
      await this.writeOffRequests.afterManualPayment(tx, payer);
      const after = await Promise.all(bills.map((b) => this.repo.bill(b.id, tx)));
      const open = (b: NonNullable<(typeof after)[number]>) =>
        Money.fromStored(b.amount, ccy).minus(Money.fromStored(b.paid, ccy));
      return {
        customerId: payer.id,
        billingCycle: cmd.billingCycle,
        currency: ccy,
        fromRefunds: sum('refund'),
        fromBalance: sum('balance'),
        external: sum('external'),
        externalReference: externalRef,
        outstanding: after.reduce((s, b) => s.plus(open(b!)), Money.zero(ccy)).toString(),
        journalEntryId: result.journalEntryId,
        bills: after.map((b) => ({
          billId: b!.id,
          reference: b!.reference,
          paid: Money.fromStored(b!.paid, ccy).toString(),
          status: b!.status,
          outstanding: open(b!).toString(),
        })),
      };
    });
  }

  private channel(name: string, actor: Actor): PaymentChannel {
    const channel = channelNamed(this.channels, name);
    if (!channel.roles.includes(actor.role)) throw channelForbidden(name, actor.role, channel.roles);
    return channel;
  }
}
