import { startSystem, type TestSystem } from './support/system';

/**
 * Seed 000: "If a user on credit control chooses to pay by billing cycle and selects Use Account
 * Balance, the system first uses the account balance and any credit control refund amount to pay
 * for the bill in the corresponding billing cycle. By default, refunds cannot be used for bills
 * from previous billing cycles. The remaining amount is paid through an external payment method."
 */
describe('pay by billing cycle (credit control, seed 000)', () => {
  let sys: TestSystem;
  beforeAll(async () => (sys = await startSystem()));
  afterAll(() => sys.close());
  afterEach(async () => expect((await sys.verifyLedger()).ok).toBe(true));

  let n = 0;
  const post = (path: string, body: Record<string, unknown>) =>
    sys.http().post(path).set(sys.auth).set('Idempotency-Key', `k-${++n}-${Date.now()}`).send(body);
  const refund = (customerId: string, billingCycle: string, amount: string) =>
    post(`/customers/${customerId}/refunds`, { amount, billingCycle, reason: `SLA credit ${billingCycle}` }).expect(
      201,
    );
  const refunds = async (customerId: string) =>
    (await sys.http().get(`/customers/${customerId}/refunds`).set(sys.auth).expect(200)).body.items as {
      billingCycle: string;
      remaining: string;
    }[];

  it('uses the refund of that cycle and the account balance first, the rest through the external method; a refund of an earlier cycle is not used', async () => {
    const c = await sys.customer({ creditControl: true, autoWriteOff: false });
    const aug = await sys.bill(c.id, '2026-08', '50.00');
    const sep1 = await sys.bill(c.id, '2026-09', '140.00');
    await refund(c.id, '2026-09', '30.00');
    await refund(c.id, '2026-08', '20.00');
    await post(`/customers/${c.id}/top-ups`, { amount: '50.00', reference: 'WIRE-CYCLE-1' }).expect(201);
    // Automatic Bill Settlement is off: the refunds and the top-up wait
    expect(await sys.cash(c.id)).toBe('50');

    const paid = await post(`/customers/${c.id}/cycle-payments`, {
      billingCycle: '2026-09',
      useAccountBalance: true,
      external: { channel: 'offline', reference: 'CHQ-2026-09' },
    }).expect(201);
    expect(paid.body).toMatchObject({
      billingCycle: '2026-09',
      currency: 'EUR',
      fromRefunds: '30.00',
      fromBalance: '50.00',
      external: '60.00',
      externalReference: 'CHQ-2026-09',
      outstanding: '0.00',
    });
    expect(paid.body.bills).toEqual([expect.objectContaining({ billId: sep1.id, status: 'settled', paid: '140.00' })]);
    // the August refund is untouched and the August bill still open
    expect((await refunds(c.id)).find((r) => r.billingCycle === '2026-08')!.remaining).toBe('20.00');
    expect((await sys.http().get(`/bills/${aug.id}`).set(sys.auth)).body.status).toBe('unsettled');

    // paying August by cycle uses the August refund; no balance left, no external channel: the rest stays
    const aPaid = await post(`/customers/${c.id}/cycle-payments`, { billingCycle: '2026-08' }).expect(201);
    expect(aPaid.body).toMatchObject({
      fromRefunds: '20.00',
      fromBalance: '0.00',
      external: '0.00',
      outstanding: '30.00',
    });
    const repayments = await sys.http().get(`/repayments?billId=${sep1.id}`).set(sys.auth).expect(200);
    expect(repayments.body.items.map((r: { method: string }) => r.method).sort()).toEqual(
      expect.arrayContaining(['refund', 'balance']),
    );
  });

  it('with "write off past bills" on, a refund of a later cycle may pay an earlier cycle', async () => {
    const c = await sys.customer({ creditControl: true, autoWriteOff: false, writeOffPastBills: true });
    await sys.bill(c.id, '2026-08', '25.00');
    await refund(c.id, '2026-09', '25.00');
    const r = await post(`/customers/${c.id}/cycle-payments`, { billingCycle: '2026-08' }).expect(201);
    expect(r.body).toMatchObject({ fromRefunds: '25.00', outstanding: '0.00' });
  });

  it('"write off past bills" exists only for customers on credit control', async () => {
    const payg = await post('/customers', {
      name: 'PAYG Ltd',
      email: 'payg@customer.example',
      currency: 'EUR',
      writeOffPastBills: true,
    });
    expect(payg.status).toBe(400);
    expect(payg.body.error.field).toBe('writeOffPastBills');
    const c = await sys.customer({ creditControl: true, writeOffPastBills: true });
    const off = await sys.http().patch(`/customers/${c.id}`).set(sys.auth).send({ creditControl: false }).expect(200);
    expect(off.body.writeOffPastBills).toBe(false);
  });

  it('is refused for a customer not on credit control, for a cycle with nothing to pay, and for a malformed cycle', async () => {
    const payg = await sys.customer({ creditControl: false });
    await sys.bill(payg.id, '2026-09', '10.00');
    const r = await post(`/customers/${payg.id}/cycle-payments`, { billingCycle: '2026-09' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('NOT_ON_CREDIT_CONTROL');
    const cc = await sys.customer({ creditControl: true });
    expect((await post(`/customers/${cc.id}/cycle-payments`, { billingCycle: '2026-09' })).body.error.code).toBe(
      'NOTHING_TO_PAY',
    );
    const bad = await post(`/customers/${cc.id}/cycle-payments`, { billingCycle: '2026-13' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/billingCycle/);
  });
});
