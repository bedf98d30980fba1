import type { Lang } from './locale';
import type { PayloadReader } from './payload-reader';

/** One bill a payment was applied to. */
export interface BillPayment {
  billReference: string;
  /** Billing cycle label, e.g. '2025-03'. */
  cycle: string;
  amountPaid: string;
  /** Bill status after the payment: 'paid', 'partially_paid', ... */
  status: string;
}

export function readBillPayment(r: PayloadReader, currency: string): BillPayment {
  return {
    billReference: r.text('billReference'),
    cycle: r.text('cycle'),
    amountPaid: r.decimal('amountPaid', currency),
    status: r.text('status'),
  };
}

const BILL_STATUS_LABELS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    paid: 'Paid',
    settled: 'Paid',
    partially_paid: 'Partially paid',
    partial: 'Partially paid',
    open: 'Open',
    unpaid: 'Unpaid',
    overdue: 'Overdue',
  },
  zh: {
    paid: '已结清',
    settled: '已结清',
    partially_paid: '部分支付',
    partly_paid: '部分支付',
    partial: '部分支付',
    open: '待支付',
    unpaid: '未支付',
    overdue: '已逾期',
  },
};

/** the column heads of a table of bills */
export const BILL_TABLE_HEAD: Record<Lang, { bill: string; cycle: string; paid: string; due: string; status: string }> =
  {
    en: { bill: 'Bill', cycle: 'Billing cycle', paid: 'Amount paid', due: 'Amount due', status: 'Status' },
    zh: { bill: '账单', cycle: '账期', paid: '已付金额', due: '应付金额', status: '状态' },
  };

export function billStatusLabel(status: string, lang: Lang = 'en'): string {
  const known = BILL_STATUS_LABELS[lang][status.toLowerCase()];
  if (known) return known;
  const words = status.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
