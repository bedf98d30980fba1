import { balanceRow } from '../money-format';
import type { TemplateDef } from './layout';
import { greeting, moneyIn } from './locale';
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
  render(p, lang) {
    const money = moneyIn(p.currency, lang);
    const zh = lang === 'zh';
    return {
      subject: zh ? `您的余额已低于 ${money(p.threshold)}` : `Your balance is below ${money(p.threshold)}`,
      greeting: greeting(p.customerName, lang),
      blocks: [
        {
          kind: 'p',
          text: zh
            ? `您的余额为 ${money(p.balance)}，已低于您设置的预警阈值 ${money(p.threshold)}。请及时充值，以保证您的资源正常运行。`
            : `Your balance is ${money(p.balance)}, below the alert threshold of ${money(p.threshold)} you set. Please top up to keep your resources running.`,
        },
        {
          kind: 'kv',
          rows: [balanceRow(p.balance, p.currency, lang), [zh ? '预警阈值' : 'Alert threshold', money(p.threshold)]],
        },
      ],
    };
  },
};
