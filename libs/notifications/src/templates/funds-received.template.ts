import Decimal from 'decimal.js';
import { balanceRow } from '../money-format';
import { BILL_TABLE_HEAD, billStatusLabel, readBillPayment, type BillPayment } from './bill-payment';
import type { Block, TemplateDef } from './layout';
import { formatDate, greeting, moneyIn, type Lang } from './locale';

const WORDS = {
  en: {
    sent: 'Amount you sent',
    fee: 'Bank charges covered by us',
    booked: 'Amount booked by the bank',
    received: 'Date received',
    reference: 'Payment reference',
    thanks: (amount: string) => `We have received your payment of ${amount}. Thank you.`,
    settled: 'Bills settled',
    none: 'No open bills were settled by this payment; the amount has been added to your balance.',
    subject: (amount: string) => `Payment received: ${amount}`,
  },
  zh: {
    sent: '您的汇款金额',
    fee: '由我方承担的银行手续费',
    booked: '银行入账金额',
    received: '到账日期',
    reference: '付款参考号',
    thanks: (amount: string) => `我们已收到您的付款 ${amount}，谢谢！`,
    settled: '已结清的账单',
    none: '本次付款未结清任何待付账单，款项已计入您的账户余额。',
    subject: (amount: string) => `已收到付款：${amount}`,
  },
} satisfies Record<Lang, unknown>;

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
  render(p, lang) {
    const w = WORDS[lang];
    const head = BILL_TABLE_HEAD[lang];
    const money = moneyIn(p.currency, lang);
    const rows: Array<[string, string]> = [[w.sent, money(p.amountRemitted)]];
    if (p.feeReimbursed !== undefined && new Decimal(p.feeReimbursed).gt(0)) {
      rows.push([w.fee, money(p.feeReimbursed)]);
    }
    rows.push([w.booked, money(p.amountBooked)], [w.received, formatDate(p.receivedOn, lang)]);
    if (p.paymentReference) rows.push([w.reference, p.paymentReference]);
    const blocks: Block[] = [
      { kind: 'p', text: w.thanks(money(p.amountRemitted)) },
      { kind: 'kv', rows },
    ];
    if (p.billsSettled.length > 0) {
      blocks.push(
        { kind: 'h', text: w.settled },
        {
          kind: 'table',
          head: [head.bill, head.cycle, head.paid, head.status],
          rows: p.billsSettled.map((b) => [
            b.billReference,
            b.cycle,
            money(b.amountPaid),
            billStatusLabel(b.status, lang),
          ]),
          numeric: [2],
        },
      );
    } else {
      blocks.push({ kind: 'p', text: w.none });
    }
    blocks.push({ kind: 'kv', rows: [balanceRow(p.balanceRemaining, p.currency, lang)] });
    return { subject: w.subject(money(p.amountRemitted)), greeting: greeting(p.customerName, lang), blocks };
  },
};
