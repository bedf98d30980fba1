import { startArrearsSystem, sgt, type ArrearsSystem } from './support/arrears-system';

/**
 * Seed 003, "Pay-Per-Hour Postpaid Instance Overdue Payment", end to end over the admin API, the
 * reconciler's use cases at an injected clock, real SMTP and SMPP servers and the platform's
 * webhook receiver. Billing time zone: Asia/Singapore.
 */
describe('arrears lifecycle of pay-per-hour resources (seed 003)', () => {
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

  async function hourly(customerId: string, hourlyPrice: string, billingStartsAt: Date) {
    const r = await a.post(`/customers/${customerId}/resources`, {
      externalId: `cvm-${a.key()}`,
      name: 'CVM instance',
      billingMode: 'hourly',
      hourlyPrice,
      billingStartsAt: billingStartsAt.toISOString(),
    });
    expect(r.status).toBe(201);
    return r.body as { id: string; status: string };
  }
  const statusOf = async (id: string) => (await a.get(`/resources/${id}`)).body.status as string;

  it('fees are deducted at each full hour; when the balance becomes negative the creator, global resource collaborator and financial collaborator are told by email and SMS; after exactly 24 hours the instance stops and fees keep accruing; a top-up to 0.00 does not restore it, to 0.01 does', async () => {
    const c = await a.customerWithContacts('1.00');
    const r = await hourly(c.id, '0.50', sgt('2027-08-01 00:00'));
    expect((await a.step(sgt('2027-08-01 00:59'))).hourly.customers).toBe(0);
    await a.step(sgt('2027-08-01 01:00'));
    expect(await a.sys.cash(c.id)).toBe('0.5');
    await a.step(sgt('2027-08-01 02:00'));
    expect(await a.sys.cash(c.id)).toBe('0'); // zero is not negative: no reminder
    expect(a.mailTo(c.contacts.creator.email)).toEqual([]);
    const negative = await a.step(sgt('2027-08-01 03:00'));
    expect(negative.hourly).toMatchObject({ customers: 1, becameNegative: 1 });
    expect(await a.sys.cash(c.id)).toBe('-0.5');
    expect(a.mailTo(c.contacts.creator.email)).toEqual(['Your balance is negative']);
    expect(a.mailTo(c.contacts.financial.email)).toEqual(['Your balance is negative']);
    expect(a.smsTo(c.contacts.global.phone)).toHaveLength(1);
    expect(a.mailTo(c.contacts.other.email)).toEqual([]);
    // the next negative hour reminds no one again
    await a.step(sgt('2027-08-01 04:00'));
    expect(a.mailTo(c.contacts.creator.email)).toHaveLength(1);

    // keeps running and billing for 24 hours
    await a.step(sgt('2027-08-02 02:59'));
    expect(await statusOf(r.id)).toBe('active');
    const stop = await a.step(sgt('2027-08-02 03:00'));
    expect(stop.lifecycle.outcomes).toEqual({ stopped: 1 });
    expect(await statusOf(r.id)).toBe('stopped');
    const [stopped] = a.hooksFor(r.id);
    expect(stopped.json).toMatchObject({ type: 'resource.stopped', occurredAt: sgt('2027-08-02 03:00').toISOString() });
    expect(a.mailTo(c.contacts.creator.email).at(-1)).toBe('Your pay-per-hour service was stopped');
    expect(await a.sys.cash(c.id)).toBe('-12.5'); // 1.00 − 27 h × 0.50
    await a.step(sgt('2027-08-02 04:00'));
    expect(await a.sys.cash(c.id)).toBe('-13'); // stopped, still billing
    // "the customer's console and API use is restricted": a member may read and pay, nothing else
    const member = { Authorization: `Bearer ${await a.sys.keyFor('member', c.id)}` };
    const activate = () =>
      a.sys
        .http()
        .post(`/customers/${c.id}/payg-activations`)
        .set(member)
        .set('Idempotency-Key', `restricted-${Date.now()}-${Math.random()}`)
        .send({ product: 'Object storage' });
    const refused = await activate();
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_RESTRICTED');
    expect(refused.body.error.message).toMatch(/above 0/);
    expect((await a.sys.http().get(`/customers/${c.id}`).set(member)).status).toBe(200);

    await a.topUp(c.id, '13.00');
    await a.step(sgt('2027-08-02 04:10'));
    expect(await a.sys.cash(c.id)).toBe('0');
    expect(await statusOf(r.id)).toBe('stopped');
    await a.topUp(c.id, '0.01');
    const restore = await a.step(sgt('2027-08-02 04:20'));
    expect(restore.hourly.restored).toBe(1);
    expect(await statusOf(r.id)).toBe('active');
    expect(a.hooksFor(r.id).map((h) => h.json.type)).toEqual(['resource.stopped', 'resource.restored']);
    // restored: the restriction is lifted
    expect((await activate()).body.error?.code).not.toBe('ACCOUNT_RESTRICTED');
    // billing continues
    await a.step(sgt('2027-08-02 05:00'));
    expect(await a.sys.cash(c.id)).toBe('-0.49');
  });

  it('not topped up above 0 within 7 days of the stop, the instance is terminated and the root account, sub-accounts and collaborators are told by email and SMS', async () => {
    const c = await a.customerWithContacts('0');
    const r = await hourly(c.id, '1.00', sgt('2027-09-01 00:00'));
    await a.step(sgt('2027-09-01 01:00'));
    await a.step(sgt('2027-09-02 01:00'));
    expect(await statusOf(r.id)).toBe('stopped');
    // terminated 7 days after the stop unless topped up first: the console counts down to it
    expect((await a.get(`/resources/${r.id}`)).body.releaseAt).toBe(sgt('2027-09-09 01:00').toISOString());
    await a.step(sgt('2027-09-09 00:59'));
    expect(await statusOf(r.id)).toBe('stopped');
    const end = await a.step(sgt('2027-09-09 01:00'));
    expect(end.lifecycle.outcomes).toEqual({ terminated: 1 });
    expect(await statusOf(r.id)).toBe('terminated');
    expect(a.hooksFor(r.id).map((h) => h.json.type)).toEqual(['resource.stopped', 'resource.terminated']);
    for (const who of Object.values(c.contacts))
      expect(a.mailTo(who.email)).toContain('Your pay-per-hour service was terminated');
    expect(a.smsTo(c.contacts.creator.phone).at(-1)).toContain('terminated');
    // a terminated resource bills no more
    const cash = await a.sys.cash(c.id);
    await a.step(sgt('2027-09-09 05:00'));
    expect(await a.sys.cash(c.id)).toBe(cash);
  });

  it('a top-up above 0 that races the stop wins: nothing stops, and a later negative balance starts a new 24 hours', async () => {
    const c = await a.customerWithContacts('0');
    const r = await hourly(c.id, '2.00', sgt('2027-10-01 00:00'));
    await a.step(sgt('2027-10-01 01:00'));
    await a.step(sgt('2027-10-02 00:00'));
    expect(await a.sys.cash(c.id)).toBe('-48');
    await a.topUp(c.id, '50.00');
    // the stop's instant: the hour's fee (2.00) leaves 0.00, not above 0
    const due = await a.step(sgt('2027-10-02 01:00'));
    expect(await a.sys.cash(c.id)).toBe('0');
    expect(due.lifecycle.outcomes).toEqual({ stopped: 1 });
    expect(await statusOf(r.id)).toBe('stopped');
    // second customer: the top-up leaves the balance above 0 at the stop's instant
    const d = await a.customerWithContacts('0');
    const s = await hourly(d.id, '2.00', sgt('2027-10-01 00:00'));
    await a.step(sgt('2027-10-02 00:00'));
    await a.topUp(d.id, '60.00');
    const raced = await a.step(sgt('2027-10-02 01:00'));
    expect(raced.hourly.recovered).toBe(1);
    expect(await statusOf(s.id)).toBe('active');
    expect(a.hooksFor(s.id)).toEqual([]);
    // 60 − 48 − 2 = 10.00 left: negative again 6 hours later, a new reminder and a new 24 hours from then
    const again = await a.step(sgt('2027-10-02 07:00'));
    expect(again.hourly.becameNegative).toBe(1);
    expect(a.mailTo(d.contacts.creator.email).filter((m) => m === 'Your balance is negative')).toHaveLength(2);
    await a.step(sgt('2027-10-03 06:59'));
    expect(await statusOf(s.id)).toBe('active');
    await a.step(sgt('2027-10-03 07:00'));
    expect(await statusOf(s.id)).toBe('stopped');
  });

  it('a partial payment that leaves the balance negative changes nothing: no new reminder, the stop still comes 24 hours after the balance first turned negative', async () => {
    const c = await a.customerWithContacts('0');
    const r = await hourly(c.id, '1.00', sgt('2027-11-01 00:00'));
    const negative = await a.step(sgt('2027-11-01 01:00'));
    expect(negative.hourly.becameNegative).toBe(1);
    expect(a.mailTo(c.contacts.creator.email)).toEqual(['Your balance is negative']);
    await a.step(sgt('2027-11-01 10:00'));
    expect(await a.sys.cash(c.id)).toBe('-10');
    await a.topUp(c.id, '6.00'); // −4.00: still negative
    await a.step(sgt('2027-11-01 11:00'));
    expect(await a.sys.cash(c.id)).toBe('-5');
    expect(a.mailTo(c.contacts.creator.email)).toEqual(['Your balance is negative']);
    await a.step(sgt('2027-11-02 00:59'));
    expect(await statusOf(r.id)).toBe('active');
    const stop = await a.step(sgt('2027-11-02 01:00'));
    expect(stop.lifecycle.outcomes).toEqual({ stopped: 1 });
    expect(a.mailTo(c.contacts.creator.email).at(-1)).toBe('Your pay-per-hour service was stopped');
  });

  it('a balance alert fires once when the balance falls below its threshold, to the chosen contacts and channels, and re-arms when the balance recovers', async () => {
    const c = await a.customerWithContacts('100.00');
    const contacts = (await a.get(`/customers/${c.id}/contacts`)).body.items as { id: string; role: string }[];
    const creator = contacts.find((x) => x.role === 'creator')!;
    const financial = contacts.find((x) => x.role === 'financial_collaborator')!;
    const set = await a.post(`/customers/${c.id}/balance-alerts`, {
      threshold: '50.00',
      contactIds: [creator.id, financial.id],
      channels: ['email', 'sms'],
    });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ threshold: '50.00', armed: true, crossings: 0, channels: ['email', 'sms'] });
    const bad = await a.post(`/customers/${c.id}/balance-alerts`, { threshold: '50.001' });
    expect(bad.status).toBe(400);
    await hourly(c.id, '10.00', sgt('2027-12-01 00:00'));
    const subject = 'Your balance is below 50.00 EUR';
    const alerts = () => a.mailTo(c.contacts.creator.email).filter((m) => m === subject);
    await a.step(sgt('2027-12-01 05:00')); // 50.00: not below
    expect(alerts()).toEqual([]);
    const crossed = await a.step(sgt('2027-12-01 06:00')); // 40.00
    expect(crossed.alerts.fired).toBe(1);
    expect(alerts()).toHaveLength(1);
    expect(a.mailTo(c.contacts.financial.email)).toContain(subject);
    expect(a.mailTo(c.contacts.global.email)).not.toContain(subject);
    expect(a.smsTo(c.contacts.creator.phone).at(-1)).toContain('below the alert threshold of 50.00 EUR');
    await a.step(sgt('2027-12-01 07:00')); // 30.00: still below, told once
    expect(alerts()).toHaveLength(1);
    await a.topUp(c.id, '100.00'); // 130.00: recovered, re-armed
    expect((await a.step(sgt('2027-12-01 07:30'))).alerts.rearmed).toBe(1);
    expect((await a.get(`/customers/${c.id}/balance-alerts`)).body.items[0]).toMatchObject({
      armed: true,
      crossings: 1,
    });
    await a.step(sgt('2027-12-01 15:00')); // 50.00
    expect(alerts()).toHaveLength(1);
    await a.step(sgt('2027-12-01 16:00')); // 40.00: the second crossing
    expect(alerts()).toHaveLength(2);
    // removed, it tells no one again; another customer's member may not remove it, and its own gets 404 once gone
    const url = `/customers/${c.id}/balance-alerts/${set.body.id}`;
    const other = await a.sys.customer({ currency: 'EUR' });
    const stranger = { Authorization: `Bearer ${await a.sys.keyFor('member', other.id)}` };
    expect((await a.sys.http().delete(url).set(stranger)).status).toBe(403);
    const member = { Authorization: `Bearer ${await a.sys.keyFor('member', c.id)}` };
    const removed = await a.sys.http().delete(url).set(member);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: set.body.id, threshold: '50.00', crossings: 2 });
    expect((await a.get(`/customers/${c.id}/balance-alerts`)).body.items).toEqual([]);
    expect((await a.sys.http().delete(url).set(member)).body.error.code).toBe('BALANCE_ALERT_NOT_FOUND');
    const audit = (await a.get(`/audit-log?entityId=${c.id}`)).body.items as { action: string }[];
    expect(audit.map((x) => x.action)).toContain('balance_alert.removed');
    await a.topUp(c.id, '100.00');
    await a.step(sgt('2027-12-01 16:30'));
    await a.step(sgt('2027-12-02 04:00')); // below 50.00 again: no alert
    expect(alerts()).toHaveLength(2);
  });
});
