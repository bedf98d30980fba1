import { PrismaService } from '@remitd/persistence';
import { PaygDeductionUseCase } from '@remitd/payments';
import { startTestAdminApi, type TestApi } from './support/admin-api';
import { startGatewaySimulator, type RunningGateway } from './support/gateway-simulator';

let keyNo = 0;
const key = () => `payg-${++keyNo}-${Date.now()}`;

/** Seed 000, "Users not on credit control": automatic deduction from the default payment method. */
describe('pay-as-you-go deduction through the gateway simulator', () => {
  let gw: RunningGateway;
  let api: TestApi;
  let auth: { Authorization: string };

  beforeAll(async () => {
    gw = await startGatewaySimulator();
    api = await startTestAdminApi({
      REMITD_GATEWAY_URL: gw.url,
      REMITD_GATEWAY_TIMEOUT_MS: '1000',
      REMITD_PAYG_RETRY_SCHEDULE_MS: '60000',
    });
    auth = { Authorization: `Bearer ${api.superKey}` };
    const port = (api.app.getHttpServer().address() as { port: number }).port;
    await gw.control({ webhookUrl: `http://127.0.0.1:${port}/webhooks/gateway` });
  });
  afterEach(async () => {
    const verify = await api.http().get('/ledger/verify').set(auth);
    expect(verify.body).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await api?.close();
    await gw?.stop();
  });

  const post = (url: string, body: object) => api.http().post(url).set(auth).set('Idempotency-Key', key()).send(body);
  const tick = (now: Date) => api.app.get(PaygDeductionUseCase).tick(now);
  // the injected clock: mid-month, so the month-end sweep of the previous month has nothing of these customers to take
  const MID_MONTH = new Date('2027-03-15T10:00:00Z');

  let n = 0;
  async function payg(kind: 'card' | 'paypal', behavior: Record<string, string> = {}) {
    const c = await post('/customers', { name: `Payg ${++n} Inc`, email: `payg${n}@example.com`, currency: 'USD' });
    expect(c.status).toBe(201);
    const token =
      kind === 'card'
        ? await gw.token({ kind: 'card', number: '4242424242424242', expiry: '12/29', behavior })
        : await gw.token({ kind: 'paypal', email: `payg${n}@example.com`, behavior });
    const linked = await post(`/customers/${c.body.id}/payment-methods`, { token: token.token });
    expect(linked.status).toBe(201);
    return { id: c.body.id as string, token: token.token, methodId: linked.body.id as string };
  }
  const charge = (customerId: string, amount: string, billingCycle = '2027-03') =>
    post(`/customers/${customerId}/charges`, {
      billingCycle,
      product: 'Compute (pay-as-you-go)',
      usage: '1 h',
      amount,
    });
  const paymentsOf = async (customerId: string) =>
    (await api.http().get(`/customers/${customerId}/gateway-payments`).set(auth)).body.items as {
      status: string;
      amount: string;
      purpose: string;
      billId: string | null;
      id: string;
    }[];

  it('links a card through the gateway and keeps only token, brand, last four digits and expiry; one is the default', async () => {
    const c = await payg('card');
    const second = await gw.token({ kind: 'paypal', email: 'second@example.com' });
    const linked = await post(`/customers/${c.id}/payment-methods`, { token: second.token });
    const list = await api.http().get(`/customers/${c.id}/payment-methods`).set(auth);
    expect(list.body.items).toEqual([
      expect.objectContaining({ kind: 'card', brand: 'visa', last4: '4242', expiry: '12/29', isDefault: true }),
      expect.objectContaining({ kind: 'paypal', brand: 'paypal', isDefault: false }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(c.token);
    const made = await api.http().post(`/customers/${c.id}/payment-methods/${linked.body.id}/default`).set(auth);
    expect(made.body).toMatchObject({ isDefault: true });
    const removed = await api.http().delete(`/customers/${c.id}/payment-methods/${linked.body.id}`).set(auth);
    expect(removed.body).toEqual({ newDefaultId: c.methodId });
    const unknown = await post(`/customers/${c.id}/payment-methods`, { token: 'tok_nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'GATEWAY_TOKEN_UNKNOWN', field: 'token' });
    // a member manages its own methods, not another customer's
    const memberKey = await api.keyFor('member', c.id);
    const own = await api
      .http()
      .get(`/customers/${c.id}/payment-methods`)
      .set({ Authorization: `Bearer ${memberKey}` });
    expect(own.status).toBe(200);
    const other = await payg('card');
    const theirs = await api
      .http()
      .get(`/customers/${other.id}/payment-methods`)
      .set({ Authorization: `Bearer ${memberKey}` });
    expect(theirs.status).toBe(403);
  });

  it('the threshold is USD 1,000 for bank cards: 999.99 is not deducted, exactly 1,000.00 is', async () => {
    const below = await payg('card');
    await charge(below.id, '999.99');
    const at = await payg('card');
    await charge(at.id, '600.00');
    await charge(at.id, '400.00');
    await tick(MID_MONTH);
    expect(await paymentsOf(below.id)).toEqual([]);
    expect(await paymentsOf(at.id)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount: '1000.00', purpose: 'payg_threshold' }),
    ]);
    const view = await api.http().get(`/customers/${at.id}/payg`).set(auth);
    expect(view.body).toMatchObject({ effectiveThreshold: '1000.00', unpaid: [], inArrears: false });
    expect((await api.http().get(`/customers/${below.id}/payg`).set(auth)).body.unpaid).toEqual([
      { currency: 'USD', amount: '999.99' },
    ]);
    // ticking again charges nothing twice
    await tick(MID_MONTH);
    expect(await paymentsOf(at.id)).toHaveLength(1);
    expect((await gw.charges(at.token)).length).toBe(1);
  });

  it('the PayPal threshold varies from USD 8 to USD 500 depending on the account: 8 and 500 accepted, 7.99 and 500.01 refused', async () => {
    const c = await payg('paypal');
    for (const ok of ['8', '500', '8.00', '500.00'])
      expect((await post(`/customers/${c.id}/payg`, { paypalThreshold: ok })).status).toBe(200);
    for (const bad of ['7.99', '500.01']) {
      const r = await post(`/customers/${c.id}/payg`, { paypalThreshold: bad });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'PAYPAL_THRESHOLD_OUT_OF_RANGE', field: 'paypalThreshold' });
    }
    await post(`/customers/${c.id}/payg`, { paypalThreshold: '8' });
    await charge(c.id, '7.99');
    await tick(MID_MONTH);
    expect(await paymentsOf(c.id)).toEqual([]);
    await charge(c.id, '0.01');
    await tick(MID_MONTH);
    expect(await paymentsOf(c.id)).toEqual([expect.objectContaining({ status: 'succeeded', amount: '8.00' })]);
  });

  it('at the end of each month, the system makes a single deduction for any bills that have not yet reached the threshold', async () => {
    const card = await payg('card');
    await charge(card.id, '120.00', '2027-03');
    await charge(card.id, '30.00', '2027-03');
    const paypal = await payg('paypal');
    await charge(paypal.id, '300.00', '2027-03');
    // April is under way: the month-end sweep of March is due; April's charges wait
    await charge(card.id, '5.00', '2027-04');
    const APRIL = new Date('2027-04-15T10:00:00Z');
    const r = await tick(APRIL);
    expect(r.monthEnd).toMatchObject({ billingCycle: '2027-03' });
    expect(await paymentsOf(card.id)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount: '150.00', purpose: 'payg_month_end' }),
    ]);
    expect(await paymentsOf(paypal.id)).toEqual([expect.objectContaining({ status: 'succeeded', amount: '300.00' })]);
    expect((await api.http().get(`/customers/${card.id}/payg`).set(auth)).body.unpaid).toEqual([
      { currency: 'USD', amount: '5.00' },
    ]);
    // once per month
    expect((await tick(APRIL)).monthEnd).toBeNull();
    // the bill issued afterwards shows the deduction as its repayment
    await api.http().post('/billing-runs/2027-03?force=true').set(auth).set('Idempotency-Key', key());
    await tick(APRIL);
    const bills = await api.http().get('/bills').query({ customerId: card.id }).set(auth);
    expect(bills.body.items).toEqual([expect.objectContaining({ billingCycle: '2027-03', status: 'settled' })]);
  });

  it('When you use PayPal as your default payment method, a pre-authorization check is triggered the first time you activate a pay-as-you-go product', async () => {
    const ok = await payg('paypal');
    const first = await post(`/customers/${ok.id}/payg-activations`, { product: 'Object storage' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ preauthorized: true });
    const second = await post(`/customers/${ok.id}/payg-activations`, { product: 'CDN' });
    expect(second.body).toMatchObject({ preauthorized: false });
    const refused = await payg('paypal', { authorize: 'decline' });
    const r = await post(`/customers/${refused.id}/payg-activations`, { product: 'Object storage' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PREAUTHORIZATION_FAILED');
    expect(r.body.error.message).toMatch(/not activated/);
    const stats = await gw.stats();
    expect(stats.voided).toBeGreaterThanOrEqual(1);
  });

  it('a charge that times out is never charged twice: pending until the webhook; "Do not make a duplicate payment during this time"', async () => {
    const c = await payg('card', { charge: 'timeout', webhook: 'held' });
    await charge(c.id, '80.00', '2026-09');
    await api.http().post('/billing-runs/2026-09?force=true').set(auth).set('Idempotency-Key', key());
    const bill = (await api.http().get('/bills').query({ customerId: c.id }).set(auth)).body.items[0];
    const first = await post(`/bills/${bill.id}/gateway-payments`, {});
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'pending', amount: '80.00' });
    const duplicate = await post(`/bills/${bill.id}/gateway-payments`, {});
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('PAYMENT_PENDING');
    // nor does automatic deduction take the bill's charge meanwhile
    expect((await api.http().get(`/customers/${c.id}/payg`).set(auth)).body.unpaid).toEqual([]);
    expect(await gw.flushWebhooks()).toEqual({ sent: 1, failed: 0 });
    const after = await api.http().get(`/customers/${c.id}/gateway-payments`).set(auth);
    expect(after.body.items).toEqual([expect.objectContaining({ id: first.body.id, status: 'succeeded' })]);
    expect((await api.http().get(`/bills/${bill.id}`).set(auth)).body).toMatchObject({ status: 'settled' });
    expect((await gw.charges(c.token)).filter((x) => x.status === 'succeeded')).toHaveLength(1);
    // the same request again answers the first outcome
    const replay = await api
      .http()
      .post(`/bills/${bill.id}/gateway-payments`)
      .set(auth)
      .set('Idempotency-Key', 'replayed-key')
      .send({});
    expect(replay.status).toBe(409); // settled now: nothing to pay
  });

  it('"The system defaults to the last used method": the payment-methods list names it, and a payment without a method uses it', async () => {
    const c = await payg('card');
    const paypal = await gw.token({ kind: 'paypal', email: `last-used-${c.id}@example.com` });
    const linked = await post(`/customers/${c.id}/payment-methods`, { token: paypal.token });
    const methods = () => api.http().get(`/customers/${c.id}/payment-methods`).set(auth);
    expect((await methods()).body.lastUsedMethodId).toBeNull();
    await charge(c.id, '30.00', '2026-07');
    await charge(c.id, '40.00', '2026-08');
    for (const cycle of ['2026-07', '2026-08'])
      await api.http().post(`/billing-runs/${cycle}?force=true`).set(auth).set('Idempotency-Key', key());
    const [july, august] = (await api.http().get('/bills').query({ customerId: c.id }).set(auth)).body.items;
    const first = await post(`/bills/${july.id}/gateway-payments`, { paymentMethodId: linked.body.id });
    expect(first.body).toMatchObject({ status: 'succeeded', paymentMethodId: linked.body.id });
    expect((await methods()).body.lastUsedMethodId).toBe(linked.body.id);
    // not the default (the card): the last used
    const second = await post(`/bills/${august.id}/gateway-payments`, {});
    expect(second.body).toMatchObject({ status: 'succeeded', paymentMethodId: linked.body.id, channel: 'paypal' });
    // an unlinked method is no longer the last used
    await api.http().delete(`/customers/${c.id}/payment-methods/${linked.body.id}`).set(auth);
    expect((await methods()).body.lastUsedMethodId).toBeNull();
  });

  it('a timeout without a webhook is resolved by the idempotency key query', async () => {
    const c = await payg('card', { charge: 'timeout', webhook: 'none' });
    await charge(c.id, '1000.00');
    await tick(MID_MONTH);
    expect(await paymentsOf(c.id)).toEqual([expect.objectContaining({ status: 'pending' })]);
    // a minute later the key is asked about
    await tick(new Date(MID_MONTH.getTime() + 3600_000));
    expect(await paymentsOf(c.id)).toEqual([expect.objectContaining({ status: 'succeeded', amount: '1000.00' })]);
    expect(await gw.charges(c.token)).toHaveLength(1);
  });

  it('a failed deduction is retried on a schedule; when retries run out the customer is in arrears', async () => {
    const c = await payg('card', { charge: 'decline' });
    await charge(c.id, '1000.00');
    await tick(MID_MONTH);
    expect(await paymentsOf(c.id)).toEqual([expect.objectContaining({ status: 'retry_scheduled' })]);
    await tick(new Date(MID_MONTH.getTime() + 120_000));
    expect(await paymentsOf(c.id)).toEqual([expect.objectContaining({ status: 'failed' })]);
    const view = await api.http().get(`/customers/${c.id}/payg`).set(auth);
    expect(view.body).toMatchObject({ inArrears: true, unpaid: [{ currency: 'USD', amount: '1000.00' }] });
    expect((await gw.charges(c.token)).length).toBe(2);
  });

  it("refuses a webhook whose signature is not the gateway's", async () => {
    const r = await api
      .http()
      .post('/webhooks/gateway')
      .set('Gateway-Signature', `t=${Math.floor(Date.now() / 1000)},v1=00`)
      .send({ id: 'evt', type: 'charge.succeeded', data: {} });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('INVALID_WEBHOOK_SIGNATURE');
  });

  describe('deductions and other payments of the same bill never pay it twice', () => {
    const cash = async (customerId: string) =>
      (
        await api.app
          .get(PrismaService)
          .ledgerAccount.findUnique({ where: { code: `customer:${customerId}:cash:USD` } })
      )?.balance.toString() ?? '0';
    const billOf = async (customerId: string, cycle: string) =>
      (await api.http().get('/bills').query({ customerId, billingCycle: cycle }).set(auth)).body.items[0];
    const issue = (cycle: string) =>
      api.http().post(`/billing-runs/${cycle}?force=true`).set(auth).set('Idempotency-Key', key()).expect(201);

    it('fees deducted before the bill is issued pay it at issuance: automatic write-off does not take the balance too', async () => {
      const c = await payg('card');
      await post(`/customers/${c.id}/top-ups`, { amount: '500.00', reference: 'WIRE-PAYG-1' }).expect(201);
      await charge(c.id, '1000.00', '2027-06');
      await tick(new Date('2027-06-15T10:00:00Z'));
      expect(await paymentsOf(c.id)).toEqual([expect.objectContaining({ status: 'succeeded', amount: '1000.00' })]);
      await issue('2027-06');
      const bill = await billOf(c.id, '2027-06');
      expect(bill).toMatchObject({ status: 'settled', paid: '1000.00' });
      const detail = (await api.http().get(`/bills/${bill.id}`).set(auth)).body;
      expect(detail.repayments.map((r: { method: string; amount: string }) => [r.method, r.amount])).toEqual([
        ['external', '1000.00'],
      ]);
      expect(await cash(c.id)).toMatch(/^500(\.0+)?$/);
    });

    it('a bill partly paid by a transfer before the month-end deduction takes only what it owes; the rest of the deduction stays in the balance', async () => {
      const c = await payg('card');
      await charge(c.id, '600.00', '2027-07');
      await issue('2027-07');
      await post(`/customers/${c.id}/top-ups`, { amount: '100.00', reference: 'WIRE-PAYG-2' }).expect(201);
      expect(await billOf(c.id, '2027-07')).toMatchObject({ paid: '100.00' });
      await tick(new Date('2027-08-15T10:00:00Z'));
      expect(await paymentsOf(c.id)).toEqual([expect.objectContaining({ status: 'succeeded', amount: '600.00' })]);
      expect(await billOf(c.id, '2027-07')).toMatchObject({ status: 'settled', paid: '600.00' });
      expect(await cash(c.id)).toMatch(/^100(\.0+)?$/);
    });
  });
});
