import { formatDate, greeting, moneyIn, type Lang } from './locale';
import { formatIban, normalizeIban, plural, type TemplateDef } from './layout';

const WORDS = {
  en: {
    overdue: 'Overdue amount',
    oldest: 'Oldest unpaid bill',
    due: 'Due date',
    days: 'Days overdue',
    payTo: 'Pay to',
    reference: 'Your customer reference',
    subject: (amount: string) => `Payment overdue: ${amount}`,
    body: (amount: string, days: number) =>
      `Your account has ${amount} overdue; the oldest unpaid bill is ${plural(days, 'day', 'days')} past its due date. Please transfer the overdue amount as soon as possible. If you have already paid, please disregard this notice.`,
  },
  zh: {
    overdue: '逾期金额',
    oldest: '最早的未付账单',
    due: '到期日',
    days: '逾期天数',
    payTo: '收款账户',
    reference: '您的客户参考号',
    subject: (amount: string) => `付款逾期：${amount}`,
    body: (amount: string, days: number) =>
      `您的账户有 ${amount} 已逾期，最早的未付账单已超过到期日 ${days} 天。请尽快转账支付逾期金额。如您已付款，请忽略本通知。`,
  },
} satisfies Record<Lang, unknown>;

export interface ArrearsNoticePayload {
  customerName: string;
  currency: string;
  overdueAmount: string;
  oldestBillReference: string;
  oldestBillCycle?: string;
  oldestBillDueDate: string;
  daysOverdue: number;
  /** IBAN or account number to pay to (the customer's virtual account). */
  paymentAccount?: string;
  customerReference?: string;
}

export const arrearsNotice: TemplateDef<ArrearsNoticePayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      overdueAmount: r.decimal('overdueAmount', currency),
      oldestBillReference: r.text('oldestBillReference'),
      oldestBillCycle: r.optText('oldestBillCycle'),
      oldestBillDueDate: r.date('oldestBillDueDate'),
      daysOverdue: r.nonNegativeInt('daysOverdue'),
      paymentAccount: r.optText('paymentAccount'),
      customerReference: r.optText('customerReference'),
    };
  },
  render(p, lang) {
    const w = WORDS[lang];
    const money = moneyIn(p.currency, lang);
    const oldest = p.oldestBillCycle ? `${p.oldestBillReference} (${p.oldestBillCycle})` : p.oldestBillReference;
    const rows: Array<[string, string]> = [
      [w.overdue, money(p.overdueAmount)],
      [w.oldest, oldest],
      [w.due, formatDate(p.oldestBillDueDate, lang)],
      [w.days, String(p.daysOverdue)],
    ];
    if (p.paymentAccount) {
      const iban = normalizeIban(p.paymentAccount);
      rows.push([w.payTo, iban ? formatIban(iban) : p.paymentAccount]);
    }
    if (p.customerReference) rows.push([w.reference, p.customerReference]);
    return {
      subject: w.subject(money(p.overdueAmount)),
      greeting: greeting(p.customerName, lang),
      blocks: [
        { kind: 'p', text: w.body(money(p.overdueAmount), p.daysOverdue) },
        { kind: 'kv', rows },
      ],
    };
  },
};
