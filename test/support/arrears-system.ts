import {
  BalanceAlertsUseCase,
  DeductHourlyFeesUseCase,
  DispatchWebhooksUseCase,
  RunLifecycleUseCase,
} from '@remitd/arrears';
import { DispatchNotificationsUseCase, SmppSmsChannel } from '@remitd/notifications';
import { startSmppServer } from './smpp-server';
import { startSystem } from './system';
import { startWebhookReceiver } from './webhook-receiver';

export const WEBHOOK_SECRET = 'whsec_arrears_e2e_0123456789';

/** A Singapore (UTC+8) wall-clock time as an instant: `sgt('2027-03-21 12:00')`. */
export const sgt = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

/**
 * The system of test/support/system.ts in the billing time zone Asia/Singapore, with a real SMPP
 * server (SMSC) behind the SMS channel and a real HTTP receiver standing in for the platform;
 * `step(now)` is one reconciler turn at an injected instant (hourly fees, due timers, outboxes).
 */
export async function startArrearsSystem(env: Record<string, string> = {}) {
  const smsc = await startSmppServer();
  const platform = await startWebhookReceiver();
  const sms = new SmppSmsChannel({
    url: smsc.url,
    systemId: smsc.systemId,
    password: smsc.password,
    sourceAddr: 'remitd',
  });
  const sys = await startSystem({
    env: {
      REMITD_TIMEZONE: 'Asia/Singapore',
      REMITD_PLATFORM_WEBHOOK_URL: platform.url,
      REMITD_PLATFORM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      REMITD_PLATFORM_WEBHOOK_BACKOFF_MS: '1',
      REMITD_PLATFORM_WEBHOOK_MAX_BACKOFF_MS: '1',
      REMITD_PLATFORM_WEBHOOK_MAX_ATTEMPTS: '3',
      ...env,
    },
    channels: [sms],
  });
  let keyNo = 0;
  const key = () => `arrears-${++keyNo}-${Date.now()}`;
  const post = (url: string, body: object = {}) =>
    sys.http().post(url).set(sys.auth).set('Idempotency-Key', key()).send(body);
  const get = (url: string) => sys.http().get(url).set(sys.auth);
  const flush = async () => {
    const mail = sys.reconciler.ctx.get(DispatchNotificationsUseCase);
    while ((await mail.execute()).claimed > 0);
    const hooks = sys.reconciler.ctx.get(DispatchWebhooksUseCase);
    while ((await hooks.execute()).claimed > 0);
  };
  const topUp = async (customerId: string, amount: string) => {
    const r = await post(`/customers/${customerId}/top-ups`, { amount, reference: `TOPUP-${key()}` });
    if (r.status !== 201) throw new Error(`top-up: ${r.status} ${JSON.stringify(r.body)}`);
  };
  let n = 0;
  return {
    sys,
    smsc,
    platform,
    key,
    post,
    get,
    flush,
    topUp,
    /** one reconciler turn at `now`: the hour's fees, the due timers, then both outboxes */
    step: async (now: Date) => {
      const hourly = await sys.reconciler.ctx.get(DeductHourlyFeesUseCase).run(now);
      const lifecycle = await sys.reconciler.ctx.get(RunLifecycleUseCase).run(now);
      const alerts = await sys.reconciler.ctx.get(BalanceAlertsUseCase).evaluate(now);
      await flush();
      return { hourly, lifecycle, alerts };
    },
    /** a customer with the contacts of seed 003 (creator and global collaborator with phones) */
    customerWithContacts: async (balance: string) => {
      const c = await sys.customer({ currency: 'EUR' });
      n++;
      const contacts = {
        creator: { name: 'Creator', role: 'creator', email: `hcreator${n}@c.example`, phone: `+65911${n}0001` },
        global: {
          name: 'Global resource collaborator',
          role: 'global_resource_collaborator',
          email: `hglobal${n}@c.example`,
          phone: `+65911${n}0002`,
        },
        financial: { name: 'Financial collaborator', role: 'financial_collaborator', email: `hfin${n}@c.example` },
        other: { name: 'Another collaborator', role: 'collaborator', email: `hother${n}@c.example` },
        sub: { name: 'Sub-account', role: 'sub_account', email: `hsub${n}@c.example` },
      };
      for (const contact of Object.values(contacts)) {
        const r = await post(`/customers/${c.id}/contacts`, contact);
        if (r.status !== 201) throw new Error(`contact: ${r.status} ${JSON.stringify(r.body)}`);
      }
      if (balance !== '0') await topUp(c.id, balance);
      await flush();
      return { ...c, contacts };
    },
    mailTo: (address: string) =>
      sys.smtp.messages.filter((m) => JSON.stringify(m.to ?? '').includes(address)).map((m) => m.subject ?? ''),
    smsTo: (phone: string) => smsc.messages.filter((m) => m.to === phone.replace(/^\+/, '')).map((m) => m.text),
    hooksFor: (resourceId: string) => platform.received.filter((h) => h.json.data?.resourceId === resourceId),
    close: async () => {
      await sys.close();
      await sms.close();
      await smsc.close();
      await platform.close();
    },
  };
}

export type ArrearsSystem = Awaited<ReturnType<typeof startArrearsSystem>>;
