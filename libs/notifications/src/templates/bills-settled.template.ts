import { balanceRow } from '../money-format';
import { BILL_TABLE_HEAD, billStatusLabel, readBillPayment, type BillPayment } from './bill-payment';
import { plural, type TemplateDef } from './layout';
import { formatDate, greeting, moneyIn, type Lang } from './locale';

const WORDS = {
  en: {
    settledOn: 'Settled on',
    reference: 'Payment reference',
    one: (bill: string) => `Bill ${bill} has been paid`,
    many: (n: number) => `${n} bills have been paid`,
    applied: (n: number) => `Your payment has been applied to ${plural(n, 'bill', 'bills')}.`,
  },
  zh: {
    settledOn: '结清日期',
    reference: '付款参考号',
    one: (bill: string) => `账单 ${bill} 已结清`,
    many: (n: number) => `${n} 张账单已结清`,
    applied: (n: number) => `您的付款已用于支付 ${n} 张账单。`,
  },
} satisfies Record<Lang, unknown>;

export interface BillsSettledPayload {
  customerName: string;
  currency: string;
  bills: BillPayment[];
  settledOn: string;
  paymentReference?: string;
  balanceRemaining?: string;
}

export const billsSettled: TemplateDef<BillsSettledPayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      bills: r.list('bills', (b) => readBillPayment(b, currency), { nonEmpty: true }),
      settledOn: r.date('settledOn'),
      paymentReference: r.optText('paymentReference'),
      balanceRemaining: r.optDecimal('balanceRemaining', currency),
    };
  },
  render(p, lang) {
    const w = WORDS[lang];
    const head = BILL_TABLE_HEAD[lang];
    const money = moneyIn(p.currency, lang);
    const rows: Array<[string, string]> = [[w.settledOn, formatDate(p.settledOn, lang)]];
    if (p.paymentReference) rows.push([w.reference, p.paymentReference]);
    if (p.balanceRemaining !== undefined) rows.push(balanceRow(p.balanceRemaining, p.currency, lang));
    return {
      subject: p.bills.length === 1 ? w.one(p.bills[0].billReference) : w.many(p.bills.length),
      greeting: greeting(p.customerName, lang),
      blocks: [
        { kind: 'p', text: w.applied(p.bills.length) },
        {
          kind: 'table',
          head: [head.bill, head.cycle, head.paid, head.status],
          rows: p.bills.map((b) => [b.billReference, b.cycle, money(b.amountPaid), billStatusLabel(b.status, lang)]),
          numeric: [2],
        },
        { kind: 'kv', rows },
      ],
    };
  },
};
