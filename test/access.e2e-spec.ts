import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ApiKeysService, type RoleName } from '@remitd/access';
import { IssueBillsUseCase } from '@remitd/billing';
import { loadConfig } from '@remitd/config';
import { LedgerVerifier } from '@remitd/ledger';
import { PrismaService } from '@remitd/persistence';
import { createAdminApi } from '../apps/admin-api/src/main';
import { startTestAdminApi, type TestApi } from './support/admin-api';

let keyNo = 0;
const idem = () => `access-${++keyNo}-${Date.now()}`;

describe('issue 11: who may move money, see whom, and stay in', () => {
  let api: TestApi;
  let prisma: PrismaService;
  const keys: Partial<Record<string, { key: string; id: string }>> = {};

  /** A named key (the name is a person's, as staff name their keys). */
  const keyOf = async (label: string, role: RoleName, customerId?: string) => {
    const k = await api.app
      .get(ApiKeysService)
      .create({ actor: { id: 'test', role: 'super_admin' }, name: label, role, customerId });
    keys[label] = { key: k.key, id: k.id };
    return k.key;
  };
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const post = (key: string, url: string, body: object, k = idem()) =>
    api.http().post(url).set(as(key)).set('Idempotency-Key', k).send(body);

  const customer = async (name: string, body: Record<string, unknown> = {}) => {
    const c = await post(api.superKey, '/customers', {
      name,
      email: `${name.replace(/\W+/g, '').toLowerCase()}@x.example`,
      currency: 'EUR',
      autoWriteOff: false,
      ...body,
    });
    expect(c.status).toBe(201);
    return c.body as { id: string };
  };
  const billFor = async (customerId: string, cycle: string, amount: string) => {
    expect(
      (
        await post(api.superKey, `/customers/${customerId}/charges`, {
          billingCycle: cycle,
          product: 'Compute',
          usage: '720 h',
          amount,
        })
      ).status,
    ).toBe(201);
    await api.app.get(IssueBillsUseCase).execute(cycle, { force: true });
    return prisma.bill.findFirstOrThrow({ where: { customerId, billingCycle: cycle } });
  };

  beforeAll(async () => {
    api = await startTestAdminApi({
      REMITD_APPROVAL_CAPS: JSON.stringify({
        account_manager: { EUR: '100.00', '*': '0' },
        finance: { EUR: '5000.00' },
      }),
    });
    prisma = api.app.get(PrismaService);
    await keyOf('Alice Manager', 'account_manager');
    await keyOf('Fiona Finance', 'finance');
    await keyOf('Frank Finance', 'finance');
    await keyOf('Adam Admin', 'admin');
  });
  afterAll(async () => {
    expect((await api.app.get(LedgerVerifier).verify()).ok).toBe(true);
    await api.close();
  });

  describe('issue 11 item 2: a customer cannot settle its own bill with no money; offline payments are finance’s, or an approved request', () => {
    it('refuses the offline channel to a member key and leaves the bill unpaid', async () => {
      const c = await customer('Self Settler Ltd');
      const bill = await billFor(c.id, '2026-01', '777.00');
      const member = await keyOf('member of Self Settler', 'member', c.id);
      const res = await post(member, `/bills/${bill.id}/payments`, {
        external: { channel: 'offline', amount: '777.00', reference: 'trust me' },
      });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'PAYMENT_CHANNEL_FORBIDDEN', field: 'external.channel' });
      const after = await prisma.bill.findUniqueOrThrow({ where: { id: bill.id } });
      expect(after.status).not.toBe('settled');
      expect(after.paid.toString()).toBe('0');
      expect(await prisma.repayment.count({ where: { billId: bill.id } })).toBe(0);
      // a member still pays from its own balance (here: nothing there, so no credit)
      const fromBalance = await post(member, `/bills/${bill.id}/payments`, { fromBalance: '777.00' });
      expect(fromBalance.status).toBe(409);
      expect(fromBalance.body.error.code).toBe('INSUFFICIENT_AVAILABLE_CREDIT');
    });

    it('lets finance record money received offline at once', async () => {
      const c = await customer('Cheque Payer Ltd');
      const bill = await billFor(c.id, '2026-02', '50.00');
      const res = await post(keys['Fiona Finance']!.key, `/bills/${bill.id}/payments`, {
        external: { channel: 'offline', amount: '50.00', reference: 'CHQ-1' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ billStatus: 'settled', external: '50.00' });
    });

    it('turns an account manager’s offline payment into a request that pays only when another person from finance approves it, once', async () => {
      const c = await customer('Requested Payment Ltd');
      const bill = await billFor(c.id, '2026-03', '120.00');
      const maker = keys['Alice Manager']!;
      const made = await post(maker.key, `/bills/${bill.id}/payments`, {
        external: { channel: 'offline', amount: '120.00', reference: 'WIRE-42' },
      });
      expect(made.status).toBe(201);
      expect(made.body.state).toBe('pending_approval');
      const requestId = made.body.approvalRequest.id as string;
      expect(made.body.approvalRequest).toMatchObject({
        kind: 'offline_payment',
        state: 'pending',
        maker: { id: `apikey:${maker.id}`, role: 'account_manager' },
      });
      // nothing moved yet
      expect((await prisma.bill.findUniqueOrThrow({ where: { id: bill.id } })).status).toBe('overdue');

      // the maker cannot check (as an account manager the route refuses; the rule holds for any role)
      const self = await post(maker.key, `/approval-requests/${requestId}/approve`, {});
      expect(self.status).toBe(403);
      const pending = await api
        .http()
        .get('/approval-requests')
        .query({ state: 'pending' })
        .set(as(keys['Fiona Finance']!.key));
      expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(requestId);

      const checker = keys['Fiona Finance']!;
      const approveKey = idem();
      const approved = await post(checker.key, `/approval-requests/${requestId}/approve`, {}, approveKey);
      expect(approved.status).toBe(201);
      expect(approved.body).toMatchObject({
        state: 'approved',
        checker: { id: `apikey:${checker.id}`, role: 'finance' },
        result: { billStatus: 'settled', external: '120.00', externalReference: 'WIRE-42' },
      });
      // retried (same key) and approved again by someone else: paid once
      expect((await post(checker.key, `/approval-requests/${requestId}/approve`, {}, approveKey)).status).toBe(201);
      expect((await post(checker.key, `/approval-requests/${requestId}/approve`, {})).status).toBe(201);
      const again = await post(keys['Adam Admin']!.key, `/approval-requests/${requestId}/approve`, {});
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('APPROVAL_ALREADY_DECIDED');
      expect(await prisma.repayment.count({ where: { billId: bill.id } })).toBe(1);
      expect((await prisma.bill.findUniqueOrThrow({ where: { id: bill.id } })).status).toBe('settled');

      // both actors are in the audit log
      const audit = await prisma.auditLog.findMany({ where: { entityId: { in: [requestId, bill.id] } } });
      expect(audit.find((a) => a.action === 'approval.request')?.actor).toBe(`apikey:${maker.id}`);
      const approval = audit.find((a) => a.action === 'approval.approve')!;
      expect(approval.actor).toBe(`apikey:${checker.id}`);
      expect(approval.payload).toMatchObject({ maker: { id: `apikey:${maker.id}` } });
      expect(audit.find((a) => a.action === 'bill.manual_payment')?.payload).toMatchObject({
        approvalRequestId: requestId,
      });
    });

    it('never pays a rejected request, and a finance maker cannot approve its own', async () => {
      const c = await customer('Rejected Payment Ltd');
      const bill = await billFor(c.id, '2026-04', '30.00');
      const made = await post(keys['Alice Manager']!.key, `/bills/${bill.id}/payments`, {
        external: { channel: 'offline', amount: '30.00', reference: 'said so' },
      });
      const id = made.body.approvalRequest.id as string;
      const rejected = await post(keys['Adam Admin']!.key, `/approval-requests/${id}/reject`, { reason: 'no money' });
      expect(rejected.status).toBe(201);
      expect(rejected.body).toMatchObject({ state: 'rejected', reason: 'no money' });
      expect((await post(keys['Fiona Finance']!.key, `/approval-requests/${id}/approve`, {})).status).toBe(409);
      expect((await prisma.bill.findUniqueOrThrow({ where: { id: bill.id } })).status).toBe('overdue');

      // a coupon above finance's own cap: Fiona asks, Fiona cannot approve, Frank can
      const coupon = await post(keys['Fiona Finance']!.key, `/customers/${c.id}/coupons`, {
        amount: '6000.00',
        validUntil: '2026-12',
      });
      expect(coupon.body.state).toBe('pending_approval');
      const own = await post(
        keys['Fiona Finance']!.key,
        `/approval-requests/${coupon.body.approvalRequest.id}/approve`,
        {},
      );
      expect(own.status).toBe(403);
      expect(own.body.error.code).toBe('MAKER_CANNOT_CHECK');
      const other = await post(
        keys['Frank Finance']!.key,
        `/approval-requests/${coupon.body.approvalRequest.id}/approve`,
        {},
      );
      expect(other.status).toBe(201);
      expect(other.body.result).toMatchObject({ amount: '6000.00', customerId: c.id });
    });
  });

  describe('issue 11 item 10: coupons and credit-limit increases above a role’s cap need a second approver from finance or admin', () => {
    it('issues a coupon within the cap at once and holds one above it until approved', async () => {
      const c = await customer('Coupon Cap Ltd');
      const am = keys['Alice Manager']!.key;
      const small = await post(am, `/customers/${c.id}/coupons`, { amount: '100.00', validUntil: '2026-12' });
      expect(small.status).toBe(201);
      expect(small.body).toMatchObject({ amount: '100.00', customerId: c.id });
      const big = await post(am, `/customers/${c.id}/coupons`, { amount: '100.01', validUntil: '2026-12' });
      expect(big.status).toBe(201);
      expect(big.body).toMatchObject({ state: 'pending_approval', approvalRequest: { kind: 'coupon' } });
      expect(await prisma.coupon.count({ where: { customerId: c.id } })).toBe(1);
      const ok = await post(keys['Adam Admin']!.key, `/approval-requests/${big.body.approvalRequest.id}/approve`, {});
      expect(ok.status).toBe(201);
      expect(await prisma.coupon.count({ where: { customerId: c.id } })).toBe(2);
    });

    it('holds a credit-limit increase above the cap (202) and applies it on approval; decreases need nobody', async () => {
      const c = await customer('Limit Cap Ltd', { creditLimit: '50.00' });
      const am = keys['Alice Manager']!.key;
      const within = await api.http().patch(`/customers/${c.id}`).set(as(am)).send({ creditLimit: '150.00' });
      expect(within.status).toBe(200);
      expect(within.body.creditLimit).toBe('150.00');
      const above = await api
        .http()
        .patch(`/customers/${c.id}`)
        .set(as(am))
        .send({ creditLimit: '1000.00', autoWriteOff: true });
      expect(above.status).toBe(202);
      expect(above.body.approvalRequest).toMatchObject({ kind: 'credit_limit', state: 'pending' });
      const unchanged = await api.http().get(`/customers/${c.id}`).set(as(api.superKey));
      expect(unchanged.body).toMatchObject({ creditLimit: '150.00', autoWriteOff: false });
      const approved = await post(
        keys['Fiona Finance']!.key,
        `/approval-requests/${above.body.approvalRequest.id}/approve`,
        {},
      );
      expect(approved.status).toBe(201);
      const changed = await api.http().get(`/customers/${c.id}`).set(as(api.superKey));
      expect(changed.body).toMatchObject({ creditLimit: '1000.00', autoWriteOff: true });
      const down = await api.http().patch(`/customers/${c.id}`).set(as(am)).send({ creditLimit: '0.00' });
      expect(down.status).toBe(200);
      // a USD customer: the account manager's "*" cap is 0
      const usd = await customer('Limit Cap Inc', { currency: 'USD' });
      const anyIncrease = await api.http().patch(`/customers/${usd.id}`).set(as(am)).send({ creditLimit: '0.01' });
      expect(anyIncrease.status).toBe(202);
    });

    it('creates a customer with the limit above the cap held back until approved', async () => {
      const made = await post(keys['Alice Manager']!.key, '/customers', {
        name: 'Generous Start Ltd',
        email: 'gs@x.example',
        currency: 'EUR',
        creditLimit: '5000.00',
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ creditLimit: '0.00', approvalRequest: { kind: 'credit_limit' } });
      const ok = await post(keys['Adam Admin']!.key, `/approval-requests/${made.body.approvalRequest.id}/approve`, {});
      expect(ok.status).toBe(201);
      const after = await api.http().get(`/customers/${made.body.id}`).set(as(api.superKey));
      expect(after.body.creditLimit).toBe('5000.00');
    });

    it('refuses a bad REMITD_APPROVAL_CAPS at boot, naming it', () => {
      const base = { DATABASE_URL: 'postgresql://x@localhost/x' };
      expect(() => loadConfig({ ...base, REMITD_APPROVAL_CAPS: '{"member":{"EUR":"1"}}' })).toThrow(
        /REMITD_APPROVAL_CAPS.*member/,
      );
      expect(() => loadConfig({ ...base, REMITD_APPROVAL_CAPS: '{"finance":{"EUR":"-1"}}' })).toThrow(
        /REMITD_APPROVAL_CAPS/,
      );
      expect(() => loadConfig({ ...base, REMITD_APPROVAL_CAPS: 'nope' })).toThrow(/REMITD_APPROVAL_CAPS/);
      expect(loadConfig({ ...base, REMITD_APPROVAL_CAPS: '{"finance":{"EUR":"10.00","*":"0"}}' }).approvalCaps).toEqual(
        {
          finance: { EUR: '10.00', '*': '0' },
        },
      );
    });
  });

  describe('issue 11 item 11: a member key whose customer is deleted stops working, and a revocation reaches every replica within a second', () => {
    let second: INestApplication;
    beforeAll(async () => {
      // a second replica of the admin API on the same database
      second = await createAdminApi(
        loadConfig({ DATABASE_URL: api.url, ADMIN_API_PORT: '0', REMITD_DATA_DIR: '/tmp/remitd-test-data' }),
        { logger: false },
      );
      await second.listen(0, '127.0.0.1');
    });
    afterAll(() => second.close());

    const statusOn = async (app: INestApplication, key: string, url: string) =>
      (await request(app.getHttpServer()).get(url).set(as(key))).status;
    /** polls until `app` refuses the key; the elapsed milliseconds, or null if it still accepts after 1 s */
    const refusedWithinMs = async (app: INestApplication, key: string, url: string) => {
      const started = Date.now();
      while (Date.now() - started < 1000) {
        if ((await statusOn(app, key, url)) === 401) return Date.now() - started;
        await new Promise((r) => setTimeout(r, 20));
      }
      return null;
    };

    it('revoking a key on one replica refuses it on the other within a second (both had it cached)', async () => {
      const key = await keyOf('Revoked Finance', 'finance');
      expect(await statusOn(api.app, key, '/bills')).toBe(200);
      expect(await statusOn(second, key, '/bills')).toBe(200);
      const revoke = await api.http().delete(`/api-keys/${keys['Revoked Finance']!.id}`).set(as(api.superKey));
      expect(revoke.status).toBe(200);
      expect(await statusOn(api.app, key, '/bills')).toBe(401);
      const elapsedMs = await refusedWithinMs(second, key, '/bills');
      expect(elapsedMs).not.toBeNull();
    });

    it('a member key stops working on every replica when its customer is deleted, and cannot lose its customer', async () => {
      const c = await customer('Deleted Customer Ltd');
      const other = await customer('Someone Else Ltd');
      const member = await keyOf('member of Deleted Customer', 'member', c.id);
      const memberId = keys['member of Deleted Customer']!.id;
      expect(await statusOn(api.app, member, `/customers/${c.id}`)).toBe(200);
      expect(await statusOn(second, member, `/customers/${c.id}`)).toBe(200);
      // the CHECK: a member key never loses its customer
      await expect(
        prisma.$executeRaw`UPDATE api_keys SET customer_id = NULL WHERE id = ${memberId}::uuid`,
      ).rejects.toThrow(/api_keys_member_has_customer_check/);
      await prisma.$executeRaw`DELETE FROM customers WHERE id = ${c.id}::uuid`;
      expect(await prisma.apiKey.count({ where: { id: memberId } })).toBe(0);
      expect(await refusedWithinMs(api.app, member, '/customers')).not.toBeNull();
      expect(await refusedWithinMs(second, member, '/customers')).not.toBeNull();
      // before: the key lived on with no customer and listed everybody's customers
      const list = await request(second.getHttpServer()).get('/customers').set(as(member));
      expect(JSON.stringify(list.body)).not.toContain(other.id);
    });
  });

  describe('issue 11 item 12: a member’s statement names a role, never a staff member; staff still see who', () => {
    it('shows "top-up recorded by finance" to the member and the key’s name to staff', async () => {
      const c = await customer('Statement Reader Ltd');
      const member = await keyOf('member of Statement Reader', 'member', c.id);
      const top = await post(keys['Fiona Finance']!.key, `/customers/${c.id}/top-ups`, {
        amount: '40.00',
        reference: 'BANK-9',
      });
      expect(top.status).toBe(201);
      const mine = await api.http().get(`/customers/${c.id}/statement`).set(as(member));
      expect(mine.status).toBe(200);
      expect(JSON.stringify(mine.body)).not.toContain('Fiona');
      expect(mine.body.movements[0].description).toMatch(/^top-up recorded by finance: BANK-9/);
      expect(mine.body.movements[0]).not.toHaveProperty('recordedBy');
      const csv = await api.http().get(`/customers/${c.id}/statement`).query({ format: 'csv' }).set(as(member));
      expect(csv.text).not.toContain('Fiona');
      const staff = await api.http().get(`/customers/${c.id}/statement`).set(as(keys['Adam Admin']!.key));
      expect(staff.body.movements[0]).toMatchObject({ recordedBy: 'Fiona Finance' });
    });
  });
});
