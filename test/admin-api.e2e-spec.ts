import { LedgerVerifier } from '@remitd/ledger';
import { PrismaService } from '@remitd/persistence';
import { isValidIban } from '@remitd/customers';
import { startTestAdminApi, type TestApi } from './support/admin-api';

describe('admin API over HTTP: customers, virtual accounts, auth, validation, idempotency', () => {
  let api: TestApi;
  let auth: { Authorization: string };
  let collectionId: string;

  beforeAll(async () => {
    api = await startTestAdminApi({}, { collectionAccount: false });
    auth = { Authorization: `Bearer ${api.superKey}` };
    const res = await api
      .http()
      .post('/collection-accounts')
      .set(auth)
      .send({
        name: 'Main collection account',
        iban: 'DE89 3704 0044 0532 0130 00',
        bic: 'COBADEFFXXX',
        currencies: ['EUR', 'USD'],
      });
    expect(res.status).toBe(201);
    collectionId = res.body.id;
  });
  afterAll(async () => {
    const report = await api.app.get(LedgerVerifier).verify();
    expect(report.ok).toBe(true);
    await api.close();
  });

  const createCustomer = (body: Record<string, unknown>, key = `k-${Math.random()}`) =>
    api.http().post('/customers').set(auth).set('Idempotency-Key', key).send(body);

  it('creates a customer and allocates its exclusive virtual account, queuing the e-mail in the same transaction', async () => {
    const c = await createCustomer({
      name: 'ACME Cloud Ltd',
      email: 'billing@acme.example',
      currency: 'EUR',
      creditLimit: '1000.00',
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({
      name: 'ACME Cloud Ltd',
      currency: 'EUR',
      creditLimit: '1000.00',
      cashBalance: '0.00',
      availableCredit: '1000.00',
    });
    expect(c.body.reference).toMatch(/^RC[0-9A-Z]{8}$/);

    const va = await api
      .http()
      .post(`/customers/${c.body.id}/virtual-accounts`)
      .set(auth)
      .set('Idempotency-Key', `va-${c.body.id}`)
      .send({});
    expect(va.status).toBe(201);
    expect(isValidIban(va.body.number)).toBe(true);
    expect(va.body.number.slice(4, 12)).toBe('37040044');
    expect(va.body.collectionAccountId).toBe(collectionId);

    const outbox = await api.app
      .get(PrismaService)
      .notification.findMany({ where: { recipient: 'billing@acme.example' } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      template: 'virtual-account-created',
      dedupeKey: `virtual-account-created:${va.body.id}`,
    });

    // a second allocation in the same currency returns the same account, no second e-mail
    const again = await api
      .http()
      .post(`/customers/${c.body.id}/virtual-accounts`)
      .set(auth)
      .set('Idempotency-Key', `va2-${c.body.id}`)
      .send({});
    expect(again.body.number).toBe(va.body.number);
    expect(again.body.created).toBe(false);
    expect(await api.app.get(PrismaService).notification.count({ where: { recipient: 'billing@acme.example' } })).toBe(
      1,
    );
  });

  it('allocates distinct numbers to customers created in parallel', async () => {
    const customers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createCustomer({ name: `Parallel ${i}`, email: `p${i}@x.example`, currency: 'USD' }),
      ),
    );
    const vas = await Promise.all(
      customers.map((c) =>
        api
          .http()
          .post(`/customers/${c.body.id}/virtual-accounts`)
          .set(auth)
          .set('Idempotency-Key', `pva-${c.body.id}`)
          .send({}),
      ),
    );
    expect(vas.every((v) => v.status === 201)).toBe(true);
    expect(new Set(vas.map((v) => v.body.number)).size).toBe(10);
  });

  it('replays a retried POST with the same Idempotency-Key and refuses the key for a different body', async () => {
    const body = { name: 'Retry Co', email: 'retry@x.example', currency: 'USD' };
    const first = await createCustomer(body, 'retry-key-1');
    const second = await createCustomer(body, 'retry-key-1');
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    const other = await createCustomer({ ...body, name: 'Other' }, 'retry-key-1');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('runs concurrent duplicates of one Idempotency-Key once', async () => {
    const body = { name: 'Race Co', email: 'race@x.example', currency: 'USD' };
    const results = await Promise.all(Array.from({ length: 6 }, () => createCustomer(body, 'race-key')));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await api.app.get(PrismaService).customer.count({ where: { name: 'Race Co' } })).toBe(1);
  });

  it.each([
    [{ name: 'X', email: 'x@x.example', currency: 'XYZ' }, 'currency', /not an ISO 4217/],
    [
      { name: 'X', email: 'x@x.example', currency: 'USD', creditLimit: '10.123' },
      'creditLimit',
      /USD allows 2 decimal places/,
    ],
    [{ name: 'X', email: 'not-an-email', currency: 'USD' }, 'email', /email/],
    [{ email: 'x@x.example', currency: 'USD' }, 'name', /name/],
    [{ name: 'X', email: 'x@x.example', currency: 'USD', creditLimit: 12.5 }, 'creditLimit', /decimal string/],
    [{ name: 'X', email: 'x@x.example', currency: 'USD', surprise: 1 }, 'surprise', /should not exist/],
  ])('rejects bad input %j with a 400 naming %s', async (body, field, message) => {
    const res = await createCustomer(body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(message);
  });

  it('requires an Idempotency-Key on money-changing POSTs', async () => {
    const res = await api
      .http()
      .post('/customers')
      .set(auth)
      .send({ name: 'X', email: 'x@x.example', currency: 'USD' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('Idempotency-Key');
  });

  it('needs an API key on every endpoint and a role allowed on the route', async () => {
    expect((await api.http().get('/customers')).status).toBe(401);
    expect((await api.http().get('/customers').set('Authorization', 'Bearer rmd_wrong')).status).toBe(401);
    const finance = await api.keyFor('finance');
    const res = await api
      .http()
      .post('/customers')
      .set('Authorization', `Bearer ${finance}`)
      .set('Idempotency-Key', 'f1')
      .send({ name: 'X', email: 'x@x.example', currency: 'USD' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ROLE_FORBIDDEN');
    expect((await api.http().get('/health')).status).toBe(200);
  });

  it('refuses a revoked key at once on the replica that revoked it', async () => {
    const key = await api.keyFor('finance');
    const h = { Authorization: `Bearer ${key}` };
    expect((await api.http().get('/customers').set(h)).status).toBe(200);
    const keys = await api.http().get('/api-keys').set(auth);
    const row = keys.body.items.find(
      (k: { keyPrefix: string; revokedAt: string | null }) => key.startsWith(k.keyPrefix) && !k.revokedAt,
    );
    expect((await api.http().delete(`/api-keys/${row.id}`).set(auth)).status).toBe(200);
    expect((await api.http().get('/customers').set(h)).status).toBe(401);
  });

  it('scopes a member to its own customer', async () => {
    const mine = await createCustomer({ name: 'Member Co', email: 'm@x.example', currency: 'USD' });
    const theirs = await createCustomer({ name: 'Other Co', email: 'o@x.example', currency: 'USD' });
    const member = await api.keyFor('member', mine.body.id);
    const h = { Authorization: `Bearer ${member}` };
    expect((await api.http().get(`/customers/${mine.body.id}`).set(h)).status).toBe(200);
    expect((await api.http().get(`/customers/${theirs.body.id}`).set(h)).status).toBe(403);
    const list = await api.http().get('/customers').set(h);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([mine.body.id]);
  });

  it('paginates customers with a stable cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await api
        .http()
        .get('/customers')
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .set(auth);
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await api.app.get(PrismaService).customer.count());
  });

  it('updates credit control and audits it with the actor', async () => {
    const c = await createCustomer({ name: 'Credit Co', email: 'c@x.example', currency: 'USD' });
    const res = await api
      .http()
      .patch(`/customers/${c.body.id}`)
      .set(auth)
      .send({ creditLimit: '250.00', frozenAmount: '50.00' });
    expect(res.status).toBe(200);
    expect(res.body.availableCredit).toBe('200.00');
    const audit = await api.http().get('/audit-log').query({ entityType: 'customer', entityId: c.body.id }).set(auth);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['customer.update', 'customer.create']);
    expect(audit.body.items[0].actor).toMatch(/^apikey:/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await api.http().get('/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/customers', '/customers/{id}/virtual-accounts']),
    );
  });
});
