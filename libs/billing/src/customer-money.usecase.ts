import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ApprovalsService,
  assertCustomerScope,
  makerOf,
  type ApprovalExecutor,
  type ApprovalRequestView,
} from '@remitd/access';
import { conflict, notFound, validationError } from '@remitd/core';
import { LedgerService, cardAccount, cashAccount, externalAccount, refundAccount, transfer } from '@remitd/ledger';
import { Money } from '@remitd/money';
import {
  AuditRepository,
  PrismaService,
  TransactionRunner,
  isUniqueViolation,
  type Actor,
  type Tx,
} from '@remitd/persistence';
import { CustomerRepository } from '@remitd/customers';
import { CreditFundsPort } from '@remitd/reconciliation';
import { AutoWriteOffUseCase } from './auto-write-off.usecase';
import { BillPaymentService } from './bill-payment.service';
import { BillingRepository } from './billing.repository';
import { assertCycle } from './cycles';
import { couponView, refundView } from './billing-queries';
import { payBills } from './pay-bills';

/**
 * Money a person moves for a customer: top-ups recorded by finance, transfers between a main
 * account and its members, credit-control refunds, stored-value cards and coupons. Each runs in
 * one transaction with its journal (idempotent on the API's Idempotency-Key) and an audit row,
 * and new funds go to the customer's bills the same way remitted funds do.
 */
const couponCodeTaken = (code: string) =>
  conflict(
    'COUPON_CODE_TAKEN',
    `code: a coupon with the code "${code}" already exists; choose another or leave it out`,
  );

