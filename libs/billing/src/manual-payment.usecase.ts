import { CustomerRepository } from '@remitd/customers';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApprovalsService, makerOf, type ApprovalExecutor, type ApprovalRequestView } from '@remitd/access';
import { conflict, notFound, validationError } from '@remitd/core';
import { LedgerRepository, cashAccount, externalAccount, receivables } from '@remitd/ledger';
import { Money } from '@remitd/money';
import {
  AuditRepository,
  SqlTransactions,
  TransactionRunner,
  type Actor,
  type SqlTx,
  type Tx,
} from '@remitd/persistence';
import { BillPaymentService, type SourceAccount } from './bill-payment.service';
import { BillingRepository } from './billing.repository';
import { WriteOffRequestsRepository } from './write-off-requests.repository';
import { availableCredit } from './funding-sources';
import type { SourceAllocation } from './pay-bills';
import { PAYMENT_CHANNELS, channelForbidden, channelNamed, type PaymentChannel } from './payment-channel';

export interface ManualPaymentCommand {
  actor: Actor;
  billId: string;
  /** total to pay: defaults to the outstanding amount */
  amount?: string;
  /** the part taken from the account balance (default: everything not paid externally) */
  fromBalance?: string;
  external?: { channel: string; amount: string; reference?: string };
  /** the API's Idempotency-Key: the journal key, so a retry never pays twice */
  idempotencyKey: string;
}

/** What a manual payment request answers: the payment, or the approval request it waits on. */
export type ManualPaymentOutcome = ManualPaymentResult | PendingApproval;
export interface ManualPaymentResult {
  billId: string;
  billReference: string;
  currency: string;
  amount: string;
  fromBalance: string;
  external: string;
  externalReference: string | null;
  journalEntryId: string | null;
  billStatus: string;
  outstanding: string;
}
export interface PendingApproval {
  state: 'pending_approval';
  approvalRequest: ApprovalRequestView;
}

/**
 * A manual payment of one bill (seed 002): the amount defaults to what is outstanding and may
 * be changed; part from the balance (within available credit) and part through an external
 * channel. Automatic write-off is paused for the customer while it runs (it holds the
 * customer's payment lock) and resumes after.
 *
 * Each channel names the roles that may use it (issue 11 item 2): money received outside
 * remitd (offline) is recorded by finance and administrators only; an account manager's
 * offline payment becomes an approval request, paid when a checker approves it; members pay
 * from their balance (or through a gateway whose charge the server confirms).
 */
