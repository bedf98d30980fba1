import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { notFound, conflict } from '@remitd/core';
import { Money } from '@remitd/money';
import { AuditRepository, PrismaService, TransactionRunner, idempotencyStorage, type Actor } from '@remitd/persistence';
import { GatewayPaymentsService } from './gateway-payments.service';
import { noDefaultMethod, paymentDeclined, paymentPending } from './payments.errors';
import { PaymentsRepository, type GatewayPaymentRow } from './payments.repository';

export interface GatewayPaymentView {
  id: string;
  customerId: string;
  billId: string | null;
  paymentMethodId: string;
  channel: string;
  purpose: string;
  amount: string;
  currency: string;
  /** pending: the gateway's answer is not known yet; the bill must not be paid again meanwhile */
  status: string;
  attempt: number;
  gatewayChargeId: string | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  journalEntryId: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

export const paymentView = (p: GatewayPaymentRow): GatewayPaymentView => ({
  id: p.id,
  customerId: p.customerId,
  billId: p.billId,
  paymentMethodId: p.paymentMethodId,
  channel: p.channel,
  purpose: p.purpose,
  amount: Money.fromStored(p.amount, p.currency).toString(),
  currency: p.currency,
  status: p.status,
  attempt: p.attempt,
  gatewayChargeId: p.gatewayChargeId,
  nextAttemptAt: p.nextAttemptAt,
  lastError: p.lastError,
  journalEntryId: p.journalEntryId,
  createdAt: p.createdAt,
  resolvedAt: p.resolvedAt,
});

/**
 * Paying one bill through the gateway with a linked method (default: the last method used, else
 * the default one; seed 000: "The system defaults to the last used method"). The payment is
 * committed pending before the gateway is asked; a timeout leaves it pending, and while it is, a
 * second payment of the bill is refused (seed 000: "Do not make a duplicate payment during this
 * time") unless the caller insists with `force`.
 *
 * A retry of the same request (same Idempotency-Key) finds the same payment and answers its
 * state now: the gateway is never asked under a second key for one request.
 */
@Injectable()
export class BillGatewayPaymentUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly prisma: PrismaService,
    private readonly repo: PaymentsRepository,
    private readonly payments: GatewayPaymentsService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(cmd: {
    actor: Actor;
    billId: string;
    paymentMethodId?: string;
    amount?: string;
    force?: boolean;
    idempotencyKey: string;
  }): Promise<GatewayPaymentView> {
    const key = `bill:${cmd.actor.id}:${cmd.idempotencyKey}`;
    const again = await this.repo.paymentByKey(this.prisma, `${key}:1`);
    if (again) return this.answer(again);
    const bill = await this.repo.bill(this.prisma, cmd.billId);
    if (!bill || (cmd.actor.role === 'member' && cmd.actor.customerId !== bill.customerId))
      throw notFound('bill', cmd.billId);
    if (bill.status === 'settled')
      throw conflict('BILL_NOT_PAYABLE', `bill ${bill.reference} is settled: nothing to pay`);
    const outstanding = Money.fromStored(bill.outstanding, bill.currency);
    const amount = cmd.amount !== undefined ? Money.of(cmd.amount, bill.currency, 'amount') : outstanding;
    if (!amount.isPositive() || amount.gt(outstanding))
      throw conflict(
        'AMOUNT_ABOVE_OUTSTANDING',
        `amount: ${amount.toString()} must be > 0 and ≤ the ${outstanding.toString()} ${bill.currency} outstanding`,
      );
    const paymentId = randomUUID();
    const opened = await idempotencyStorage.exit(() =>
      this.tx.run(async (tx) => {
        await this.repo.lockCustomerMethods(tx, bill.customerId);
        const pending = await this.repo.pendingForBill(tx, bill.id);
        if (pending && !cmd.force) throw paymentPending(bill.reference, pending.id);
        const account = await this.repo.account(tx, bill.customerId);
        const method = cmd.paymentMethodId
          ? await this.repo.method(tx, bill.customerId, cmd.paymentMethodId)
          : ((account?.lastMethodId ? await this.repo.method(tx, bill.customerId, account.lastMethodId) : null) ??
            (await this.repo.defaultMethod(tx, bill.customerId)));
        if (cmd.paymentMethodId && !method) throw notFound('payment method', cmd.paymentMethodId);
        if (!method) throw noDefaultMethod(bill.customerId);
        await this.repo.insertBillPayment(tx, {
          id: paymentId,
          customerId: bill.customerId,
          billId: bill.id,
          methodId: method.id,
          channel: method.kind,
          amount: amount.toString(),
          currency: bill.currency,
          idempotencyKey: `${key}:1`,
          forced: !!cmd.force && !!pending,
          createdBy: cmd.actor.id,
        });
        await this.repo.setLastMethod(tx, bill.customerId, method.id);
        await this.audit.record(tx, {
          actor: cmd.actor,
          action: 'bill.gateway_payment',
          entityType: 'bill',
          entityId: bill.id,
          payload: {
            paymentId,
            paymentMethodId: method.id,
            amount: amount.toString(),
            currency: bill.currency,
            ...(pending ? { forcedPast: pending.id } : {}),
          },
        });
        return (await this.repo.payment(tx, paymentId))!;
      }),
    );
    await this.payments.chargeAndSettle([opened], new Date());
    return this.answer((await this.repo.payment(this.prisma, paymentId))!);
  }

  private answer(p: GatewayPaymentRow): GatewayPaymentView {
    if (p.status === 'failed') throw paymentDeclined(p.lastError ?? 'declined');
    return paymentView(p);
  }

  async list(customerId: string, limit = 100): Promise<GatewayPaymentView[]> {
    return (await this.repo.customerPayments(this.prisma, customerId, limit)).map(paymentView);
  }

  async get(id: string): Promise<GatewayPaymentView> {
    const p = await this.repo.payment(this.prisma, id);
    if (!p) throw notFound('payment', id);
    return paymentView(p);
  }
}
