import { balanceRow } from '../money-format';
import { describeReturnReason } from '../return-reasons';
import { BILL_TABLE_HEAD } from './bill-payment';
import type { Block, TemplateDef } from './layout';
import { formatDate, greeting, moneyIn, type Lang } from './locale';

const WORDS = {
  en: {
    amount: 'Amount',
    reason: 'Reason',
    bankText: "Bank's explanation",
    originally: 'Originally received on',
    returnedOn: 'Returned on',
    reference: 'Payment reference',
    body: (amount: string) =>
      `A transfer of ${amount} that was credited to your account has been returned by the bank, and the credit has been reversed.`,
    reopened: 'Bills open again',
    reopenedText: 'The following bills had been paid with this transfer and are open again. Please arrange payment.',
    subject: (amount: string) => `A payment of ${amount} was returned`,
  },
  zh: {
    amount: '金额',
    reason: '原因',
    bankText: '银行的说明',
    originally: '原到账日期',
    returnedOn: '退回日期',
    reference: '付款参考号',
    body: (amount: string) => `一笔已计入您账户的 ${amount} 转账已被银行退回，相应入账已冲回。`,
    reopened: '重新待付的账单',
    reopenedText: '以下账单曾由这笔转账支付，现已重新变为待付状态，请安排付款。',
    subject: (amount: string) => `一笔 ${amount} 的付款已被退回`,
  },
} satisfies Record<Lang, unknown>;

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
  render(p, lang) {
    const w = WORDS[lang];
    const head = BILL_TABLE_HEAD[lang];
    const money = moneyIn(p.currency, lang);
    const reasonText = describeReturnReason(p.reasonCode, lang);
    const rows: Array<[string, string]> = [
      [w.amount, money(p.amount)],
      [w.reason, reasonText ? `${p.reasonCode} - ${reasonText}` : p.reasonCode],
    ];
    if (p.bankReasonText) rows.push([w.bankText, p.bankReasonText]);
    if (p.originalReceivedOn) rows.push([w.originally, formatDate(p.originalReceivedOn, lang)]);
    rows.push([w.returnedOn, formatDate(p.returnedOn, lang)]);
    if (p.paymentReference) rows.push([w.reference, p.paymentReference]);
    if (p.balanceRemaining !== undefined) rows.push(balanceRow(p.balanceRemaining, p.currency, lang));
    const blocks: Block[] = [
      { kind: 'p', text: w.body(money(p.amount)) },
      { kind: 'kv', rows },
    ];
    if (p.billsReopened.length > 0) {
      blocks.push(
        { kind: 'h', text: w.reopened },
        { kind: 'p', text: w.reopenedText },
        {
          kind: 'table',
          head: [head.bill, head.cycle, head.due],
          rows: p.billsReopened.map((b) => [b.billReference, b.cycle, money(b.amountDue)]),
          numeric: [2],
        },
      );
    }
    return { subject: w.subject(money(p.amount)), greeting: greeting(p.customerName, lang), blocks };
  },
};
