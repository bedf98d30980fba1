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

const BILL_STATUS_LABELS: Readonly<Record<string, string>> = {
  paid: 'Paid',
  settled: 'Paid',
  partially_paid: 'Partially paid',
  partial: 'Partially paid',
  open: 'Open',
  unpaid: 'Unpaid',
  overdue: 'Overdue',
};

export function billStatusLabel(status: string): string {
  const known = BILL_STATUS_LABELS[status.toLowerCase()];
  if (known) return known;
  const words = status.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
