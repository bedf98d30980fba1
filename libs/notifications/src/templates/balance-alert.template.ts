import { balanceRow, formatMoney } from '../money-format';
import type { TemplateDef } from './layout';
import type { PayloadReader } from './payload-reader';

/** A balance may be negative (postpaid): "-12.50". */
function signed(r: PayloadReader, v: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(v)) r.error('balance must be a decimal string such as "-12.50"');
  return v;
}

export interface BalanceAlertPayload {
  customerName: string;
  currency: string;
  threshold: string;
  balance: string;
}

/** Seed 003, balance alerts: the balance fell below a threshold the customer set. */
export const balanceAlert: TemplateDef<BalanceAlertPayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      threshold: r.decimal('threshold', currency),
      balance: signed(r, r.text('balance')),
    };
  },
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    return {
      subject: `Your balance is below ${money(p.threshold)}`,
      greeting: `Dear ${p.customerName},`,
      blocks: [
        {
          kind: 'p',
          text: `Your balance is ${money(p.balance)}, below the alert threshold of ${money(p.threshold)} you set. Please top up to keep your resources running.`,
        },
        {
          kind: 'kv',
          rows: [balanceRow(p.balance, p.currency), ['Alert threshold', money(p.threshold)]],
        },
      ],
    };
  },
};
