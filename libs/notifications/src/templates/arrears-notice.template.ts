import { formatMoney } from '../money-format';
import { formatIban, normalizeIban, plural, type TemplateDef } from './layout';

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
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    const oldest = p.oldestBillCycle ? `${p.oldestBillReference} (${p.oldestBillCycle})` : p.oldestBillReference;
    const rows: Array<[string, string]> = [
      ['Overdue amount', money(p.overdueAmount)],
      ['Oldest unpaid bill', oldest],
      ['Due date', p.oldestBillDueDate],
      ['Days overdue', String(p.daysOverdue)],
    ];
    if (p.paymentAccount) {
      const iban = normalizeIban(p.paymentAccount);
      rows.push(['Pay to', iban ? formatIban(iban) : p.paymentAccount]);
    }
    if (p.customerReference) rows.push(['Your customer reference', p.customerReference]);
    return {
      subject: `Payment overdue: ${money(p.overdueAmount)}`,
      greeting: `Dear ${p.customerName},`,
      blocks: [
        {
          kind: 'p',
          text: `Your account has ${money(p.overdueAmount)} overdue; the oldest unpaid bill is ${plural(p.daysOverdue, 'day', 'days')} past its due date. Please transfer the overdue amount as soon as possible. If you have already paid, please disregard this notice.`,
        },
        { kind: 'kv', rows },
      ],
    };
  },
};