@Injectable()
export class CustomerMoneyUseCases implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly prisma: PrismaService,
    private readonly ledger: LedgerService,
    private readonly credits: CreditFundsPort,
    private readonly customers: CustomerRepository,
    private readonly repo: BillingRepository,
    private readonly payments: BillPaymentService,
    private readonly writeOff: AutoWriteOffUseCase,
    private readonly audit: AuditRepository,
    private readonly approvals: ApprovalsService,
  ) {}

  onModuleInit(): void {
    const coupons: ApprovalExecutor = {
      executeApproved: (tx, request) => {
        const p = request.payload as { customerId: string; amount: string; validUntil: string; code?: string };
        return this.issueCouponInTx(tx, { ...p, actor: makerOf(request) }, request);
      },
    };
    this.approvals.register('coupon', coupons);
  }

  /** A bank transfer entered by finance (e.g. received on another account): credited and settled like a remittance. */
  async topUp(cmd: {
    actor: Actor;
    customerId: string;
    amount: string;
    reference: string;
    collectionAccountId?: string | null;
    idempotencyKey: string;
  }) {
    if (!cmd.reference?.trim())
      throw validationError('REFERENCE_REQUIRED', 'reference: the bank reference of the transfer', 'reference');
    return this.tx.run(async (tx) => {
      const [customer] = await this.customers.byIds(tx, [cmd.customerId], { lock: true });
      if (!customer) throw notFound('customer', cmd.customerId);
      const amount = Money.of(cmd.amount, customer.currency, 'amount');
      if (!amount.isPositive()) throw validationError('AMOUNT_NOT_POSITIVE', 'amount: must be > 0', 'amount');
      const key = `top-up:${cmd.actor.id}:${cmd.idempotencyKey}`;
      const outcome = await this.credits.credit(tx, {
        customer,
        amount,
        collectionAccountId: cmd.collectionAccountId ?? null,
        key,
        reference: cmd.reference,
        // members read this line in their statement: the role, never a person (issue 11 item 12)
        description: `top-up recorded by ${roleLabel(cmd.actor.role)}: ${cmd.reference}`,
        recordedBy: { id: cmd.actor.id, role: cmd.actor.role, name: cmd.actor.name ?? null },
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'customer.top_up',
        entityType: 'customer',
        entityId: customer.id,
        payload: { amount: amount.toString(), currency: amount.currency, reference: cmd.reference },
      });
      return {
        customerId: customer.id,
        amount: amount.toString(),
        currency: amount.currency,
        journalEntryId: outcome.creditJournalId,
        billsSettled: outcome.settled,
        balance: outcome.balanceAfter.toString(),
      };
    });
  }

  async createRelationship(cmd: { actor: Actor; mainCustomerId: string; memberCustomerId: string }) {
    if (cmd.mainCustomerId === cmd.memberCustomerId)
      throw validationError('SAME_CUSTOMER', 'memberCustomerId: a customer cannot manage itself', 'memberCustomerId');
    return this.tx.run(async (tx) => {
      const both = await this.customers.byIds(tx, [cmd.mainCustomerId, cmd.memberCustomerId], { lock: true });
      if (both.length !== 2)
        throw notFound(
          'customer',
          both.some((c) => c.id === cmd.mainCustomerId) ? cmd.memberCustomerId : cmd.mainCustomerId,
        );
      const existing = await tx.financialRelationship.findFirst({
        where: { memberCustomerId: cmd.memberCustomerId, endedAt: null },
      });
      if (existing)
        throw conflict(
          'MEMBER_ALREADY_MANAGED',
          `customer ${cmd.memberCustomerId} is already managed by ${existing.mainCustomerId}`,
        );
      const r = await tx.financialRelationship.create({
        data: { mainCustomerId: cmd.mainCustomerId, memberCustomerId: cmd.memberCustomerId, createdBy: cmd.actor.id },
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'relationship.create',
        entityType: 'financial_relationship',
        entityId: r.id,
        payload: { main: cmd.mainCustomerId, member: cmd.memberCustomerId },
      });
      return r;
    });
  }

  async endRelationship(cmd: { actor: Actor; id: string }) {
    return this.tx.run(async (tx) => {
      const r = await tx.financialRelationship.findUnique({ where: { id: cmd.id } });
      if (!r) throw notFound('financial relationship', cmd.id);
      // a customer's own users may end what their main account set up (seed 000: "Manage Billing Relationship")
      assertCustomerScope(cmd.actor, r.mainCustomerId);
      if (r.endedAt) return r;
      const ended = await tx.financialRelationship.update({ where: { id: cmd.id }, data: { endedAt: new Date() } });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'relationship.end',
        entityType: 'financial_relationship',
        entityId: r.id,
        payload: {},
      });
      return ended;
    });
  }

  /** with the names of both sides: a member may not read the other customer, but must know whom it pays */
  async listRelationships(customerId: string) {
    const rows = await this.prisma.financialRelationship.findMany({
      where: { OR: [{ mainCustomerId: customerId }, { memberCustomerId: customerId }] },
      orderBy: { createdAt: 'desc' },
    });
    const ids = [...new Set(rows.flatMap((r) => [r.mainCustomerId, r.memberCustomerId]))];
    const names = new Map(
      (
        await this.prisma.customer.findMany({
          where: { id: { in: ids } },
          select: { id: true, name: true, reference: true },
        })
      ).map((c) => [c.id, c]),
    );
    return rows.map((r) => ({
      ...r,
      mainCustomerName: names.get(r.mainCustomerId)?.name ?? '',
      mainCustomerReference: names.get(r.mainCustomerId)?.reference ?? '',
      memberCustomerName: names.get(r.memberCustomerId)?.name ?? '',
      memberCustomerReference: names.get(r.memberCustomerId)?.reference ?? '',
    }));
  }

  /** Main → member (or back) within an active financial-management relationship; never overdraws the payer's cash. */
  async transfer(cmd: {
    actor: Actor;
    fromCustomerId: string;
    toCustomerId: string;
    amount: string;
    idempotencyKey: string;
  }) {
    return this.tx.run(async (tx) => {
      const rel = await tx.financialRelationship.findFirst({
        where: {
          endedAt: null,
          OR: [
            { mainCustomerId: cmd.fromCustomerId, memberCustomerId: cmd.toCustomerId },
            { mainCustomerId: cmd.toCustomerId, memberCustomerId: cmd.fromCustomerId },
          ],
        },
      });
      if (!rel)
        throw conflict(
          'NO_FINANCIAL_RELATIONSHIP',
          'transfers need an active financial-management relationship between the two customers',
        );
      if (cmd.actor.role === 'member' && cmd.actor.customerId !== rel.mainCustomerId)
        throw validationError(
          'ONLY_MAIN_ACCOUNT',
          'fromCustomerId: only the main account moves money between its members',
          'fromCustomerId',
        );
      const [from, to] = [cmd.fromCustomerId, cmd.toCustomerId].map((id) => id);
      const payers = await this.customers.byIds(tx, [from, to], { lock: true });
      const payer = payers.find((p) => p.id === from)!;
      const payee = payers.find((p) => p.id === to)!;
      if (payer.currency !== payee.currency)
        throw conflict(
          'CURRENCY_MISMATCH',
          `${payer.name} bills in ${payer.currency}, ${payee.name} in ${payee.currency}`,
        );
      const amount = Money.of(cmd.amount, payer.currency, 'amount');
      if (!amount.isPositive()) throw validationError('AMOUNT_NOT_POSITIVE', 'amount: must be > 0', 'amount');
      const src = cashAccount(from, payer.currency);
      const j = await this.ledger.post(tx, {
        idempotencyKey: `transfer:${cmd.actor.id}:${cmd.idempotencyKey}`,
        kind: 'customer_transfer',
        description: `transfer ${payer.name} → ${payee.name}`,
        metadata: { relationshipId: rel.id },
        legs: transfer(src, cashAccount(to, payer.currency), amount),
        guards: [
          {
            account: src,
            min: Money.zero(payer.currency),
            code: 'INSUFFICIENT_BALANCE',
            message: `amount: ${payer.name} has less than ${amount.toString()} ${payer.currency} in cash`,
          },
        ],
      });
      const writeOff = await this.writeOff.inTx(tx, [to], 'transfer received');
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'customer.transfer',
        entityType: 'customer',
        entityId: from,
        payload: { to, amount: amount.toString(), currency: amount.currency },
      });
      return {
        journalEntryId: j.journalEntryId,
        from,
        to,
        amount: amount.toString(),
        currency: amount.currency,
        automaticBillSettlement: writeOff,
        /** @deprecated the same as automaticBillSettlement */
        writeOff,
      };
    });
  }

  /**
   * A credit-control refund lands in the refund balance; it pays bills of its cycle or later
   * right away when automatic bill settlement is on (older ones only with "write off past bills",
   * oldest first); the rest waits.
   */
  async refund(cmd: {
    actor: Actor;
    customerId: string;
    amount: string;
    billingCycle: string;
    reason: string;
    idempotencyKey: string;
  }) {
    assertCycle(cmd.billingCycle);
    if (!cmd.reason?.trim()) throw validationError('REASON_REQUIRED', 'reason: why the customer is refunded', 'reason');
    return this.tx.run(async (tx) => {
      const [payer] = await this.customers.byIds(tx, [cmd.customerId], { lock: true });
      if (!payer) throw notFound('customer', cmd.customerId);
      const amount = Money.of(cmd.amount, payer.currency, 'amount');
      if (!amount.isPositive()) throw validationError('AMOUNT_NOT_POSITIVE', 'amount: must be > 0', 'amount');
      const j = await this.ledger.post(tx, {
        idempotencyKey: `refund:${cmd.actor.id}:${cmd.idempotencyKey}`,
        kind: 'credit_control_refund',
        description: `refund for ${cmd.billingCycle}: ${cmd.reason}`,
        legs: transfer(externalAccount('refunds', payer.currency), refundAccount(payer.id, payer.currency), amount),
      });
      if (!j.created) {
        const prior = await tx.refund.findFirst({
          where: { customerId: payer.id, createdBy: cmd.actor.id, reason: cmd.reason, billingCycle: cmd.billingCycle },
          orderBy: { createdAt: 'desc' },
        });
        return { refund: prior && refundView(prior), replayed: true };
      }
      const refund = await tx.refund.create({
        data: {
          customerId: payer.id,
          billingCycle: cmd.billingCycle,
          currency: payer.currency,
          amount: amount.toString(),
          remaining: amount.toString(),
          reason: cmd.reason,
          createdBy: cmd.actor.id,
        },
      });
      // the Automatic Bill Settlement switch (issue 14): off, the refund waits in the refund balance
      // for a manual payment or a payment by cycle
      const paid = !payer.autoWriteOff
        ? []
        : await this.payFromRefund(
            tx,
            payer.id,
            payer.writeOffPastBills,
            payer.partialLastBill,
            refund.id,
            cmd.billingCycle,
            amount,
          );
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'customer.refund',
        entityType: 'refund',
        entityId: refund.id,
        payload: {
          customerId: payer.id,
          amount: amount.toString(),
          currency: payer.currency,
          billingCycle: cmd.billingCycle,
        },
      });
      const stored = await tx.refund.findUniqueOrThrow({ where: { id: refund.id } });
      return { refund: refundView(stored), billsPaid: paid, replayed: false };
    });
  }

  private async payFromRefund(
    tx: Tx,
    customerId: string,
    pastToo: boolean,
    partial: boolean,
    refundId: string,
    cycle: string,
    amount: Money,
  ) {
    const bills = await this.repo.lockOpenBills(tx, [customerId]);
    const allocations = payBills(
      bills
        .filter((b) => b.currency === amount.currency)
        .map((b) => ({
          id: b.id,
          billingCycle: b.billingCycle,
          issuedAt: b.issuedAt,
          open: Money.fromStored(b.amount, b.currency).minus(Money.fromStored(b.paid, b.currency)),
        })),
      [
        {
          id: `refund:${refundId}`,
          kind: 'refund',
          available: amount,
          eligible: (b) => pastToo || b.billingCycle >= cycle,
        },
      ],
      partial,
    );
    const r = await this.payments.execute(tx, {
      key: `refund-payment:${refundId}`,
      kind: 'refund_payment',
      description: `refund ${refundId} pays bills`,
      customerId,
      currency: amount.currency,
      allocations,
      sources: [
        { id: `refund:${refundId}`, kind: 'refund', account: refundAccount(customerId, amount.currency), refundId },
      ],
    });
    return r.repayments;
  }

  /** A stored-value card: prepaid value for one month's bills (seed 000). */
  async issueCard(cmd: {
    actor: Actor;
    customerId: string;
    amount: string;
    validMonth: string;
    idempotencyKey: string;
  }) {
    assertCycle(cmd.validMonth, 'validMonth');
    return this.tx.run(async (tx) => {
      const [payer] = await this.customers.byIds(tx, [cmd.customerId], { lock: true });
      if (!payer) throw notFound('customer', cmd.customerId);
      const amount = Money.of(cmd.amount, payer.currency, 'amount');
      if (!amount.isPositive()) throw validationError('AMOUNT_NOT_POSITIVE', 'amount: must be > 0', 'amount');
      const card = await tx.storedValueCard.create({
        data: {
          customerId: payer.id,
          currency: payer.currency,
          validMonth: cmd.validMonth,
          amount: amount.toString(),
          createdBy: cmd.actor.id,
        },
      });
      await this.ledger.post(tx, {
        idempotencyKey: `card-issue:${card.id}`,
        kind: 'stored_value_card_issued',
        description: `stored-value card for ${cmd.validMonth}`,
        legs: transfer(
          externalAccount('card-sales', payer.currency),
          cardAccount(payer.id, card.id, payer.currency),
          amount,
        ),
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'card.issue',
        entityType: 'stored_value_card',
        entityId: card.id,
        payload: { customerId: payer.id, amount: amount.toString(), validMonth: cmd.validMonth },
      });
      const writeOff = await this.writeOff.inTx(tx, [payer.id], 'stored-value card issued');
      return {
        ...card,
        amount: amount.toString(),
        balance: amount.toString(),
        automaticBillSettlement: writeOff,
        /** @deprecated the same as automaticBillSettlement */
        writeOff,
      };
    });
  }

  /**
   * A coupon above the issuer's cap (REMITD_APPROVAL_CAPS) waits for a second approver from
   * finance or administration (issue 11 item 10).
   */
  async issueCoupon(cmd: { actor: Actor; customerId: string; amount: string; validUntil: string; code?: string }) {
    assertCycle(cmd.validUntil, 'validUntil');
    try {
      return await this.tx.run((tx) => this.issueCouponInTx(tx, cmd));
    } catch (e) {
      // two issuers racing for the same code: the loser is told, not given a 500
      if (cmd.code && isUniqueViolation(e, 'code')) throw couponCodeTaken(cmd.code.trim());
      throw e;
    }
  }

  private async issueCouponInTx(
    tx: Tx,
    cmd: { actor: Actor; customerId: string; amount: string; validUntil: string; code?: string },
    approval?: ApprovalRequestView,
  ) {
    const [payer] = await this.customers.byIds(tx, [cmd.customerId], { lock: true });
    if (!payer) throw notFound('customer', cmd.customerId);
    const amount = Money.of(cmd.amount, payer.currency, 'amount');
    if (!amount.isPositive()) throw validationError('AMOUNT_NOT_POSITIVE', 'amount: must be > 0', 'amount');
    if (!approval && this.approvals.needsSecondApprover(cmd.actor, amount)) {
      const approvalRequest = await this.approvals.request(tx, {
        maker: cmd.actor,
        kind: 'coupon',
        customerId: payer.id,
        payload: { customerId: payer.id, amount: amount.toString(), validUntil: cmd.validUntil, code: cmd.code },
        summary: `coupon of ${amount.toString()} ${amount.currency} for ${payer.name}, valid until ${cmd.validUntil}`,
      });
      return { state: 'pending_approval' as const, approvalRequest };
    }
    const code = cmd.code?.trim() || `CPN-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    if (cmd.code && (await tx.coupon.findUnique({ where: { code } }))) throw couponCodeTaken(code);
    const coupon = await tx.coupon.create({
      data: {
        customerId: payer.id,
        code,
        currency: payer.currency,
        amount: amount.toString(),
        validUntil: cmd.validUntil,
      },
    });
    await this.audit.record(tx, {
      actor: cmd.actor,
      action: 'coupon.issue',
      entityType: 'coupon',
      entityId: coupon.id,
      payload: {
        customerId: payer.id,
        amount: amount.toString(),
        code,
        ...(approval ? { approvalRequestId: approval.id } : {}),
      },
    });
    return couponView(coupon);
  }

  /** A coupon deduction on a bill: a repayment of method "coupon" (the provider bears it). */
  async applyCoupon(cmd: { actor: Actor; couponId: string; billId: string }) {
    return this.tx.run(async (tx) => {
      await tx.$queryRaw`SELECT id FROM coupons WHERE id = ${cmd.couponId}::uuid FOR UPDATE`;
      const coupon = await tx.coupon.findUnique({ where: { id: cmd.couponId } });
      if (!coupon) throw notFound('coupon', cmd.couponId);
      if (coupon.usedAt)
        throw conflict('COUPON_USED', `coupon ${coupon.code} was already applied to bill ${coupon.billId}`);
      const [bill] = await this.repo.lockOpenBills(tx, [coupon.customerId], [cmd.billId]);
      if (!bill)
        throw conflict('BILL_NOT_PAYABLE', `bill ${cmd.billId} is not an open, issued bill of the coupon's customer`);
      if (bill.billingCycle > coupon.validUntil)
        throw conflict(
          'COUPON_EXPIRED',
          `coupon ${coupon.code} is valid until ${coupon.validUntil}, the bill is for ${bill.billingCycle}`,
        );
      const ccy = bill.currency;
      const open = Money.fromStored(bill.amount, ccy).minus(Money.fromStored(bill.paid, ccy));
      const amount = Money.fromStored(coupon.amount.toString(), ccy).min(open);
      const r = await this.payments.execute(tx, {
        key: `coupon:${coupon.id}`,
        kind: 'coupon_deduction',
        description: `coupon ${coupon.code} on ${bill.reference}`,
        customerId: coupon.customerId,
        currency: ccy,
        allocations: [{ billId: bill.id, sourceId: 'coupon', kind: 'coupon', amount }],
        sources: [{ id: 'coupon', kind: 'coupon', account: externalAccount('coupons', ccy) }],
      });
      await tx.coupon.update({ where: { id: coupon.id }, data: { usedAt: new Date(), billId: bill.id } });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'coupon.apply',
        entityType: 'bill',
        entityId: bill.id,
        payload: { couponId: coupon.id, amount: amount.toString() },
      });
      return {
        couponId: coupon.id,
        billId: bill.id,
        deducted: amount.toString(),
        currency: ccy,
        journalEntryId: r.journalEntryId,
      };
    });
  }
}

/** How a member's statement names staff: by role (issue 11 item 12). */
export function roleLabel(role: string): string {
  switch (role) {
    case 'finance':
      return 'finance';
    case 'account_manager':
      return 'your account manager';
    case 'admin':
    case 'super_admin':
      return 'an administrator';
    case 'system':
      return 'the system';
    default:
      return 'staff';
  }
}
