import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IssueBillsUseCase, dueCycle, nextCycle } from '@remitd/billing';
import { loadConfig } from '@remitd/config';
import { LedgerVerifier } from '@remitd/ledger';
import { renderTemplate } from '@remitd/notifications';
import { PrismaService } from '@remitd/persistence';
import { firstStart } from '../apps/admin-api/src/main';
import { startTestAdminApi, type TestApi } from './support/admin-api';

const ROOT = path.resolve(__dirname, '..');
let keyNo = 0;
const key = () => `setup-${++keyNo}-${Date.now()}`;

/** Issue 12, "set-up that captures real data": what a newcomer's first hour stumbled on. */
describe('issue 12: set-up that captures real data', () => {
  let api: TestApi;
  let prisma: PrismaService;
  const auth = () => ({ Authorization: `Bearer ${api.superKey}` });
  const post = (url: string, body: object, k = key()) =>
    api.http().post(url).set(auth()).set('Idempotency-Key', k).send(body);
  const get = (url: string) => api.http().get(url).set(auth());
  const customer = async (name: string, currency = 'EUR') => {
    const c = await post('/customers', {
      name,
      email: `${name.replace(/\W+/g, '').toLowerCase()}@setup.example`,
      currency,
      autoWriteOff: false,
    });
    expect(c.status).toBe(201);
    return c.body as { id: string; reference: string; email: string };
  };
  const collectionAccount = async (body: Record<string, unknown>) => {
    const res = await api.http().post('/collection-accounts').set(auth()).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const charge = (customerId: string, billingCycle: string, amount: string) =>
    post(`/customers/${customerId}/charges`, { billingCycle, product: 'Compute', usage: '720 h', amount });

  beforeAll(async () => {
    api = await startTestAdminApi();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    expect((await api.app.get(LedgerVerifier).verify()).ok).toBe(true);
    await api.close();
  });

  describe('setup item 2: the first start issues no empty cycle; charges are listed; a run that does nothing says why', () => {
    it('a first start with no charges issues nothing, so charges recorded afterwards for that cycle are billed on it', async () => {
      const now = new Date();
      const issue = api.app.get(IssueBillsUseCase);
      // what the reconciler's first tick does on a fresh installation
      expect(await issue.issueDue(now)).toEqual([]);
      expect(await prisma.billingRun.count()).toBe(0);
      const due = dueCycle(now, 'UTC');
      const c = await customer('First Hour Ltd');
      const late = await charge(c.id, due, '12.00');
      expect(late.status).toBe(201);
      // the cycle was left open: the charge stays on the cycle it was recorded for
      expect(late.body).toMatchObject({ billingCycle: due, deferredFromCycle: null });
      const runs = await issue.issueDue(now);
      expect(runs).toEqual([expect.objectContaining({ billingCycle: due, billsIssued: 1 })]);
      const bill = await prisma.bill.findFirstOrThrow({ where: { customerId: c.id } });
      expect(bill.billingCycle).toBe(due);
      expect(bill.amount.toFixed(2)).toBe('12.00');
    });

    it('lists a customer’s unbilled charges page by page, and billed ones once their cycle is issued', async () => {
      const c = await customer('Usage Lister Ltd');
      for (const amount of ['1.00', '2.00', '3.00']) expect((await charge(c.id, '2024-03', amount)).status).toBe(201);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(`/customers/${c.id}/charges`).query({
          billed: 'false',
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i: { amount: string; billId: string | null }) => `${i.amount}:${i.billId}`));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['1.00:null', '2.00:null', '3.00:null']);
      const run = await post('/billing-runs/2024-03', {});
      expect(run.status).toBe(201);
      expect((await get(`/customers/${c.id}/charges?billed=false`)).body.items).toEqual([]);
      const billed = await get(`/customers/${c.id}/charges?billed=true`);
      expect(billed.body.items).toHaveLength(3);
      expect(billed.body.items[0]).toMatchObject({ billingCycle: '2024-03', currency: 'EUR', product: 'Compute' });
      expect(billed.body.items[0].billId).toEqual(expect.any(String));
      // a cursor of another list is refused, naming the field
      const wrong = await get(
        `/customers/${c.id}/charges?cursor=${Buffer.from('{"list":"bills"}').toString('base64url')}`,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
      expect((await get('/customers/00000000-0000-4000-8000-000000000000/charges')).status).toBe(404);
    });

    it('a billing run that issues nothing answers 200 with the reason; force issues a cycle not yet due, once', async () => {
      const empty = await post('/billing-runs/2023-05', {});
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ billingCycle: '2023-05', billsIssued: 0, skipped: 'no_charges' });
      expect(empty.body.reason).toMatch(/no unbilled charges/);
      expect(await prisma.billingRun.count({ where: { billingCycle: '2023-05' } })).toBe(0);

      const future = nextCycle(nextCycle(dueCycle(new Date(), 'UTC')));
      const c = await customer('Early Closer Ltd');
      expect((await charge(c.id, future, '40.00')).status).toBe(201);
      const notDue = await post(`/billing-runs/${future}`, {});
      expect(notDue.status).toBe(200);
      expect(notDue.body).toMatchObject({ skipped: 'not_due_yet' });
      expect(notDue.body.reason).toMatch(/force=true/);
      const forced = await api
        .http()
        .post(`/billing-runs/${future}?force=true`)
        .set(auth())
        .set('Idempotency-Key', key())
        .send({});
      expect(forced.status).toBe(201);
      expect(forced.body).toMatchObject({ billingCycle: future, billsIssued: 1 });
      // issued now, not at the cycle's future issuance instant: incoming money settles it, it can be paid
      const early = await prisma.bill.findFirstOrThrow({ where: { customerId: c.id, billingCycle: future } });
      expect(early.issuedAt.getTime()).toBeLessThanOrEqual(Date.now());
      const again = await api
        .http()
        .post(`/billing-runs/${future}?force=true`)
        .set(auth())
        .set('Idempotency-Key', key())
        .send({});
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ skipped: 'already_issued', billsIssued: 0 });
      expect(await prisma.bill.count({ where: { customerId: c.id } })).toBe(1);
    });
  });

  describe('setup item 3: a bill issued after its due date is overdue at once, and ?status=overdue finds it before any sweep', () => {
    it('a cycle issued after its due date gives an overdue bill and its arrears notice in the run', async () => {
      const c = await customer('Long Ago Ltd');
      expect((await charge(c.id, '2024-07', '99.00')).status).toBe(201);
      expect((await post('/billing-runs/2024-07', {})).status).toBe(201);
      const bill = await prisma.bill.findFirstOrThrow({ where: { customerId: c.id } });
      expect(bill.dueDate).toBe('2024-08-15');
      expect(bill.status).toBe('overdue');
      const listed = await get(`/bills?status=overdue&customerId=${c.id}`);
      expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([bill.id]);
      expect(await prisma.notification.count({ where: { dedupeKey: `arrears-notice:${bill.id}` } })).toBe(1);
    });

    it('an unpaid bill past its due date reads as overdue even while the sweep has not marked it', async () => {
      const c = await customer('Not Swept Yet Ltd');
      expect((await charge(c.id, '2024-09', '10.00')).status).toBe(201);
      expect((await post('/billing-runs/2024-09', {})).status).toBe(201);
      const bill = await prisma.bill.findFirstOrThrow({ where: { customerId: c.id } });
      // as it stood between a due date passing and the next sweep
      await prisma.bill.update({ where: { id: bill.id }, data: { status: 'unsettled' } });
      expect((await get(`/bills/${bill.id}`)).body.status).toBe('overdue');
      const overdue = await get(`/bills?status=overdue&customerId=${c.id}`);
      expect(overdue.body.items.map((b: { id: string; status: string }) => `${b.id}:${b.status}`)).toEqual([
        `${bill.id}:overdue`,
      ]);
      expect((await get(`/bills?status=unsettled&customerId=${c.id}`)).body.items).toEqual([]);
      expect((await get(`/bills?status=open&customerId=${c.id}`)).body.items).toHaveLength(1);
    });
  });

  describe('setup item 1: the demo collection account is opt-in, the collection account is named when it is ambiguous, and a virtual account is re-issued, never silently swapped', () => {
    it('the first start creates the demo collection account only with REMITD_SEED_DEMO=1, which npm start no longer sets', async () => {
      expect(readFileSync(path.join(ROOT, 'scripts/start.ts'), 'utf8')).not.toMatch(/REMITD_SEED_DEMO/);
      expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(/`REMITD_SEED_DEMO` \| off \|/);
      const fresh = await startTestAdminApi({}, { collectionAccount: false });
      const saved = process.env.REMITD_SEED_DEMO;
      try {
        const config = loadConfig({ DATABASE_URL: fresh.url, REMITD_DATA_DIR: '/tmp/remitd-test-data' });
        delete process.env.REMITD_SEED_DEMO;
        await firstStart(fresh.app, config);
        expect(await fresh.app.get(PrismaService).collectionAccount.count()).toBe(0);
        process.env.REMITD_SEED_DEMO = '1';
        await firstStart(fresh.app, config);
        expect(await fresh.app.get(PrismaService).collectionAccount.findMany()).toEqual([
          expect.objectContaining({ name: 'Demo Bank collection account' }),
        ]);
      } finally {
        if (saved === undefined) delete process.env.REMITD_SEED_DEMO;
        else process.env.REMITD_SEED_DEMO = saved;
        await fresh.close();
      }
    });

    it('requires collectionAccountId when two collection accounts hold the currency, 409 for another one, then re-issues and closes', async () => {
      const demo = await collectionAccount({
        name: 'Demo Bank collection account',
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        currencies: ['SEK'],
      });
      const real = await collectionAccount({
        name: 'Real SEK collection account',
        iban: 'SE4550000000058398257466',
        bic: 'ESSESESSXXX',
        currencies: ['SEK'],
      });
      const c = await customer('Swedish Customer AB', 'SEK');
      const vaUrl = `/customers/${c.id}/virtual-accounts`;

      const ambiguous = await post(vaUrl, {});
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.error).toMatchObject({ code: 'COLLECTION_ACCOUNT_REQUIRED', field: 'collectionAccountId' });
      expect(ambiguous.body.error.details.candidates.sort()).toEqual([demo.id, real.id].sort());
      expect(await prisma.notification.count({ where: { recipient: c.email } })).toBe(0);

      const first = await post(vaUrl, { collectionAccountId: demo.id });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ collectionAccountId: demo.id, created: true, status: 'active' });

      // naming another collection account is a conflict, not the old account with 201
      const other = await post(vaUrl, { collectionAccountId: real.id });
      expect(other.status).toBe(409);
      expect(other.body.error).toMatchObject({ code: 'VIRTUAL_ACCOUNT_EXISTS', field: 'collectionAccountId' });
      expect(other.body.error.details).toMatchObject({ virtualAccountId: first.body.id, number: first.body.number });
      // the same one (or none) is the existing account, unchanged
      expect((await post(vaUrl, { collectionAccountId: demo.id })).body).toMatchObject({
        id: first.body.id,
        created: false,
      });

      // re-issue under the real account: old closed, new number, the customer told
      const same = await post(`${vaUrl}/${first.body.id}/reissue`, { collectionAccountId: demo.id });
      expect(same.status).toBe(400);
      expect(same.body.error.field).toBe('collectionAccountId');
      const reissued = await post(`${vaUrl}/${first.body.id}/reissue`, { collectionAccountId: real.id });
      expect(reissued.status).toBe(201);
      expect(reissued.body).toMatchObject({ collectionAccountId: real.id, status: 'active', created: true });
      expect(reissued.body.number).not.toBe(first.body.number);
      expect(reissued.body.replaces).toMatchObject({ id: first.body.id, status: 'closed' });
      const mail = await prisma.notification.findUniqueOrThrow({
        where: { dedupeKey: `virtual-account-created:${reissued.body.id}` },
      });
      expect(mail.recipient).toBe(c.email);
      const payload = mail.payload as Record<string, string>;
      expect(payload).toMatchObject({ iban: reissued.body.number, replacesAccount: first.body.display });
      const rendered = renderTemplate('virtual-account-created', payload as never);
      expect(rendered.text).toContain(`replaces your previous account ${first.body.display}`);

      const list = await get(vaUrl);
      expect(list.body.items.map((v: { number: string; status: string }) => `${v.number}:${v.status}`)).toEqual([
        `${first.body.number}:closed`,
        `${reissued.body.number}:active`,
      ]);
      expect((await post(`${vaUrl}/${first.body.id}/reissue`, { collectionAccountId: real.id })).status).toBe(409);

      // close, then allocate again: a third number, never one handed out before
      const closed = await post(`${vaUrl}/${reissued.body.id}/close`, {});
      expect(closed.status).toBe(201);
      expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      expect((await post(`${vaUrl}/${reissued.body.id}/close`, {})).body.error.code).toBe('VIRTUAL_ACCOUNT_CLOSED');
      const third = await post(vaUrl, { collectionAccountId: real.id });
      expect(third.status).toBe(201);
      expect([first.body.number, reissued.body.number]).not.toContain(third.body.number);
      const actions = await prisma.auditLog.findMany({
        where: { entityId: { in: [first.body.id, reissued.body.id, third.body.id] } },
        orderBy: { id: 'asc' },
      });
      expect(actions.map((a) => a.action)).toEqual([
        'virtual_account.allocate',
        'virtual_account.reissue',
        'virtual_account.close',
        'virtual_account.allocate',
      ]);
    });
  });

  describe('setup item 4: ABA routing numbers; no customer in a currency no collection account holds; virtual accounts only in the billing currency', () => {
    it('stores a valid ABA routing number, refuses a bad checksum naming the field, and e-mails it with the account', async () => {
      const bad = await api
        .http()
        .post('/collection-accounts')
        .set(auth())
        .send({ name: 'US bank', accountNumber: '000123456789', routingNumber: '021000022', currencies: ['USD'] });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'INVALID_ROUTING_NUMBER', field: 'routingNumber' });
      const us = await collectionAccount({
        name: 'US bank',
        accountNumber: '000123456789',
        routingNumber: '021000021',
        currencies: ['USD'],
      });
      expect(us).toMatchObject({ routingNumber: '021000021' });
      expect((await get('/collection-accounts')).body.items).toContainEqual(
        expect.objectContaining({ id: us.id, routingNumber: '021000021' }),
      );
      const c = await customer('ACH Payer Inc', 'USD');
      const va = await post(`/customers/${c.id}/virtual-accounts`, { collectionAccountId: us.id });
      expect(va.status).toBe(201);
      expect(va.body.routingNumber).toBe('021000021');
      const mail = await prisma.notification.findUniqueOrThrow({
        where: { dedupeKey: `virtual-account-created:${va.body.id}` },
      });
      expect(mail.payload).toMatchObject({ routingNumber: '021000021' });
    });

    it('refuses a customer in a currency no collection account holds, naming currency', async () => {
      const res = await post('/customers', { name: 'Yen Co', email: 'yen@setup.example', currency: 'JPY' });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'NO_COLLECTION_ACCOUNT', field: 'currency' });
      expect(res.body.error.message).toMatch(/JPY/);
      expect(await prisma.customer.count({ where: { name: 'Yen Co' } })).toBe(0);
    });

    it('refuses a virtual account in a currency the customer is not billed in', async () => {
      const c = await customer('Euro Only GmbH', 'EUR');
      const res = await post(`/customers/${c.id}/virtual-accounts`, { currency: 'GBP' });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'CURRENCY_NOT_BILLED', field: 'currency' });
      expect(await prisma.virtualAccount.count({ where: { customerId: c.id } })).toBe(0);
    });
  });
});
