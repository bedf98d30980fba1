import { DispatchWebhooksUseCase, RunLifecycleUseCase, verifyWebhook, WEBHOOK_HEADERS } from '@remitd/arrears';
import { OutboxRepository } from '@remitd/notifications';
import { sgt, startArrearsSystem, WEBHOOK_SECRET as SECRET, type ArrearsSystem } from './support/arrears-system';

const DAY_MS = 24 * 3600_000;

/**
 * Seed 003, "Monthly Subscription Instance Overdue Payment", end to end: the platform reports
 * subscriptions over the admin API, the reconciler's lifecycle fires durable timers at an
 * injected clock (billing time zone Asia/Singapore: every deadline below is a Singapore
 * wall-clock time), and the messages cross a real SMTP server, a real SMPP server and a real
 * HTTP receiver standing in for the platform.
 */
describe('arrears lifecycle of monthly subscriptions (seed 003)', () => {
  let a: ArrearsSystem;

  beforeAll(async () => {
    a = await startArrearsSystem();
  });
  afterEach(async () => {
    expect(await a.sys.verifyLedger()).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await a?.close();
  });

  /** One turn of the reconciler at `now`: due timers fired, both outboxes sent. */
  const step = async (now: Date) => (await a.step(now)).lifecycle;
  const flush = () => a.flush();
  const post = (url: string, body: object = {}) => a.post(url, body);
  const get = (url: string) => a.get(url);
  const topUp = (customerId: string, amount: string) => a.topUp(customerId, amount);
  const customerWithContacts = (balance: string) => a.customerWithContacts(balance);
  const mailTo = (address: string) => a.mailTo(address);
  const smsTo = (phone: string) => a.smsTo(phone);
  const hooksFor = (resourceId: string) => a.hooksFor(resourceId);

  async function subscription(customerId: string, expiresAt: Date, autoRenew: boolean, renewalPrice = '30.00') {
    const r = await post(`/customers/${customerId}/resources`, {
      externalId: `ckafka-${a.key()}`,
      name: 'CKafka instance',
      billingMode: 'monthly',
      expiresAt: expiresAt.toISOString(),
      autoRenew,
      renewalPrice,
    });
    expect(r.status).toBe(201);
    return r.body as { id: string; externalId: string; expiresAt: string; status: string };
  }

  it('Expiration alerts will be sent on the 7th, 5th, 3rd, and 1st day before expiration as well as on the expiration date, via email and SMS (none on the 6th, 4th, 2nd); auto-renewal with a sufficient balance renews on the expiration date', async () => {
    const c = await customerWithContacts('100.00');
    const expiry = sgt('2027-03-21 12:00');
    const r = await subscription(c.id, expiry, true);
    await flush(); // the virtual account's and the top-up's e-mails
    const mailBefore = a.sys.smtp.messages.length;
    const smsBefore = a.smsc.messages.length;
    const perDay: Record<string, number> = {};
    // each day at 10:00 Singapore time, from 9 days before the expiry to the day before it
    for (let day = 9; day >= 1; day--) {
      const before = a.sys.smtp.messages.length + a.smsc.messages.length;
      await step(new Date(sgt('2027-03-21 10:00').getTime() - day * DAY_MS));
      perDay[day] = a.sys.smtp.messages.length + a.smsc.messages.length - before;
    }
    // the expiration date, 10:00: its warning (09:00) is due, the expiry (12:00) not yet
    const before = a.sys.smtp.messages.length + a.smsc.messages.length;
    await step(sgt('2027-03-21 10:00'));
    perDay[0] = a.sys.smtp.messages.length + a.smsc.messages.length - before;
    // creator (e-mail + SMS), global resource collaborator (e-mail + SMS), financial collaborator (e-mail)
    expect(perDay).toEqual({ 9: 0, 8: 0, 7: 5, 6: 0, 5: 5, 4: 0, 3: 5, 2: 0, 1: 5, 0: 5 });
    expect(mailTo(c.contacts.creator.email)).toEqual([
      'CKafka instance expires in 7 days',
      'CKafka instance expires in 5 days',
      'CKafka instance expires in 3 days',
      'CKafka instance expires in 1 day',
      'CKafka instance expires today',
    ]);
    expect(mailTo(c.contacts.financial.email)).toHaveLength(5);
    expect(mailTo(c.contacts.other.email)).toEqual([]);
    expect(mailTo(c.contacts.sub.email)).toEqual([]);
    expect(smsTo(c.contacts.creator.phone)).toHaveLength(5);
    expect(smsTo(c.contacts.creator.phone)[0]).toContain('expires on 2027-03-21');
    expect(smsTo(c.contacts.global.phone)).toHaveLength(5);
    expect(a.sys.smtp.messages.length - mailBefore).toBe(15);
    expect(a.smsc.messages.length - smsBefore).toBe(10);
    // every SMS's delivery receipt is recorded against its message
    const outbox = a.sys.api.get(OutboxRepository);
    await until(async () => (await outbox.receiptsFor(c.contacts.creator.phone)).length === 5);
    expect((await outbox.receiptsFor(c.contacts.creator.phone)).map((x) => x.status)).toEqual(Array(5).fill('DELIVRD'));

    // the expiry: renewed from the balance; the new period starts at the old expiry
    const renewed = await step(sgt('2027-03-21 12:00'));
    expect(renewed.outcomes).toEqual({ renewed: 1 });
    const after = await get(`/resources/${r.id}`);
    expect(after.body).toMatchObject({ status: 'active', expiresAt: sgt('2027-04-21 12:00').toISOString() });
    expect(await a.sys.cash(c.id)).toBe('70');
    expect(hooksFor(r.id).map((h) => h.json.type)).toEqual(['resource.renewed']);
    expect(hooksFor(r.id)[0].json.data).toMatchObject({
      periodStart: expiry.toISOString(),
      expiresAt: sgt('2027-04-21 12:00').toISOString(),
      price: '30.00',
    });
    // running the same instant again fires nothing twice
    expect((await step(sgt('2027-03-21 12:00'))).fired).toBe(0);
    // the next period's 7-day warning is already scheduled, from the new expiry
    await step(sgt('2027-04-14 10:00'));
    expect(mailTo(c.contacts.creator.email).at(-1)).toBe('CKafka instance expires in 7 days');
  });

  it('If the account is in arrears and unable to renew automatically, it enters the isolation period on the expiration date; overdue alerts go to the creator and all collaborators on and after it; renewed on the 7th day, the instance is restored and the renewal cycle starts at the expiration time of the previous cycle', async () => {
    const c = await customerWithContacts('10.00'); // short of the 30.00 renewal price
    const expiry = sgt('2027-05-10 12:00');
    const r = await subscription(c.id, expiry, true);
    expect((await step(expiry)).outcomes).toMatchObject({ isolated: 1 });
    // released at the start of the 8th local day unless renewed first: the console counts down to it
    expect((await get(`/resources/${r.id}`)).body).toMatchObject({
      status: 'isolated',
      releaseAt: sgt('2027-05-18 00:00').toISOString(),
    });
    expect(await a.sys.cash(c.id)).toBe('10');
    // the platform is told, signed
    const [isolated] = hooksFor(r.id);
    expect(isolated.json).toMatchObject({
      type: 'resource.isolated',
      data: { resourceId: r.id, externalId: r.externalId },
    });
    expect(isolated.headers[WEBHOOK_HEADERS.eventId]).toBe(isolated.json.id);
    expect(
      verifyWebhook(
        SECRET,
        {
          timestamp: isolated.headers[WEBHOOK_HEADERS.timestamp] as string,
          signature: isolated.headers[WEBHOOK_HEADERS.signature] as string,
        },
        isolated.body,
      ),
    ).toBe(true);
    // overdue alert on the expiration date: creator and all collaborators, not sub-accounts
    for (const who of [c.contacts.creator, c.contacts.global, c.contacts.financial, c.contacts.other])
      expect(mailTo(who.email)).toContain('CKafka instance is isolated: renew within 7 days');
    expect(mailTo(c.contacts.sub.email)).toEqual([]);
    expect(smsTo(c.contacts.creator.phone).at(-1)).toContain('is isolated');
    // and after it, once a day
    for (let day = 1; day <= 6; day++) await step(new Date(expiry.getTime() + day * DAY_MS));
    expect(mailTo(c.contacts.other.email).filter((s) => s.includes('isolated'))).toHaveLength(7);

    // the 7th day after expiry, 20:00 Singapore time: a top-up and a manual renewal restore it
    const day7 = sgt('2027-05-17 20:00');
    await step(day7);
    const refused = await post(`/resources/${r.id}/renewals`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('INSUFFICIENT_BALANCE');
    await topUp(c.id, '20.00');
    const renewal = await post(`/resources/${r.id}/renewals`);
    expect(renewal.status).toBe(201);
    expect(renewal.body).toMatchObject({
      status: 'active',
      restored: true,
      expiresAt: sgt('2027-06-10 12:00').toISOString(),
      releaseAt: null,
    });
    expect(await a.sys.cash(c.id)).toBe('0');
    await flush();
    expect(hooksFor(r.id).map((h) => h.json.type)).toEqual(['resource.isolated', 'resource.restored']);
    expect(hooksFor(r.id)[1].json.data).toMatchObject({ periodStart: expiry.toISOString() });
    // day 8 comes and goes: the release timer of the old period does nothing
    const day8 = await step(sgt('2027-05-18 00:30'));
    expect(day8.outcomes.stale).toBeGreaterThanOrEqual(1);
    expect(day8.outcomes.released).toBeUndefined();
    expect((await get(`/resources/${r.id}`)).body.status).toBe('active');
  });

  it('If the instance is not renewed within 7 days (including the 7th day) after expiration, the system releases it and everyone is told', async () => {
    const c = await customerWithContacts('0');
    const expiry = sgt('2027-06-01 08:00');
    const r = await subscription(c.id, expiry, false, '30.00');
    await step(expiry);
    expect((await get(`/resources/${r.id}`)).body.status).toBe('isolated');
    // the last minute of the 7th day (Singapore time): still isolated
    await step(sgt('2027-06-08 23:59'));
    expect((await get(`/resources/${r.id}`)).body.status).toBe('isolated');
    // the 8th day: released
    const released = await step(sgt('2027-06-09 00:00'));
    expect(released.outcomes).toEqual({ released: 1 });
    expect((await get(`/resources/${r.id}`)).body.status).toBe('released');
    expect(hooksFor(r.id).map((h) => h.json.type)).toEqual(['resource.isolated', 'resource.released']);
    expect(hooksFor(r.id)[1].json.data).toMatchObject({ eraseData: true });
    for (const who of Object.values(c.contacts)) expect(mailTo(who.email)).toContain('CKafka instance was released');
    expect(smsTo(c.contacts.global.phone).at(-1)).toContain('released');
    // released data is erased: no renewal brings it back
    await topUp(c.id, '50.00');
    const late = await post(`/resources/${r.id}/renewals`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('RESOURCE_NOT_RENEWABLE');
  });

  it('You will receive the following alerts after specifying the recipients and receiving channels via Message Subscription Management', async () => {
    const c = await customerWithContacts('0');
    const contacts = (await get(`/customers/${c.id}/contacts`)).body.items as { id: string; role: string }[];
    const id = (role: string) => contacts.find((x) => x.role === role)!.id;
    // SMS to a contact without a phone number is refused
    const refused = await a.sys
      .http()
      .put(`/customers/${c.id}/message-subscriptions/expiration_warning`)
      .set(a.sys.auth)
      .send({ recipients: [{ contactId: id('collaborator'), channels: ['sms'] }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CONTACT_HAS_NO_PHONE');
    const chosen = await a.sys
      .http()
      .put(`/customers/${c.id}/message-subscriptions/expiration_warning`)
      .set(a.sys.auth)
      .send({
        recipients: [
          { contactId: id('creator'), channels: ['sms'] },
          { contactId: id('collaborator'), channels: ['email'] },
        ],
      });
    expect(chosen.status).toBe(200);
    expect(chosen.body.items).toHaveLength(2);
    const expiry = sgt('2027-08-20 12:00');
    const r = await subscription(c.id, expiry, false);
    await flush();
    await step(sgt('2027-08-13 10:00')); // the 7-day warning, to the chosen recipients and channels only
    expect(smsTo(c.contacts.creator.phone)).toHaveLength(1);
    expect(mailTo(c.contacts.creator.email)).toEqual([]);
    expect(mailTo(c.contacts.other.email)).toEqual(['CKafka instance expires in 7 days']);
    expect(mailTo(c.contacts.global.email)).toEqual([]);
    expect(smsTo(c.contacts.global.phone)).toEqual([]);
    expect(mailTo(c.contacts.financial.email)).toEqual([]);
    // overdue warnings are not customised: the seed's roles, every channel
    await step(expiry);
    expect((await get(`/resources/${r.id}`)).body.status).toBe('isolated');
    for (const who of [c.contacts.creator, c.contacts.global, c.contacts.financial, c.contacts.other])
      expect(mailTo(who.email)).toContain('CKafka instance is isolated: renew within 7 days');
    // [] goes back to the seed's roles
    const reset = await a.sys
      .http()
      .put(`/customers/${c.id}/message-subscriptions/expiration_warning`)
      .set(a.sys.auth)
      .send({ recipients: [] });
    expect(reset.body.items).toEqual([]);
  });

  it('webhooks are retried with backoff until the platform answers 2xx, every attempt is in the delivery log, and a replay sends the same event id again', async () => {
    const c = await customerWithContacts('0');
    const expiry = sgt('2027-07-01 12:00');
    const r = await subscription(c.id, expiry, false);
    await step(new Date(expiry.getTime() - 60_000)); // what the earlier scenarios' resources have due by then
    a.platform.failNext(2, 503);
    await a.sys.reconciler.ctx.get(RunLifecycleUseCase).run(expiry);
    const hooks = a.sys.reconciler.ctx.get(DispatchWebhooksUseCase);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await until(async () => (await hooks.execute()).claimed > 0));
    const list = await get(`/webhook-events?resourceId=${r.id}`);
    expect(list.status).toBe(200);
    const [event] = list.body.items;
    expect(event).toMatchObject({ type: 'resource.isolated', status: 'delivered', attempts: 3 });
    const detail = await get(`/webhook-events/${event.id}`);
    expect(detail.body.deliveries.map((d: { statusCode: number }) => d.statusCode)).toEqual([503, 503, 200]);
    const deliveriesOf = hooksFor(r.id);
    expect(deliveriesOf.map((h) => h.json.id)).toEqual([event.id, event.id, event.id]);
    // replay: the same id and body once more
    const replay = await a.sys.http().post(`/webhook-events/${event.id}/replay`).set(a.sys.auth).send({});
    expect(replay.status).toBe(200);
    expect(replay.body.status).toBe('pending');
    await flush();
    expect(hooksFor(r.id)).toHaveLength(4);
    expect(hooksFor(r.id)[3].body).toBe(deliveriesOf[0].body);
    // a platform that never answers 2xx: given up after the attempts, then replayable
    const r2 = await subscription(c.id, new Date(expiry.getTime() + 3600_000), false);
    await step(new Date(expiry.getTime() + 3600_000 - 60_000));
    a.platform.failNext(3, 500);
    await a.sys.reconciler.ctx.get(RunLifecycleUseCase).run(new Date(expiry.getTime() + 3600_000));
    for (let i = 0; i < 3; i++) await until(async () => (await hooks.execute()).claimed > 0);
    const failed = await get(`/webhook-events?resourceId=${r2.id}&status=failed`);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0].lastError).toBe('HTTP 500');
  });
});

/** Polls a condition the system signals (a receipt recorded, a retry due), up to 5 s. */
async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<true> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}
