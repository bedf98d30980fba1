import { formatMoney } from '../money-format';
import { plural, type TemplateDef } from './layout';

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
  render(p) {
    const what = `${p.resourceName} (${p.externalId})`;
    const money = p.amount !== undefined ? formatMoney(p.amount, p.currency) : undefined;
    const rows: Array<[string, string]> = [['Resource', what]];
    if (p.expiresOn) rows.push(['Expires on', p.expiresOn]);
    if (money) rows.push([p.event === 'expiring' || p.event === 'overdue' ? 'Renewal price' : 'Balance', money]);
    const days = p.days ?? 0;
    const text: Record<ResourceEvent, [string, string]> = {
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
    const [subject, body] = text[p.event] ?? [p.event, p.event];
    return {
      subject,
      greeting: `Dear ${p.customerName},`,
      blocks: [
        { kind: 'p', text: body },
        { kind: 'kv', rows },
      ],
    };
  },
};
