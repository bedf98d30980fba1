import { startSystem, type TestSystem } from './support/system';

/** Seed 000's FAQ "why does my bill still show as unsettled?", and repayment records from January 2023. */
describe('why a bill is unsettled, and which repayment records are shown (seed 000)', () => {
  let sys: TestSystem;
  beforeAll(async () => (sys = await startSystem()));
  afterAll(() => sys.close());
  afterEach(async () => expect((await sys.verifyLedger()).ok).toBe(true));

  const get = (path: string) => sys.http().get(path).set(sys.auth).expect(200);
  const codes = async (billId: string) =>
    ((await get(`/bills/${billId}/why-unsettled`)).body.reasons as { code: string; message: string }[]).map(
      (r) => r.code,
    );

  it('You can view repayment records only for bills from January 2023 onwards (the bill cycle, not the payment date)', async () => {
    const c = await sys.customer();
    const dec = await sys.bill(c.id, '2022-12', '10.00');
    const jan = await sys.bill(c.id, '2023-01', '15.00');
    await sys
      .http()
      .post(`/customers/${c.id}/top-ups`)
      .set(sys.auth)
      .set('Idempotency-Key', `t-${c.id}`)
      .send({ amount: '25.00', reference: 'WIRE-2023' })
      .expect(201);
    const old = (await get(`/bills/${dec.id}`)).body;
    expect(old).toMatchObject({ status: 'settled', repaymentRecordsAvailable: false, repayments: [] });
    const recent = (await get(`/bills/${jan.id}`)).body;
    expect(recent.repaymentRecordsAvailable).toBe(true);
    expect(recent.repayments).toHaveLength(1);
    const list = (await get(`/repayments?customerId=${c.id}`)).body.items as { billingCycle: string }[];
    expect(list.map((r) => r.billingCycle)).toEqual(['2023-01']);
  });

  it('Special rules for credit control customers, and Insufficient available credit', async () => {
    const c = await sys.customer({ creditControl: true });
    const b = await sys.bill(c.id, '2026-09', '10.00');
    const why = (await get(`/bills/${b.id}/why-unsettled`)).body.reasons as { code: string; message: string }[];
    expect(why.map((r) => r.code)).toEqual(expect.arrayContaining(['credit_control_terms', 'insufficient_credit']));
    expect(why.find((r) => r.code === 'credit_control_terms')!.message).toMatch(/payment terms \(monthly/);
  });

  it('a pay-as-you-go customer without a default payment method is told so', async () => {
    const c = await sys.customer({ creditControl: false });
    const b = await sys.bill(c.id, '2026-09', '10.00');
    const why = (await get(`/bills/${b.id}/why-unsettled`)).body.reasons as { code: string; message: string }[];
    expect(why.find((r) => r.code === 'pay_as_you_go')!.message).toMatch(/no default payment method/);
  });

  it('a customer queued for the write-off sweep is told it is paid within a minute', async () => {
    const c = await sys.customer({ creditControl: true });
    const b = await sys.bill(c.id, '2026-09', '10.00');
    await sys.http().patch(`/customers/${c.id}`).set(sys.auth).send({ creditLimit: '50.00' }).expect(200);
    expect(await codes(b.id)).toContain('write_off_queued');
  });
});
