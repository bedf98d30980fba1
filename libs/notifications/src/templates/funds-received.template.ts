import Decimal from 'decimal.js';
import { balanceRow, formatMoney } from '../money-format';
import { billStatusLabel, readBillPayment, type BillPayment } from './bill-payment';
import type { Block, TemplateDef } from './layout';

export interface FundsReceivedPayload {
  customerName: string;
  currency: string;
  /** What the customer sent. */
  amountRemitted: string;
  /** Bank charges deducted on the way and covered by the provider; shown only when > 0. */
  feeReimbursed?: string;
  /** What the bank booked on the account. */
  amountBooked: string;
  billsSettled: BillPayment[];
  /** Balance left on the customer's account after settling bills. */
  balanceRemaining: string;
  receivedOn: string;
  paymentReference?: string;
}

export const fundsReceived: TemplateDef<FundsReceivedPayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      amountRemitted: r.decimal('amountRemitted', currency),
      feeReimbursed: r.optDecimal('feeReimbursed', currency),
      amountBooked: r.decimal('amountBooked', currency),
      billsSettled: r.list('billsSettled', (b) => readBillPayment(b, currency)),
      balanceRemaining: r.decimal('balanceRemaining', currency),
      receivedOn: r.date('receivedOn'),
      paymentReference: r.optText('paymentReference'),
    };
  },
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    const rows: Array<[string, string]> = [['Amount you sent', money(p.amountRemitted)]];
    if (p.feeReimbursed !== undefined && new Decimal(p.feeReimbursed).gt(0)) {
      rows.push(['Bank charges covered by us', money(p.feeReimbursed)]);
    }
    rows.push(['Amount booked by the bank', money(p.amountBooked)], ['Date received', p.receivedOn]);
    if (p.paymentReference) rows.push(['Payment reference', p.paymentReference]);
    const blocks: Block[] = [
      { kind: 'p', text: `We have received your payment of ${money(p.amountRemitted)}. Thank you.` },
      { kind: 'kv', rows },
    ];
    if (p.billsSettled.length > 0) {
      blocks.push(
        { kind: 'h', text: 'Bills settled' },
        {
          kind: 'table',
          head: ['Bill', 'Billing cycle', 'Amount paid', 'Status'],
          rows: p.billsSettled.map((b) => [b.billReference, b.cycle, money(b.amountPaid), billStatusLabel(b.status)]),
          numeric: [2],
        },
      );
    } else {
      blocks.push({
        kind: 'p',
        text: 'No open bills were settled by this payment; the amount has been added to your balance.',
      });
    }
    blocks.push({ kind: 'kv', rows: [balanceRow(p.balanceRemaining, p.currency)] });
    return { subject: `Payment received: ${money(p.amountRemitted)}`, greeting: `Dear ${p.customerName},`, blocks };
  },
};