@Injectable()
export class ManualPaymentUseCase implements ApprovalExecutor, OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sql: SqlTransactions,
    private readonly repo: BillingRepository,
    private readonly customers: CustomerRepository,
    private readonly ledger: LedgerRepository,
    private readonly payments: BillPaymentService,
    private readonly audit: AuditRepository,
    @Inject(PAYMENT_CHANNELS) private readonly channels: PaymentChannel[],
    private readonly approvals: ApprovalsService,
    private readonly writeOffRequests: WriteOffRequestsRepository,
  ) {}

  onModuleInit(): void {
    this.approvals.register('offline_payment', this);
  }

  async execute(cmd: ManualPaymentCommand): Promise<ManualPaymentOutcome> {
    const channel = this.channelFor(cmd);
    const asRequest = !!channel && !channel.roles.includes(cmd.actor.role);
    if (asRequest && !channel.requestRoles?.includes(cmd.actor.role))
      throw channelForbidden(channel.name, cmd.actor.role, channel.roles);
    if (channel && cmd.external) channel.validate?.(cmd.external);
    // an approval request is written through the ORM; a payment (the hot path) on a plain connection
    if (asRequest) return this.tx.run((tx) => this.pay(tx, cmd, { requestOn: tx }));
    return this.sql.run((tx) => this.pay(tx, cmd, 'pay'), { idempotent: true, prepared: true });
  }

  /** An approved offline payment: paid as the maker asked, once (the journal key is the request's). */
  async executeApproved(tx: Tx, request: ApprovalRequestView) {
    const p = request.payload as Omit<ManualPaymentCommand, 'actor' | 'idempotencyKey'>;
    return this.pay(tx, { ...p, actor: makerOf(request), idempotencyKey: `approval:${request.id}` }, 'pay', request);
  }

  private channelFor(cmd: ManualPaymentCommand): PaymentChannel | undefined {
    return cmd.external ? channelNamed(this.channels, cmd.external.channel) : undefined;
  }

  private async pay(
    tx: SqlTx,
    cmd: ManualPaymentCommand,
    mode: 'pay',
    approval?: ApprovalRequestView,
  ): Promise<ManualPaymentResult>;
  private async pay(tx: Tx, cmd: ManualPaymentCommand, mode: { requestOn: Tx }): Promise<ManualPaymentOutcome>;
  /** `mode`: pay now, or (the ORM transaction `requestOn`) file the approval request it waits on */
  private async pay(
    tx: SqlTx,
    cmd: ManualPaymentCommand,
    mode: 'pay' | { requestOn: Tx },
    approval?: ApprovalRequestView,
  ): Promise<ManualPaymentOutcome> {
    // pause automatic write-off for this customer for as long as this transaction runs (the
    // customer's payment lock, taken with the first read of the bill)
    const bill0 = await this.repo.billTakingPaymentLock(tx, cmd.billId);
    if (!bill0) throw notFound('bill', cmd.billId);
    if (cmd.actor.role === 'member' && cmd.actor.customerId !== bill0.customerId) throw notFound('bill', cmd.billId);
    const ccy = bill0.currency;
    const externalPart = cmd.external ? Money.of(cmd.external.amount, ccy, 'external.amount') : Money.zero(ccy);
    const channel = this.channelFor(cmd);
    const [payer] = await this.customers.byIds(tx, [bill0.customerId], { lock: true });
    const [bill] = await this.repo.lockOpenBills(tx, [bill0.customerId], [bill0.id]);
    if (!bill)
      throw conflict(
        'BILL_NOT_PAYABLE',
        `bill ${bill0.reference} is ${bill0.status}${bill0.issuedAt > new Date() ? ' (not issued yet)' : ''}: nothing to pay`,
      );
    const outstanding = Money.fromStored(bill.amount, ccy).minus(Money.fromStored(bill.paid, ccy));
    const total = cmd.amount !== undefined ? Money.of(cmd.amount, ccy, 'amount') : outstanding;
    if (!total.isPositive()) throw validationError('AMOUNT_NOT_POSITIVE', 'amount: must be > 0', 'amount');
    if (total.gt(outstanding))
      throw validationError(
        'AMOUNT_ABOVE_OUTSTANDING',
        `amount: ${total.toString()} is more than the ${outstanding.toString()} ${ccy} outstanding on ${bill.reference}`,
        'amount',
      );
    const balancePart =
      cmd.fromBalance !== undefined ? Money.of(cmd.fromBalance, ccy, 'fromBalance') : total.minus(externalPart);
    if (balancePart.isNegative() || externalPart.isNegative())
      throw validationError('NEGATIVE_PART', 'fromBalance and external.amount must be ≥ 0', 'fromBalance');
    if (!balancePart.plus(externalPart).equals(total)) {
      throw validationError(
        'PARTS_DO_NOT_ADD_UP',
        `fromBalance (${balancePart.toString()}) + external.amount (${externalPart.toString()}) must equal amount (${total.toString()})`,
        'fromBalance',
      );
    }
    const cash = cashAccount(payer.id, ccy);
    // both accounts the payment moves, locked together in id order (as every journal locks)
    const balances = await this.ledger.lockBalances(tx, [cash, receivables(payer.id, ccy)]);
    const credit = availableCredit(payer, balances.get(cash.code) ?? '0');
    if (balancePart.gt(credit)) {
      throw conflict(
        'INSUFFICIENT_AVAILABLE_CREDIT',
        `fromBalance: ${balancePart.toString()} ${ccy} exceeds the available credit ${credit.toString()} (cash balance + credit limit − frozen amount)`,
      );
    }
    if (mode !== 'pay') {
      // nothing moves until a checker approves: the request holds the maker's command
      const { actor: _actor, idempotencyKey: _key, ...command } = cmd;
      const approvalRequest = await this.approvals.request(mode.requestOn, {
        maker: cmd.actor,
        kind: 'offline_payment',
        customerId: payer.id,
        payload: { ...command, amount: total.toString(), fromBalance: balancePart.toString() },
        summary: `${total.toString()} ${ccy} on ${bill.reference} (${externalPart.toString()} via ${channel!.name}${cmd.external?.reference ? `, reference ${cmd.external.reference}` : ''})`,
      });
      return { state: 'pending_approval', approvalRequest };
    }
    const sources: SourceAccount[] = [{ id: 'balance', kind: 'balance', account: cash }];
    const allocations: SourceAllocation[] = [];
    if (balancePart.isPositive())
      allocations.push({ billId: bill.id, sourceId: 'balance', kind: 'balance', amount: balancePart });
    let externalRef: string | null = null;
    if (externalPart.isPositive()) {
      const charged = await channel!.charge({
        customerId: payer.id,
        amount: externalPart,
        reference: cmd.external!.reference,
        idempotencyKey: cmd.idempotencyKey,
      });
      externalRef = charged.reference;
      sources.push({ id: 'external', kind: 'external', account: externalAccount(charged.channel, ccy) });
      allocations.push({ billId: bill.id, sourceId: 'external', kind: 'external', amount: externalPart });
    }
    const minCash = Money.fromStored(payer.frozenAmount, ccy).minus(Money.fromStored(payer.creditLimit, ccy));
    const result = await this.payments.execute(tx, {
      key: `manual-payment:${cmd.actor.id}:${cmd.idempotencyKey}`,
      kind: 'manual_payment',
      description: `manual payment of ${bill.reference}`,
      customerId: payer.id,
      currency: ccy,
      allocations,
      sources,
      guards: [{ account: cash, min: minCash, code: 'INSUFFICIENT_AVAILABLE_CREDIT' }],
      metadata: { externalReference: externalRef, actor: cmd.actor.id },
    });
    await this.audit.record(tx, {
      actor: cmd.actor,
      action: 'bill.manual_payment',
      entityType: 'bill',
      entityId: bill.id,
      payload: {
        amount: total.toString(),
        fromBalance: balancePart.toString(),
        external: externalPart.toString(),
        externalReference: externalRef,
        currency: ccy,
        ...(approval ? { approvalRequestId: approval.id } : {}),
      },
    });
    await this.writeOffRequests.afterManualPayment(tx, payer);
    // the bill as the payment left it (a replay of the journal moved nothing: read it)
    const after = result.bills.find((b) => b.id === bill.id) ?? (await this.repo.bill(bill.id, tx));
    return {
      billId: bill.id,
      billReference: bill.reference,
      currency: ccy,
      amount: total.toString(),
      fromBalance: balancePart.toString(),
      external: externalPart.toString(),
      externalReference: externalRef,
      journalEntryId: result.journalEntryId,
      billStatus: after!.status,
      outstanding: Money.fromStored(after!.amount, ccy).minus(Money.fromStored(after!.paid, ccy)).toString(),
    };
  }
}
