import { CustomerRepository } from '@remitd/customers';
import { Injectable } from '@nestjs/common';
import { notFound } from '@remitd/core';
import { AccountCodes, LedgerRepository } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { PrismaService } from '@remitd/persistence';
import { BillingRepository } from './billing.repository';
import { availableCredit } from './funding-sources';

export interface UnsettledReason {
  code:
    | 'settled'
    | 'not_issued_yet'
    | 'auto_write_off_off'
    | 'insufficient_credit'
    | 'card_restriction'
    | 'refund_restriction'
    | 'settlement_task'
    | 'older_bills_first'
    | 'partial_payment_off'
    | 'credit_control_terms'
    | 'pay_as_you_go'
    | 'payment_pending'
    | 'write_off_queued';
  message: string;
}

/**
 * Why is this bill still unsettled? The FAQ of seed 000 as an endpoint: not issued yet, automatic
 * write-off off, not enough available credit, card or refund restrictions, older bills first.
 */
@Injectable()
export class ExplainUnsettled {
  constructor(
    private readonly prisma: PrismaService,
    private readonly ledger: LedgerRepository,
    private readonly customers: CustomerRepository,
    private readonly bills: BillingRepository,
  ) {}

  async explain(billId: string): Promise<{
    billId: string;
    reference: string;
    status: string;
    outstanding: string;
    currency: string;
    reasons: UnsettledReason[];
  }> {
    const bill = await this.prisma.bill.findUnique({ where: { id: billId } });
    if (!bill) throw notFound('bill', billId);
    const c = (await this.customers.findById(bill.customerId))!;
    const ccy = bill.currency;
    const outstanding = Money.fromStored(bill.amount.toString(), ccy).minus(
      Money.fromStored(bill.paid.toString(), ccy),
    );
    const reasons: UnsettledReason[] = [];
    const base = {
      billId,
      reference: bill.reference,
      status: bill.status,
      outstanding: outstanding.toString(),
      currency: ccy,
      reasons,
    };
    if (bill.status === 'settled') {
      reasons.push({ code: 'settled', message: 'the bill is settled' });
      return base;
    }
    if (bill.issuedAt > new Date())
      reasons.push({
        code: 'not_issued_yet',
        message: `the bill is issued on ${bill.issuedAt.toISOString()}; bills are paid only once issued`,
      });
    const task = (await this.bills.inPayingSettlementTask(undefined, [c.id])).get(c.id);
    if (task)
      reasons.push({
        code: 'settlement_task',
        message: `a unified settlement task exists (${task}): automatic bill settlement is off meanwhile; bills are paid in the order the task defines`,
      });
    if (!c.autoWriteOff)
      reasons.push({
        code: 'auto_write_off_off',
        message:
          'automatic bill settlement is off for this customer (autoBillSettlement): bills wait for a payment or a manual payment',
      });
    const pending = await this.prisma.gatewayPayment.findMany({
      where: { billId: bill.id, status: 'pending' },
      select: { amount: true, channel: true, createdAt: true },
    });
    for (const p of pending)
      reasons.push({
        code: 'payment_pending',
        message: `a ${p.channel} payment of ${Money.fromStored(p.amount.toString(), ccy).toString()} ${ccy} started ${p.createdAt.toISOString()} has no result yet: do not make a duplicate payment during this time`,
      });
    if (await this.prisma.writeOffRequest.findUnique({ where: { customerId: c.id } }))
      reasons.push({
        code: 'write_off_queued',
        message: 'the customer is queued for automatic bill settlement: the write-off sweep pays within a minute',
      });
    if (c.creditControl)
      reasons.push({
        code: 'credit_control_terms',
        message: `on credit control: ${bill.dueDate ? `due on ${bill.dueDate}` : 'no due date recorded'} under the contract's payment terms (${bill.settlementCycle}${bill.paymentTermDays !== null ? `, ${bill.paymentTermDays} ${bill.paymentTermKind === 'business' ? 'business' : 'calendar'} days` : ''}); the agreement may set special settlement rules`,
      });
    else {
      const method = await this.prisma.paymentMethod.findFirst({
        where: { customerId: c.id, isDefault: true, removedAt: null },
        select: { kind: true },
      });
      reasons.push({
        code: 'pay_as_you_go',
        message: method
          ? `not on credit control: the default ${method.kind} is charged when unpaid pay-as-you-go fees reach its threshold, or at month end`
          : 'not on credit control and no default payment method is linked: nothing can be deducted until one is',
      });
    }
    const cash = (await this.ledger.balanceOf(AccountCodes.customerCash(c.id, ccy))) ?? '0';
    const credit = availableCredit(c, cash);
    if (!credit.isPositive()) {
      reasons.push({
        code: 'insufficient_credit',
        message: `available credit is ${credit.toString()} ${ccy} (cash ${Money.fromStored(cash, ccy).toString()} + credit limit ${Money.fromStored(c.creditLimit.toString(), ccy).toString()} − frozen ${Money.fromStored(c.frozenAmount.toString(), ccy).toString()}); it is paid automatically after a top-up`,
      });
    } else if (credit.lt(outstanding) && !c.partialLastBill) {
      reasons.push({
        code: 'partial_payment_off',
        message: `available credit ${credit.toString()} does not cover the ${outstanding.toString()} outstanding and partial payment of the last bill is off`,
      });
    }
    const older = await this.prisma.bill.count({
      where: {
        customerId: c.id,
        currency: ccy,
        status: { in: ['unsettled', 'partly_paid', 'overdue'] },
        issuedAt: { lt: bill.issuedAt },
      },
    });
    if (older)
      reasons.push({
        code: 'older_bills_first',
        message: `${older} older unpaid bill(s) are paid first (oldest to newest)`,
      });
    const cards = await this.prisma.storedValueCard.findMany({ where: { customerId: c.id, currency: ccy } });
    if (cards.length && cards.every((k) => k.validMonth !== bill.billingCycle)) {
      reasons.push({
        code: 'card_restriction',
        message: `stored-value cards pay only bills of their own month (${[...new Set(cards.map((k) => k.validMonth))].join(', ')}); this bill is for ${bill.billingCycle}`,
      });
    }
    const monthCards = cards.filter((k) => k.validMonth === bill.billingCycle);
    if (monthCards.length) {
      // seed 000: "If a bill spans multiple months or the card was not specified at the time of order"
      const lines = await this.prisma.charge.findMany({
        where: { billId: bill.id },
        select: { amount: true, storedValueCardId: true, servicePeriodStart: true, servicePeriodEnd: true },
      });
      const month = (d: Date | null) => d?.toISOString().slice(0, 7);
      const spanning = lines.filter(
        (l) => l.storedValueCardId && l.servicePeriodStart && month(l.servicePeriodStart) !== month(l.servicePeriodEnd),
      );
      const unnamed = lines.filter((l) => !l.storedValueCardId);
      const sum = (xs: typeof lines) =>
        xs.reduce((t, l) => t.plus(Money.fromStored(l.amount.toString(), ccy)), Money.zero(ccy)).toString();
      const parts = [
        spanning.length ? `${spanning.length} line(s) of ${sum(spanning)} ${ccy} whose service spans months` : '',
        unnamed.length ? `${unnamed.length} line(s) of ${sum(unnamed)} ${ccy} ordered without naming a card` : '',
      ].filter(Boolean);
      if (parts.length)
        reasons.push({
          code: 'card_restriction',
          message: `stored-value cards pay only lines ordered with the card and billed within one month: ${parts.join(' and ')} cannot be paid by a card`,
        });
    }
    const refunds = await this.prisma.refund.findMany({
      where: { customerId: c.id, currency: ccy, remaining: { gt: 0 } },
    });
    if (refunds.length && !c.writeOffPastBills && refunds.every((r) => r.billingCycle > bill.billingCycle)) {
      reasons.push({
        code: 'refund_restriction',
        message: `the refund balance pays only bills of the refund's cycle or later (${refunds.map((r) => r.billingCycle).join(', ')}) unless "settle past bills with refunds" (settlePastBillsWithRefunds) is on`,
      });
    }
    return base;
  }
}
