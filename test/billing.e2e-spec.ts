import { AutoWriteOffUseCase, IssueBillsUseCase } from '@remitd/billing';
import { PrismaService, TransactionRunner } from '@remitd/persistence';
import { startSystem, type TestSystem } from './support/system';

let keyNo = 0;
const key = () => `k-${++keyNo}-${Date.now()}`;

describe('billing domain over HTTP', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ env: { REMITD_TIMEZONE: 'Asia/Shanghai' } });
  });
  afterEach(async () => {
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });
  });
  afterAll(() => sys.close());

  const post = (url: string, body: object, k = key()) =>
    sys.http().post(url).set(sys.auth).set('Idempotency-Key', k).send(body);
  const charge = (customerId: string, billingCycle: string, amount: string, product = 'Compute') =>
    post(`/customers/${customerId}/charges`, { billingCycle, product, usage: '720 h', amount });
  const issue = (cycle: string) => sys.api.get(IssueBillsUseCase).execute(cycle, { force: true });
  const billOf = async (customerId: string, cycle: string) =>
    await sys.prisma.bill.findFirstOrThrow({ where: { customerId, billingCycle: cycle } });

  it('issues bills at exactly 12:00 on the 2nd of the following month in the billing time zone', async () => {
    const c = await sys.customer({ name: 'Clockwork Ltd', autoWriteOff: false });
    await charge(c.id, '2026-03', '10.00');
    const use = sys.api.get(IssueBillsUseCase);
    // 2026-04-02 12:00 in Shanghai is 04:00 UTC
    expect((await use.execute('2026-03', { now: new Date('2026-04-02T03:59:59Z') })).skipped).toBe('not_due_yet');
    const r = await use.execute('2026-03', { now: new Date('2026-04-02T04:00:00Z') });
    expect(r.billsIssued).toBeGreaterThanOrEqual(1);
    const bill = await billOf(c.id, '2026-03');
    expect(bill.issuedAt.toISOString()).toBe('2026-04-02T04:00:00.000Z');
    expect(bill.dueDate).toBe('2026-04-15');
    expect((await use.execute('2026-03', { now: new Date('2026-04-03T00:00:00Z') })).skipped).toBe('already_issued');
    const detail = await sys.http().get(`/bills/${bill.id}`).set(sys.auth);
    expect(detail.body.lines).toEqual([{ product: 'Compute', usage: '720 h', amount: '10.00' }]);
  });

  it('shows available credit = cash balance + credit limit − frozen amount, and write-off pays within it', async () => {
    const c = await sys.customer({ name: 'Credit Line Co', creditLimit: '100.00', frozenAmount: '30.00' });
    await charge(c.id, '2026-04', '50.00');
    await charge(c.id, '2026-05', '50.00');
    await issue('2026-04');
    await issue('2026-05');
    const april = await billOf(c.id, '2026-04');
    const may = await billOf(c.id, '2026-05');
    expect(april.status).toBe('settled'); // 70 available: April paid, May partly
    expect(may.status).toBe('overdue'); // partly paid and past its due date
    expect(may.paid.toString()).toMatch(/^20(\.0+)?$/);
    const view = await sys.http().get(`/customers/${c.id}`).set(sys.auth);
    expect(view.body).toMatchObject({ cashBalance: '-70.00', availableCredit: '0.00' });
    const why = await sys.http().get(`/bills/${may.id}/why-unsettled`).set(sys.auth);
    expect(why.body.reasons.map((r: { code: string }) => r.code)).toContain('insufficient_credit');
    // a top-up is paid automatically to the bill
    const top = await post(`/customers/${c.id}/top-ups`, { amount: '100.00', reference: 'BANK-77' });
    expect(top.status).toBe(201);
    expect((await billOf(c.id, '2026-05')).status).toBe('settled');
  });

  it('pays with a stored-value card only the bill of its own month', async () => {
    const c = await sys.customer({ name: 'Card Holder GmbH' });
    const card = await post(`/customers/${c.id}/stored-value-cards`, { amount: '100.00', validMonth: '2026-07' });
    expect(card.status).toBe(201);
    // both orders name the card (seed 000: a card pays only what was ordered with it)
    const cardId = card.body.id;
    for (const cycle of ['2026-06', '2026-07'])
      expect(
        (
          await post(`/customers/${c.id}/charges`, {
            billingCycle: cycle,
            product: 'Compute',
            usage: '720 h',
            amount: '40.00',
            storedValueCardId: cardId,
          })
        ).status,
      ).toBe(201);
    await issue('2026-06');
    await issue('2026-07');
    expect((await billOf(c.id, '2026-06')).status).toBe('overdue');
    expect((await billOf(c.id, '2026-07')).status).toBe('settled');
    const reps = await sys.http().get('/repayments').query({ customerId: c.id }).set(sys.auth);
    expect(
      reps.body.items.map((r: { method: string; billingCycle: string }) => `${r.billingCycle}:${r.method}`),
    ).toEqual(['2026-07:stored_value_card']);
    const why = await sys
      .http()
      .get(`/bills/${(await billOf(c.id, '2026-06')).id}/why-unsettled`)
      .set(sys.auth);
    expect(why.body.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['card_restriction', 'insufficient_credit']),
    );
    const cards = await sys.http().get(`/customers/${c.id}/stored-value-cards`).set(sys.auth);
    expect(cards.body.items[0].balance).toBe('60.00');
  });

  it('Stored value card restrictions: a card does not pay a line whose service spans months, nor an order placed without naming the card', async () => {
    const c = await sys.customer({ name: 'Card Rules GmbH' });
    const card = await post(`/customers/${c.id}/stored-value-cards`, { amount: '100.00', validMonth: '2026-02' });
    const cardId = card.body.id;
    const line = (amount: string, extra: object) =>
      post(`/customers/${c.id}/charges`, { billingCycle: '2026-02', product: 'Compute', usage: '1', amount, ...extra });
    expect(
      (
        await line('30.00', {
          storedValueCardId: cardId,
          servicePeriodStart: '2026-02-01',
          servicePeriodEnd: '2026-02-28',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await line('20.00', {
          storedValueCardId: cardId,
          servicePeriodStart: '2026-01-15',
          servicePeriodEnd: '2026-02-14',
        })
      ).status,
    ).toBe(201);
    expect((await line('10.00', {})).status).toBe(201);
    // bad periods and foreign cards are refused, naming the field
    const half = await line('1.00', { servicePeriodStart: '2026-02-01' });
    expect(half.status).toBe(400);
    expect(half.body.error.field).toBe('servicePeriodEnd');
    const reversed = await line('1.00', { servicePeriodStart: '2026-02-02', servicePeriodEnd: '2026-02-01' });
    expect(reversed.body.error.field).toBe('servicePeriodEnd');
    const stranger = await sys.customer({ name: 'Stranger GmbH' });
    const foreign = await post(`/customers/${stranger.id}/charges`, {
      billingCycle: '2026-02',
      product: 'Compute',
      usage: '1',
      amount: '1.00',
      storedValueCardId: cardId,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('storedValueCardId');

    await issue('2026-02');
    const bill = await billOf(c.id, '2026-02');
    expect(bill.paid.toString()).toBe('30');
    const why = await sys.http().get(`/bills/${bill.id}/why-unsettled`).set(sys.auth);
    const restriction = why.body.reasons.find((r: { code: string }) => r.code === 'card_restriction');
    expect(restriction.message).toMatch(/spans months/);
    expect(restriction.message).toMatch(/without naming a card/);
    const cards = await sys.http().get(`/customers/${c.id}/stored-value-cards`).set(sys.auth);
    expect(cards.body.items[0].balance).toBe('70.00');
  });

  it('lets a refund pay only bills of its cycle or later unless "write off past bills" is on', async () => {
    const strict = await sys.customer({ name: 'Strict Refund SA', creditControl: true });
    const lenient = await sys.customer({ name: 'Lenient Refund SA', creditControl: true, writeOffPastBills: true });
    for (const c of [strict, lenient]) {
      await charge(c.id, '2026-08', '30.00');
      await charge(c.id, '2026-09', '30.00');
    }
    await issue('2026-08');
    await issue('2026-09');
    for (const c of [strict, lenient]) {
      const r = await post(`/customers/${c.id}/refunds`, {
        amount: '45.00',
        billingCycle: '2026-09',
        reason: 'SLA credit',
      });
      expect(r.status).toBe(201);
    }
    expect((await billOf(strict.id, '2026-08')).status).toBe('overdue');
    expect((await billOf(strict.id, '2026-09')).status).toBe('settled');
    expect(
      (await sys.prisma.refund.findFirstOrThrow({ where: { customerId: strict.id } })).remaining.toString(),
    ).toMatch(/^15(\.0+)?$/);
    expect((await billOf(lenient.id, '2026-08')).status).toBe('settled'); // past bills written off oldest first
    expect((await billOf(lenient.id, '2026-09')).status).toBe('overdue'); // partly paid, past due
  });

  it('takes a manual payment from balance and an external channel, once, and pauses write-off meanwhile', async () => {
    const c = await sys.customer({ name: 'Manual Pay Ltd', autoWriteOff: true });
    await charge(c.id, '2026-10', '100.00');
    await post(`/customers/${c.id}/top-ups`, { amount: '0.01', reference: 'tiny' }); // creates the cash account
    await issue('2026-10');
    const bill = await billOf(c.id, '2026-10');
    await post(`/customers/${c.id}/top-ups`, { amount: '60.00', reference: 'partial' });
    // the top-up paid 60 automatically (oldest first); 40.01 − 0.01 outstanding → pay the rest manually
    const outstanding = (await sys.http().get(`/bills/${bill.id}`).set(sys.auth)).body.outstanding;
    expect(outstanding).toBe('39.99');
    const body = { external: { channel: 'offline', amount: '39.99', reference: 'CHQ-991' } };
    const first = await post(`/bills/${bill.id}/payments`, body, 'manual-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      amount: '39.99',
      external: '39.99',
      fromBalance: '0.00',
      billStatus: 'settled',
    });
    const replay = await post(`/bills/${bill.id}/payments`, body, 'manual-1');
    expect(replay.body.journalEntryId).toBe(first.body.journalEntryId);
    expect(await sys.prisma.repayment.count({ where: { billId: bill.id, method: 'external' } })).toBe(1);

    // while a manual payment runs (it holds the customer's payment lock), write-off skips the customer
    const other = await sys.customer({ name: 'Paused WO Ltd', creditLimit: '500.00' });
    await charge(other.id, '2025-11', '10.00');
    const tx = sys.api.get(TransactionRunner);
    const prisma = sys.api.get(PrismaService);
    await sys.prisma.billingRun.deleteMany({ where: { billingCycle: '2025-11' } });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holding = tx.run(async (t) => {
      await t.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('payment:' || ${other.id}))`;
      await held;
    });
    await new Promise((r) => setTimeout(r, 100));
    await prisma.$executeRaw`SELECT 1`;
    await issue('2025-11');
    const outcomes = await sys.api.get(AutoWriteOffUseCase).forCustomers([other.id], 'test');
    expect(outcomes[0].skipped).toBe('manual_payment_in_progress');
    expect((await billOf(other.id, '2025-11')).status).toBe('overdue');
    release();
    await holding;
    const after = await sys.api.get(AutoWriteOffUseCase).forCustomers([other.id], 'resumed');
    expect(after[0]).toMatchObject({ bills: 1 });
    expect((await billOf(other.id, '2025-11')).status).toBe('settled');
  });

  it('never overdraws the balance when two manual payments race for it', async () => {
    const c = await sys.customer({ name: 'Race Payer', autoWriteOff: false });
    await post(`/customers/${c.id}/top-ups`, { amount: '100.00', reference: 'race' }); // before the bills exist
    await charge(c.id, '2025-12', '80.00', 'A');
    await issue('2025-12');
    await charge(c.id, '2025-01', '80.00', 'B');
    await issue('2025-01');
    const bills = await sys.prisma.bill.findMany({ where: { customerId: c.id } });
    const results = await Promise.all(
      bills.map((b) => post(`/bills/${b.id}/payments`, { fromBalance: '80.00', amount: '80.00' })),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(1);
    expect(results.find((r) => r.status !== 201)!.body.error.code).toBe('INSUFFICIENT_AVAILABLE_CREDIT');
    expect((await sys.http().get(`/customers/${c.id}`).set(sys.auth)).body.cashBalance).toBe('20.00');
  });

  it('moves money only within an active financial-management relationship', async () => {
    const main = await sys.customer({ name: 'Holding AG' });
    const member = await sys.customer({ name: 'Subsidiary AG' });
    await post(`/customers/${main.id}/top-ups`, { amount: '300.00', reference: 'seed' });
    const denied = await post('/transfers', { fromCustomerId: main.id, toCustomerId: member.id, amount: '50.00' });
    expect(denied.status).toBe(409);
    const rel = await post('/financial-relationships', { mainCustomerId: main.id, memberCustomerId: member.id });
    expect(rel.status).toBe(201);
    const t = await post('/transfers', { fromCustomerId: main.id, toCustomerId: member.id, amount: '50.00' });
    expect(t.status).toBe(201);
    const tooMuch = await post('/transfers', { fromCustomerId: main.id, toCustomerId: member.id, amount: '1000.00' });
    expect(tooMuch.status).toBe(422);
    await post(`/financial-relationships/${rel.body.id}/end`, {});
    expect(
      (await post('/transfers', { fromCustomerId: main.id, toCustomerId: member.id, amount: '1.00' })).status,
    ).toBe(409);
    const statement = await sys.http().get(`/customers/${main.id}/statement`).query({ format: 'csv' }).set(sys.auth);
    expect(statement.headers['content-type']).toMatch(/text\/csv/);
    expect(statement.text.split('\r\n')[0]).toBe(
      'at,kind,description,amount,runningBalance,journalEntryId,received,feeReimbursed,refund,storedValueCards,billsPaid',
    );
    expect(statement.text).toMatch(/,250\.00,/);
  });

  it('deducts a coupon from a bill as a coupon repayment, once', async () => {
    const c = await sys.customer({ name: 'Coupon Co', autoWriteOff: false });
    await charge(c.id, '2025-02', '25.00');
    await issue('2025-02');
    const bill = await billOf(c.id, '2025-02');
    const coupon = await post(`/customers/${c.id}/coupons`, {
      amount: '10.00',
      validUntil: '2025-03',
      code: 'WELCOME10',
    });
    const applied = await post(`/coupons/${coupon.body.id}/apply`, { billId: bill.id });
    expect(applied.body).toMatchObject({ deducted: '10.00' });
    expect((await post(`/coupons/${coupon.body.id}/apply`, { billId: bill.id })).status).toBe(409);
    expect((await billOf(c.id, '2025-02')).paid.toString()).toMatch(/^10(\.0+)?$/);
  });

  it('scopes members to their own bills and validates input naming the field', async () => {
    const a = await sys.customer({ name: 'Member A' });
    const b = await sys.customer({ name: 'Member B' });
    await charge(b.id, '2025-03', '5.00');
    await issue('2025-03');
    const memberA = await sys.keyFor('member', a.id);
    const billB = await billOf(b.id, '2025-03');
    expect((await sys.http().get(`/bills/${billB.id}`).set('Authorization', `Bearer ${memberA}`)).status).toBe(404);
    const list = await sys.http().get('/bills').set('Authorization', `Bearer ${memberA}`);
    expect(list.body.items.every((x: { customerId: string }) => x.customerId === a.id)).toBe(true);
    const bad = await post(`/customers/${a.id}/charges`, {
      billingCycle: '2027-13',
      product: 'x',
      usage: 'y',
      amount: '1.00',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('billingCycle');
    const badAmount = await post(`/bills/${billB.id}/payments`, { amount: '1.001' });
    expect(badAmount.status).toBe(400);
    expect(badAmount.body.error.field).toBe('amount');
    const csv = await sys.http().get('/bills/export.csv').query({ customerId: b.id }).set(sys.auth);
    expect(csv.text.split('\r\n')[0]).toBe(
      'reference,customerId,billingCycle,issuedAt,dueDate,currency,amount,paid,outstanding,status',
    );
  });
});
