import { balanceRow, formatMoney } from '../money-format';
import { billStatusLabel, readBillPayment, type BillPayment } from './bill-payment';
import { plural, type TemplateDef } from './layout';

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
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    const rows: Array<[string, string]> = [['Settled on', p.settledOn]];
    if (p.paymentReference) rows.push(['Payment reference', p.paymentReference]);
    if (p.balanceRemaining !== undefined) rows.push(balanceRow(p.balanceRemaining, p.currency));
    return {
      subject:
        p.bills.length === 1
          ? `Bill ${p.bills[0].billReference} has been paid`
          : `${p.bills.length} bills have been paid`,
      greeting: `Dear ${p.customerName},`,
      blocks: [
        { kind: 'p', text: `Your payment has been applied to ${plural(p.bills.length, 'bill', 'bills')}.` },
        {
          kind: 'table',
          head: ['Bill', 'Billing cycle', 'Amount paid', 'Status'],
          rows: p.bills.map((b) => [b.billReference, b.cycle, money(b.amountPaid), billStatusLabel(b.status)]),
          numeric: [2],
        },
        { kind: 'kv', rows },
      ],
    };
  },
};
