import { plural, type TemplateDef } from './layout';
import { formatDate, greeting, moneyIn } from './locale';

/** What happened to a resource (seed 003), one message kind per lifecycle event. */
export const RESOURCE_EVENTS = [
  'expiring',
  'overdue',
  'released',
  'arrears',
  'stopped',
  'restored',
  'terminated',
] as const;
export type ResourceEvent = (typeof RESOURCE_EVENTS)[number];

export interface ResourceLifecyclePayload {
  event: ResourceEvent;
  customerName: string;
  resourceName: string;
  externalId: string;
  /** the expiry (local date in the billing time zone), for subscriptions */
  expiresOn?: string;
  /** days until the expiry (expiring) or since it (overdue) */
  days?: number;
  currency: string;
  /** the renewal price, or the balance for pay-per-hour events */
  amount?: string;
}

export const resourceLifecycle: TemplateDef<ResourceLifecyclePayload> = {
  read(r) {
    const event = r.text('event') as ResourceEvent;
    if (!RESOURCE_EVENTS.includes(event)) r.error(`event must be one of ${RESOURCE_EVENTS.join(', ')}`);
    const currency = r.currency('currency');
    return {
      event,
      customerName: r.text('customerName'),
      resourceName: r.text('resourceName'),
      externalId: r.text('externalId'),
      expiresOn: r.optDate('expiresOn'),
      days: r.optNonNegativeInt('days'),
      currency,
      amount: r.optDecimal('amount', currency),
    };
  },
  render(p, lang) {
    const what = `${p.resourceName} (${p.externalId})`;
    const money = p.amount !== undefined ? moneyIn(p.currency, lang)(p.amount) : undefined;
    const zh = lang === 'zh';
    const rows: Array<[string, string]> = [[zh ? '资源' : 'Resource', what]];
    if (p.expiresOn) rows.push([zh ? '到期日' : 'Expires on', formatDate(p.expiresOn, lang)]);
    const renewal = p.event === 'expiring' || p.event === 'overdue';
    if (money) rows.push([renewal ? (zh ? '续费价格' : 'Renewal price') : zh ? '余额' : 'Balance', money]);
    const days = p.days ?? 0;
    const text = (zh ? zhTexts : enTexts)(p, what, days);
    const [subject, body] = text[p.event] ?? [p.event, p.event];
    return {
      subject,
      greeting: greeting(p.customerName, lang),
      blocks: [
        { kind: 'p', text: body },
        { kind: 'kv', rows },
      ],
    };
  },
};

type Texts = (p: ResourceLifecyclePayload, what: string, days: number) => Record<ResourceEvent, [string, string]>;

const enTexts: Texts = (p, what, days) => {
  return {
    expiring: [
      days === 0 ? `${p.resourceName} expires today` : `${p.resourceName} expires in ${plural(days, 'day', 'days')}`,
      `Your subscription ${what} expires on ${p.expiresOn}. With auto-renewal on and enough balance it renews on the expiry date; otherwise it is isolated then.`,
    ],
    overdue: [
      `${p.resourceName} is isolated: renew within 7 days`,
      `Your subscription ${what} expired on ${p.expiresOn} and is isolated. Renew it within 7 days after the expiry (the 7th day included) to restore it; after that it is released and its data erased.`,
    ],
    released: [
      `${p.resourceName} was released`,
      `Your subscription ${what} was not renewed within 7 days after it expired on ${p.expiresOn}: it has been released and its data erased.`,
    ],
    arrears: [
      `Your balance is negative`,
      `Your balance is negative. Pay-per-hour resources such as ${what} keep running and billing for 24 hours; then they stop. Please top up.`,
    ],
    stopped: [
      `${p.resourceName} was stopped`,
      `Your balance has been negative for 24 hours: ${what} was stopped and fees keep accruing. A top-up that brings the balance above 0 within 7 days restores it.`,
    ],
    restored: [`${p.resourceName} was restored`, `Your balance is above 0 again: ${what} was restored.`],
    terminated: [
      `${p.resourceName} was terminated`,
      `Your balance was not topped up above 0 within 7 days of the stop: ${what} was terminated and its data cleaned up.`,
    ],
  };
};

const zhTexts: Texts = (p, what, days) => {
  const expiresOn = p.expiresOn ? formatDate(p.expiresOn, 'zh') : '';
  return {
    expiring: [
      days === 0 ? `${p.resourceName} 今天到期` : `${p.resourceName} 将在 ${days} 天后到期`,
      `您的订阅 ${what} 将于 ${expiresOn} 到期。如已开启自动续费且余额充足，将在到期日自动续费；否则届时将被隔离。`,
    ],
    overdue: [
      `${p.resourceName} 已被隔离：请在 7 天内续费`,
      `您的订阅 ${what} 已于 ${expiresOn} 到期并被隔离。请在到期后 7 天内（含第 7 天）续费以恢复；逾期后将被释放，数据将被清除。`,
    ],
    released: [
      `${p.resourceName} 已被释放`,
      `您的订阅 ${what} 于 ${expiresOn} 到期后 7 天内未续费，已被释放，数据已被清除。`,
    ],
    arrears: [
      `您的余额已为负数`,
      `您的余额已为负数。${what} 等按小时计费的资源将继续运行并计费 24 小时，之后将被停止。请及时充值。`,
    ],
    stopped: [
      `${p.resourceName} 已被停止`,
      `您的余额已连续 24 小时为负数：${what} 已被停止，费用将继续累计。在 7 天内充值使余额大于 0 即可恢复。`,
    ],
    restored: [`${p.resourceName} 已恢复`, `您的余额已重新大于 0：${what} 已恢复运行。`],
    terminated: [`${p.resourceName} 已被终止`, `停止后 7 天内余额未充值至大于 0：${what} 已被终止，数据已被清理。`],
  };
};
