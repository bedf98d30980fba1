import { balanceRow, formatMoney } from '../money-format';
import { describeReturnReason } from '../return-reasons';
import type { Block, TemplateDef } from './layout';

/** One bill that is open again after a reversal. */
export interface ReopenedBill {
  billReference: string;
  cycle: string;
  /** What is due on the bill now. */
  amountDue: string;
}

export interface CreditReturnedPayload {
  customerName: string;
  currency: string;
  amount: string;
  /** ACH return code (R01...) or ISO 20022 return reason (AC01...). */
  reasonCode: string;
  /** Free text the bank gave with the return, if any. */
  bankReasonText?: string;
  returnedOn: string;
  originalReceivedOn?: string;
  paymentReference?: string;
  billsReopened: ReopenedBill[];
  balanceRemaining?: string;
}

export const creditReturned: TemplateDef<CreditReturnedPayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      amount: r.decimal('amount', currency),
      reasonCode: r.text('reasonCode').toUpperCase(),
      bankReasonText: r.optText('bankReasonText'),
      returnedOn: r.date('returnedOn'),
      originalReceivedOn: r.optDate('originalReceivedOn'),
      paymentReference: r.optText('paymentReference'),
      billsReopened: r.list('billsReopened', (b) => ({
        billReference: b.text('billReference'),
        cycle: b.text('cycle'),
        amountDue: b.decimal('amountDue', currency),
      })),
      balanceRemaining: r.optDecimal('balanceRemaining', currency),
    };
  },
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    const reasonText = describeReturnReason(p.reasonCode);
    const rows: Array<[string, string]> = [
      ['Amount', money(p.amount)],
      ['Reason', reasonText ? `${p.reasonCode} - ${reasonText}` : p.reasonCode],
    ];
    if (p.bankReasonText) rows.push(["Bank's explanation", p.bankReasonText]);
    if (p.originalReceivedOn) rows.push(['Originally received on', p.originalReceivedOn]);
    rows.push(['Returned on', p.returnedOn]);
    if (p.paymentReference) rows.push(['Payment reference', p.paymentReference]);
    if (p.balanceRemaining !== undefined) rows.push(balanceRow(p.balanceRemaining, p.currency));
    const blocks: Block[] = [
      {
        kind: 'p',
        text: `A transfer of ${money(p.amount)} that was credited to your account has been returned by the bank, and the credit has been reversed.`,
      },
      { kind: 'kv', rows },
    ];
    if (p.billsReopened.length > 0) {
      blocks.push(
        { kind: 'h', text: 'Bills open again' },
        {
          kind: 'p',
          text: 'The following bills had been paid with this transfer and are open again. Please arrange payment.',
        },
        {
          kind: 'table',
          head: ['Bill', 'Billing cycle', 'Amount due'],
          rows: p.billsReopened.map((b) => [b.billReference, b.cycle, money(b.amountDue)]),
          numeric: [2],
        },
      );
    }
    return { subject: `A payment of ${money(p.amount)} was returned`, greeting: `Dear ${p.customerName},`, blocks };
  },
};
