import { Money } from '@remitd/money';
import { buildCamt } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';
let keyNo = 0;
let fileNo = 0;
const key = () => `be-${++keyNo}-${Date.now()}`;
const eur = (s: string) => Money.fromStored(s, 'EUR').toString();

/**
 * Issue 14, first part, over HTTP: the provider's billing entities (seed 002), payment terms of
 * seed 000 (settlement cycle + payment period, business days skipping the entity's holidays),
 * exclusive accounts allocated automatically, and the Automatic Bill Settlement switch honoured
 * by crediting. Every scenario ends with GET /ledger/verify.
 */
describe('billing entities, payment terms and exclusive accounts (issue 14)', () => {
  let sys: TestSystem;
  let singapore: { id: string };
  let europe: { id: string };
  let collectionAccountId: string;

  beforeAll(async () => {
    sys = await startSystem();
    const accounts = await sys.http().get('/collection-accounts').set(sys.auth);
    collectionAccountId = accounts.body.items[0].id;
  });
  afterEach(async () => {
    const verify = await sys.http().get('/ledger/verify').set(sys.auth);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true });
  });
  afterAll(() => sys.close());

  const post = (url: string, body: object) =>
    sys.http().post(url).set(sys.auth).set('Idempotency-Key', key()).send(body);
  const patch = (url: string, body: object) => sys.http().patch(url).set(sys.auth).send(body);
  const put = (url: string, body: object) => sys.http().put(url).set(sys.auth).send(body);
  const get = (url: string) => sys.http().get(url).set(sys.auth);
  const createCustomer = async (body: Record<string, unknown>) => {
    const r = await post('/customers', {
      email: `c${++keyNo}@customer.example`,
      currency: 'EUR',
      ...body,
    });
    expect(r.status).toBe(201);
    return r.body as { id: string; reference: string; billingEntityId: string | null };
  };
  const charge = async (customerId: string, billingCycle: string, amount: string) => {
    const r = await post(`/customers/${customerId}/charges`, {
      billingCycle,
      product: 'Compute',
      usage: '720 h',
      amount,
    });
    expect(r.status).toBe(201);
    return r.body as { billingCycle: string };
  };
  const issue = async (cycle: string) => {
    const r = await post(`/billing-runs/${cycle}?force=true`, {});
    expect([200, 201]).toContain(r.status);
    return r.body;
  };
  const billsOf = async (customerId: string) =>
    (await get(`/bills?customerId=${customerId}`)).body.items as {
      id: string;
      billingCycle: string;
      dueDate: string;
      amount: string;
      paid: string;
      status: string;
      period: { from: string; to: string };
      paymentTerms: { settlementCycle: string; paymentPeriodDays: number; paymentPeriodKind: string } | null;
    }[];
  const virtualAccountsOf = async (customerId: string) =>
    (await get(`/customers/${customerId}/virtual-accounts`)).body.items as { number: string; status: string }[];

  it('registers the billing entities of seed 002 with their collection accounts, time zone, currencies and holiday calendar; finance only, audited', async () => {
    const created = await post('/billing-entities', {
      name: 'Example Cloud (Singapore) PTE LTD',
      country: 'sg',
      timeZone: 'Asia/Singapore',
      currencies: ['EUR', 'USD'],
      collectionAccountIds: [collectionAccountId],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      country: 'SG',
      timeZone: 'Asia/Singapore',
      currencies: ['EUR', 'USD'],
      offersExclusiveAccounts: true,
      collectionAccountIds: [collectionAccountId],
    });
    singapore = created.body;

    // with exactly one entity, a new customer contracts with it
    const first = await createCustomer({ name: 'Only Entity Pte' });
    expect(first.billingEntityId).toBe(singapore.id);

    const us = await post('/billing-entities', {
      name: 'Example Cloud US LLC',
      country: 'US',
      timeZone: 'America/Los_Angeles',
      currencies: ['USD'],
    });
    expect(us.status).toBe(201);
    const malaysia = await post('/billing-entities', {
      name: 'Example Cloud (Malaysia) SDN BHD',
      country: 'MY',
      timeZone: 'Asia/Kuala_Lumpur',
      currencies: ['USD', 'MYR'],
    });
    expect(malaysia.status).toBe(201);
    // an entity that does not offer exclusive accounts (none of seed 002's three)
    const eu = await post('/billing-entities', {
      name: 'Example Cloud Europe GmbH',
      country: 'DE',
      timeZone: 'Europe/Berlin',
      currencies: ['EUR'],
      offersExclusiveAccounts: false,
    });
    expect(eu.status).toBe(201);
    europe = eu.body;

    const list = await get('/billing-entities?limit=2');
    expect(list.body.items.map((e: { name: string }) => e.name)).toEqual([
      'Example Cloud (Singapore) PTE LTD',
      'Example Cloud US LLC',
    ]);
    const next = await get(`/billing-entities?cursor=${list.body.nextCursor}`);
    expect(next.body.items).toHaveLength(2);

    // a collection account belongs to one entity
    const taken = await patch(`/billing-entities/${us.body.id}`, { collectionAccountIds: [collectionAccountId] });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      code: 'COLLECTION_ACCOUNT_OF_ANOTHER_ENTITY',
      field: 'collectionAccountIds',
    });
    const renamed = await patch(`/billing-entities/${us.body.id}`, { timeZone: 'America/New_York' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.timeZone).toBe('America/New_York');
    const badZone = await patch(`/billing-entities/${us.body.id}`, { timeZone: 'Mars/Olympus_Mons' });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.field).toBe('timeZone');
    const dup = await post('/billing-entities', {
      name: 'Example Cloud US LLC',
      country: 'US',
      timeZone: 'UTC',
      currencies: ['USD'],
    });
    expect(dup.status).toBe(409);

    // finance keeps the holiday calendar, per year
    const holidays = await put(`/billing-entities/${singapore.id}/holidays?year=2027`, {
      holidays: [
        { date: '2027-08-09', name: 'National Day' },
        { date: '2027-01-01', name: "New Year's Day" },
      ],
    });
    expect(holidays.status).toBe(200);
    expect(holidays.body.holidays.map((h: { date: string }) => h.date)).toEqual(['2027-01-01', '2027-08-09']);
    const read = await get(`/billing-entities/${singapore.id}/holidays?year=2027`);
    expect(read.body).toEqual({
      billingEntityId: singapore.id,
      year: 2027,
      holidays: [
        { date: '2027-01-01', name: "New Year's Day" },
        { date: '2027-08-09', name: 'National Day' },
      ],
    });
    expect((await get(`/billing-entities/${singapore.id}/holidays?year=2026`)).body.holidays).toEqual([]);
    const outside = await put(`/billing-entities/${singapore.id}/holidays?year=2027`, {
      holidays: [{ date: '2028-01-01', name: 'Too late' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.field).toBe('holidays[0].date');

    const finance = await sys.keyFor('finance');
    const byFinance = await sys
      .http()
      .put(`/billing-entities/${malaysia.body.id}/holidays?year=2027`)
      .set('Authorization', `Bearer ${finance}`)
      .send({ holidays: [{ date: '2027-08-31', name: 'Merdeka Day' }] });
    expect(byFinance.status).toBe(200);
    const manager = await sys.keyFor('account_manager');
    const byManager = await sys.http().get('/billing-entities').set('Authorization', `Bearer ${manager}`);
    expect(byManager.status).toBe(403);

    const audit = await get(`/audit-log?entityType=billing_entity&entityId=${singapore.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'billing_entity.create',
      'billing_entity.holidays',
    ]);
  });

  it('The payment term is determined by the settlement cycle (quarterly): one bill per quarter, due N days after the quarter ends', async () => {
    const c = await createCustomer({ name: 'Quarterly Pte', billingEntityId: singapore.id, autoBillSettlement: false });
    const terms = await put(`/customers/${c.id}/payment-terms`, {
      settlementCycle: 'quarterly',
      paymentPeriodDays: 30,
      paymentPeriodKind: 'calendar',
    });
    expect(terms.status).toBe(200);
    expect(terms.body.paymentTerms).toEqual({
      settlementCycle: 'quarterly',
      paymentPeriodDays: 30,
      paymentPeriodKind: 'calendar',
    });
    const monthly = await createCustomer({
      name: 'Monthly Pte',
      billingEntityId: singapore.id,
      autoBillSettlement: false,
    });
    // usage of January and February goes on the quarter's bill
    expect((await charge(c.id, '2027-01', '100.00')).billingCycle).toBe('2027-03');
    expect((await charge(c.id, '2027-02', '50.00')).billingCycle).toBe('2027-03');
    expect((await charge(monthly.id, '2027-01', '10.00')).billingCycle).toBe('2027-01');
    await issue('2027-01');
    await issue('2027-02');
    expect(await billsOf(c.id)).toEqual([]);
    // monthly customers keep their monthly bill, due 15 calendar days after the month
    expect(await billsOf(monthly.id)).toMatchObject([
      {
        billingCycle: '2027-01',
        dueDate: '2027-02-15',
        period: { from: '2027-01', to: '2027-01' },
        paymentTerms: { settlementCycle: 'monthly', paymentPeriodDays: 15, paymentPeriodKind: 'calendar' },
      },
    ]);
    await charge(c.id, '2027-03', '25.00');
    await issue('2027-03');
    const bills = await billsOf(c.id);
    expect(bills).toHaveLength(1);
    expect(bills[0]).toMatchObject({
      billingCycle: '2027-03',
      amount: '175.00',
      // 31 March + 30 calendar days
      dueDate: '2027-04-30',
      period: { from: '2027-01', to: '2027-03' },
      paymentTerms: { settlementCycle: 'quarterly', paymentPeriodDays: 30, paymentPeriodKind: 'calendar' },
    });
    const detail = await get(`/bills/${bills[0].id}`);
    expect(detail.body.lines).toHaveLength(3);
    const audit = await get(`/audit-log?entityType=customer&entityId=${c.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('customer.payment_terms');
  });

  it("the payment period of N business days skips weekends and the billing entity's holidays", async () => {
    const terms = { settlementCycle: 'monthly', paymentPeriodDays: 7, paymentPeriodKind: 'business' };
    const sg = await createCustomer({
      name: 'Business Days Pte',
      billingEntityId: singapore.id,
      autoBillSettlement: false,
    });
    const eu = await createCustomer({
      name: 'Business Days GmbH',
      billingEntityId: europe.id,
      autoBillSettlement: false,
    });
    for (const c of [sg, eu]) expect((await put(`/customers/${c.id}/payment-terms`, terms)).status).toBe(200);
    await charge(sg.id, '2027-07', '40.00');
    await charge(eu.id, '2027-07', '40.00');
    await issue('2027-07');
    // 31 July 2027 is a Saturday: Mon 2 … Fri 6 August are 5, the weekend is skipped, Monday 9 August is
    // Singapore's National Day, so Tue 10 and Wed 11 are the 6th and 7th business days
    expect((await billsOf(sg.id))[0]).toMatchObject({
      dueDate: '2027-08-11',
      paymentTerms: { settlementCycle: 'monthly', paymentPeriodDays: 7, paymentPeriodKind: 'business' },
    });
    // the other entity has no such holiday: Tuesday 10 August
    expect((await billsOf(eu.id))[0].dueDate).toBe('2027-08-10');
  });

  it('the payment period of N calendar days counts weekends and holidays', async () => {
    const c = await createCustomer({
      name: 'Calendar Days Pte',
      billingEntityId: singapore.id,
      autoBillSettlement: false,
      settlementCycle: 'monthly',
      paymentPeriodDays: 10,
      paymentPeriodKind: 'calendar',
    });
    expect((await get(`/customers/${c.id}`)).body.paymentTerms).toEqual({
      settlementCycle: 'monthly',
      paymentPeriodDays: 10,
      paymentPeriodKind: 'calendar',
    });
    const holidays = await put(`/billing-entities/${singapore.id}/holidays?year=2028`, {
      holidays: [{ date: '2028-01-01', name: "New Year's Day" }],
    });
    expect(holidays.status).toBe(200);
    await charge(c.id, '2027-12', '12.00');
    await issue('2027-12');
    // 31 December 2027 + 10 days, New Year's Day and two weekends counted like any day
    expect((await billsOf(c.id))[0]).toMatchObject({ dueDate: '2028-01-10' });
    const bad = await put(`/customers/${c.id}/payment-terms`, {
      settlementCycle: 'yearly',
      paymentPeriodDays: 10,
      paymentPeriodKind: 'calendar',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('settlementCycle');
  });

  it('An exclusive bank account is only available to credit customers of entities that offer one: an entity without them refuses it', async () => {
    const c = await createCustomer({ name: 'No Account GmbH', billingEntityId: europe.id, creditControl: true });
    expect(await virtualAccountsOf(c.id)).toEqual([]);
    const refused = await post(`/customers/${c.id}/virtual-accounts`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('EXCLUSIVE_ACCOUNTS_NOT_OFFERED');
    expect(refused.body.error.message).toMatch(/Example Cloud Europe GmbH does not offer exclusive bank accounts/);
    expect(await virtualAccountsOf(c.id)).toEqual([]);
  });

  it('an entity that starts offering exclusive accounts gives one to each of its credit customers at once', async () => {
    const waiting = await createCustomer({ name: 'Waiting GmbH', billingEntityId: europe.id, creditControl: true });
    const payg = await createCustomer({ name: 'Pay As You Go GmbH', billingEntityId: europe.id });
    expect(await virtualAccountsOf(waiting.id)).toEqual([]);
    const ca = await post('/collection-accounts', {
      name: 'Europe collection',
      iban: 'DE02120300000000202051',
      bic: 'BYLADEM1001',
      currencies: ['EUR'],
    });
    expect(ca.status).toBe(201);
    const on = await patch(`/billing-entities/${europe.id}`, {
      offersExclusiveAccounts: true,
      collectionAccountIds: [ca.body.id],
    });
    expect(on.status).toBe(200);
    expect(await virtualAccountsOf(waiting.id)).toHaveLength(1);
    expect(await virtualAccountsOf(payg.id)).toEqual([]); // not on credit control
    const audit = await get(`/audit-log?entityType=billing_entity&entityId=${europe.id}`);
    expect(
      audit.body.items.find((a: { action: string }) => a.action === 'billing_entity.update').payload
        .exclusiveAccountsAllocatedTo,
    ).toEqual(expect.arrayContaining([waiting.id]));
    await patch(`/billing-entities/${europe.id}`, { offersExclusiveAccounts: false });
  });

  it('An exclusive bank account is assigned to every credit customer: on creation and when put on credit control', async () => {
    const created = await createCustomer({
      name: 'Credit From Day One Pte',
      billingEntityId: singapore.id,
      creditControl: true,
    });
    const accounts = await virtualAccountsOf(created.id);
    expect(accounts).toHaveLength(1);
    expect(accounts[0].status).toBe('active');

    const later = await createCustomer({ name: 'Credit Later Pte', billingEntityId: singapore.id });
    expect(await virtualAccountsOf(later.id)).toEqual([]);
    const onCredit = await patch(`/customers/${later.id}`, { creditControl: true });
    expect(onCredit.status).toBe(200);
    expect(await virtualAccountsOf(later.id)).toHaveLength(1);
    // idempotent: nothing more when it is set again
    await patch(`/customers/${later.id}`, { creditControl: false });
    await patch(`/customers/${later.id}`, { creditControl: true });
    expect(await virtualAccountsOf(later.id)).toHaveLength(1);
    const audit = await get(`/audit-log?entityType=virtual_account`);
    const automatic = audit.body.items.filter(
      (a: { action: string; payload: { customerId: string; automatic?: boolean } }) =>
        a.action === 'virtual_account.allocate' && [created.id, later.id].includes(a.payload.customerId),
    );
    expect(automatic).toHaveLength(2);
    expect(automatic.every((a: { payload: { automatic?: boolean } }) => a.payload.automatic)).toBe(true);
    await sys.tick();
    const mails = await sys.smtp.waitFor(2);
    expect(
      mails.filter((m) => /exclusive bank account has been created/i.test(m.subject ?? '')).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('If Automatic Bill Settlement is disabled, remitted funds stay in the balance and the bill waits for a manual payment', async () => {
    const off = await createCustomer({
      name: 'Manual Payer Pte',
      billingEntityId: singapore.id,
      creditControl: true,
      autoBillSettlement: false,
    });
    const on = await createCustomer({ name: 'Auto Payer Pte', billingEntityId: singapore.id, creditControl: true });
    await charge(off.id, '2028-02', '80.00');
    await charge(on.id, '2028-02', '80.00');
    await issue('2028-02');
    const [offAccount] = await virtualAccountsOf(off.id);
    const [onAccount] = await virtualAccountsOf(on.id);
    sys.drop(
      `switch-${++fileNo}.xml`,
      buildCamt({
        statementId: `BE-${fileNo}`,
        account: COLLECTION,
        entries: [
          {
            ref: 'SWITCH-OFF-1',
            amount: '100.00',
            creditedAccount: offAccount.number,
            remitterName: 'Manual Payer Pte',
          },
          { ref: 'SWITCH-ON-1', amount: '100.00', creditedAccount: onAccount.number, remitterName: 'Auto Payer Pte' },
        ],
      }),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ credited: 2 });
    // switch off: the money is in the balance, the bill is not touched
    expect(eur(await sys.cash(off.id))).toBe('100.00');
    const [offBill] = await billsOf(off.id);
    expect(offBill).toMatchObject({ paid: '0.00', status: 'unsettled' });
    const why = await get(`/bills/${offBill.id}/why-unsettled`);
    expect(why.body.reasons.map((r: { code: string }) => r.code)).toContain('auto_write_off_off');
    // switch on (the control): settled oldest first
    expect(eur(await sys.cash(on.id))).toBe('20.00');
    expect((await billsOf(on.id))[0]).toMatchObject({ paid: '80.00', status: 'settled' });
    // the customer pays the bill by hand from the balance
    const paid = await post(`/bills/${offBill.id}/payments`, { amount: '80.00', fromBalance: '80.00' });
    expect(paid.status).toBe(201);
    expect((await billsOf(off.id))[0]).toMatchObject({ paid: '80.00', status: 'settled' });
    expect(eur(await sys.cash(off.id))).toBe('20.00');
  });
});
