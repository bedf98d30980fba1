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
    | 'partial_payment_off';
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
