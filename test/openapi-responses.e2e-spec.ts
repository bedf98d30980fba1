import { buildCamt } from './support/camt-builder';
import { responseConformance } from './support/openapi-conformance';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';

/**
 * A client generated from the document must be able to read what the API answers: one pass over
 * the operations with real data (customers, bills, payments, remittances, statements, keys) and
 * every answer checked against the schema the document declares for its status.
 */
describe('openapi item 9: every answer conforms to the schema the document declares for it', () => {
  let sys: TestSystem;
  let conforms: ReturnType<typeof responseConformance>;
  const differences: string[] = [];
  const seen = new Set<string>();

  beforeAll(async () => {
    sys = await startSystem();
    conforms = responseConformance((await sys.http().get('/docs/openapi.json').expect(200)).body);
  });
  afterAll(() => sys.close());

  let n = 0;
  /** calls an operation by its template and checks the answer against the document */
  const call = async (
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    template: string,
    opts: { params?: Record<string, string>; body?: object; query?: object; key?: string; expect?: number } = {},
  ) => {
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) => opts.params?.[name] ?? '');
    let req = sys
      .http()
      [method](url)
      .set('Authorization', opts.key ? `Bearer ${opts.key}` : sys.auth.Authorization);
    if (method === 'post') req = req.set('Idempotency-Key', `responses-${++n}`);
    if (opts.query) req = req.query(opts.query);
    const res = await (opts.body ? req.send(opts.body) : req);
    if (opts.expect !== undefined && res.status !== opts.expect) {
      differences.push(
        `${method.toUpperCase()} ${url}: ${res.status}, expected ${opts.expect}: ${JSON.stringify(res.body)}`,
      );
    }
    differences.push(...conforms(method, template, res.status, res.body));
    seen.add(`${method.toUpperCase()} ${template}`);
    return res;
  };

  it('customers, bills, payments, refunds, cards, coupons, relationships, transfers, statements', async () => {
    await call('get', '/health', { expect: 200 });
    await call('get', '/collection-accounts', { expect: 200 });
    await call('post', '/collection-accounts', {
      body: { name: 'US account', accountNumber: '0532013999', currencies: ['USD'] },
      expect: 201,
    });
    const a = (
      await call('post', '/customers', {
        body: {
          name: 'Shape Check Ltd',
          email: 'shape@example.test',
          currency: 'EUR',
          creditLimit: '1000.00',
          autoWriteOff: false,
        },
        expect: 201,
      })
    ).body;
    const id = { id: a.id };
    await call('post', '/customers/{id}/virtual-accounts', { params: id, body: {}, expect: 201 });
    await call('get', '/customers/{id}/virtual-accounts', { params: id, expect: 200 });
    await call('get', '/customers', { query: { limit: 1 }, expect: 200 });
    await call('get', '/customers/{id}', { params: id, expect: 200 });
    await call('patch', '/customers/{id}', { params: id, body: { name: 'Shape Check Limited' }, expect: 200 });
    const b = await sys.customer({ name: 'Member Co' });

    await call('post', '/customers/{id}/charges', {
      params: id,
      body: { billingCycle: '2026-10', product: 'Compute', usage: '744 h', amount: '300.00' },
      expect: 201,
    });
    await call('post', '/billing-runs/{cycle}', { params: { cycle: '2026-10' } });
    const bills = await call('get', '/bills', { query: { customerId: a.id }, expect: 200 });
    const bill = { id: bills.body.items[0].id };
    await call('get', '/bills/{id}', { params: bill, expect: 200 });
    await call('get', '/bills/{id}/why-unsettled', { params: bill, expect: 200 });
    await call('post', '/customers/{id}/top-ups', {
      params: id,
      body: { amount: '100.00', reference: 'TOPUP-1' },
      expect: 201,
    });
    await call('post', '/bills/{id}/payments', {
      params: bill,
      body: { amount: '50.00', fromBalance: '50.00' },
      expect: 201,
    });
    await call('get', '/repayments', { query: { customerId: a.id }, expect: 200 });
    await call('post', '/customers/{id}/refunds', {
      params: id,
      body: { amount: '25.00', billingCycle: '2026-10', reason: 'SLA credit' },
      expect: 201,
    });
    await call('get', '/customers/{id}/refunds', { params: id, expect: 200 });
    await call('post', '/customers/{id}/stored-value-cards', {
      params: id,
      body: { amount: '20.00', validMonth: '2026-11' },
      expect: 201,
    });
    await call('get', '/customers/{id}/stored-value-cards', { params: id, expect: 200 });
    const coupon = await call('post', '/customers/{id}/coupons', {
      params: id,
      body: { amount: '10.00', validUntil: '2026-12' },
      expect: 201,
    });
    await call('get', '/customers/{id}/coupons', { params: id, expect: 200 });
    await call('post', '/coupons/{id}/apply', {
      params: { id: coupon.body.id },
      body: { billId: bill.id },
      expect: 201,
    });
    const relation = await call('post', '/financial-relationships', {
      body: { mainCustomerId: a.id, memberCustomerId: b.id },
      expect: 201,
    });
    await call('get', '/customers/{id}/financial-relationships', { params: id, expect: 200 });
    await call('post', '/customers/{id}/top-ups', { params: id, body: { amount: '500.00', reference: 'TOPUP-2' } });
    await call('post', '/transfers', {
      body: { fromCustomerId: a.id, toCustomerId: b.id, amount: '1.00' },
      expect: 201,
    });
    await call('post', '/financial-relationships/{id}/end', { params: { id: relation.body.id }, expect: 201 });
    await call('get', '/customers/{id}/statement', { params: id, expect: 200 });
    await call('get', '/customers/{id}/remitter-accounts', { params: id, expect: 200 });
  });

  it('remittances, statements, notifications, approvals, keys, audit and the ledger', async () => {
    const c = await sys.customer({ name: 'Queue Shape AB' });
    sys.drop(
      'shape.xml',
      buildCamt({
        statementId: 'SHAPE-1',
        account: COLLECTION,
        entries: [
          { ref: 'SH-1', amount: '40.00', remitterName: 'QUEUE SHAPE', remitterIban: 'SE4550000000058398257466' },
          { ref: 'SH-2', amount: '30.00', remitterName: 'NOBODY' },
          { ref: 'SH-3', amount: '20.00', remitterName: 'TWO PAYERS' },
          { ref: 'SH-4', amount: '15.00', creditedAccount: c.virtualAccount },
        ],
      }),
    );
    sys.drop(
      'elsewhere.xml',
      buildCamt({
        statementId: 'ELSE-1',
        account: 'GB33BUKB20201555555555',
        entries: [{ ref: 'EL-1', amount: '5.00' }],
      }),
    );
    await sys.tick();
    const queue = await call('get', '/remittances', { expect: 200 });
    await call('get', '/remittances', { query: { state: 'credited' }, expect: 200 });
    const byRef = (ref: string) => queue.body.items.find((r: { bankReference: string }) => r.bankReference === ref);
    await call('get', '/remittances/{id}', { params: { id: byRef('SH-1').id }, expect: 200 });
    // the console's queue (issue 13)
    await call('get', '/remittances', { query: { sort: 'amount_desc', owner: 'none', minAmount: '1' }, expect: 200 });
    await call('get', '/remittances/summary', { expect: 200 });
    await call('get', '/remittances/summary', { query: { q: 'no such text' }, expect: 200 });
    await call('post', '/remittances/{id}/owner', {
      params: { id: byRef('SH-2').id },
      body: { ownerId: 'me' },
      expect: 200,
    });
    await call('post', '/remittances/{id}/comments', {
      params: { id: byRef('SH-2').id },
      body: { body: 'hi' },
      expect: 201,
    });
    await call('get', '/remittances/{id}/comments', { params: { id: byRef('SH-2').id }, expect: 200 });
    await call('get', '/remittances/{id}', { params: { id: byRef('SH-2').id }, expect: 200 });
    await call('get', '/dashboard', { query: { days: 7 }, expect: 200 });
    const voucher = await sys
      .http()
      .post(`/remittances/${byRef('SH-2').id}/vouchers`)
      .set(sys.auth)
      .set('Content-Type', 'image/png')
      .send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(voucher.status).toBe(201);
    differences.push(...conforms('post', '/remittances/{id}/vouchers', voucher.status, voucher.body));
    seen.add('POST /remittances/{id}/vouchers');
    await call('post', '/remittances/{id}/assign', {
      params: { id: byRef('SH-1').id },
      body: { customerId: c.id, rememberRemitterAccount: true },
      expect: 201,
    });
    await call('post', '/remittances/{id}/return', {
      params: { id: byRef('SH-2').id },
      body: { reason: 'not ours' },
      expect: 201,
    });
    const other = await sys.customer({ name: 'Second Payer' });
    await call('post', '/remittances/{id}/split', {
      params: { id: byRef('SH-3').id },
      body: {
        parts: [
          { customerId: c.id, amount: '12.00' },
          { customerId: other.id, amount: '8.00' },
        ],
      },
      expect: 201,
    });
    await call('post', '/remittances/{id}/fee-reimbursements', {
      params: { id: byRef('SH-1').id },
      body: { amount: '1.00', voucherReference: 'VOUCHER-1' },
    });
    const remembered = await call('get', '/customers/{id}/remitter-accounts', { params: { id: c.id }, expect: 200 });
    await call('delete', '/customers/{id}/remitter-accounts/{accountId}', {
      params: { id: c.id, accountId: remembered.body.items[0].id },
      expect: 200,
    });

    const files = await call('get', '/statement-files', { expect: 200 });
    const alerts = await call('get', '/statement-alerts', { expect: 200 });
    const unknown = await call('get', '/statement-accounts/unknown', { expect: 200 });
    await call('get', '/statement-accounts/{account}/held-entries', {
      params: { account: unknown.body.items[0].accountKey },
      expect: 200,
    });
    const elsewhere = files.body.items.find((f: { fileName: string }) => f.fileName === 'elsewhere.xml');
    await call('post', '/statement-files/{id}/reject', {
      params: { id: elsewhere.id },
      body: { reason: 'not ours' },
      expect: 201,
    });
    await call('post', '/statement-alerts/{id}/acknowledge', { params: { id: alerts.body.items[0].id }, expect: 201 });

    const mails = await call('get', '/notifications', { expect: 200 });
    // a sent message is not sent again (409, in the error shape); a failed one is requeued (200)
    await call('post', '/notifications/{id}/requeue', { params: { id: mails.body.items[0].id } });
    await call('get', '/approval-requests', { expect: 200 });
    const key = await call('post', '/api-keys', { body: { name: 'shape', role: 'finance' }, expect: 201 });
    await call('get', '/api-keys', { expect: 200 });
    await call('delete', '/api-keys/{id}', { params: { id: key.body.id }, expect: 200 });
    await call('get', '/audit-log', { expect: 200 });
    await call('get', '/ledger/verify', { expect: 200 });
    // the error shape too
    await call('get', '/customers/{id}', { params: { id: 'nope' }, expect: 400 });
    await call('get', '/customers/{id}', { params: { id: '0b8f6d3e-1111-4c1c-9a1a-0123456789ab' }, expect: 404 });
    await call('get', '/ledger/verify', { key: 'rmd_unknown', expect: 401 });
  });

  it('billing entities, their holidays and payment terms (issue 14)', async () => {
    const accounts = await call('get', '/collection-accounts', { expect: 200 });
    const entity = await call('post', '/billing-entities', {
      body: {
        name: 'Shape Cloud (Singapore) PTE LTD',
        country: 'SG',
        timeZone: 'Asia/Singapore',
        currencies: ['EUR', 'USD'],
        collectionAccountIds: [accounts.body.items[0].id],
      },
      expect: 201,
    });
    const id = { id: entity.body.id };
    await call('get', '/billing-entities', { query: { limit: 1 }, expect: 200 });
    await call('get', '/billing-entities/{id}', { params: id, expect: 200 });
    await call('patch', '/billing-entities/{id}', { params: id, body: { offersExclusiveAccounts: true }, expect: 200 });
    await call('put', '/billing-entities/{id}/holidays', {
      params: id,
      query: { year: 2027 },
      body: { holidays: [{ date: '2027-08-09', name: 'National Day' }] },
      expect: 200,
    });
    await call('get', '/billing-entities/{id}/holidays', { params: id, query: { year: 2027 }, expect: 200 });
    await call('patch', '/billing-entities/{id}', { params: id, body: { timeZone: 'Nowhere/Else' }, expect: 400 });
    const customer = await call('post', '/customers', {
      body: { name: 'Terms Shape Pte', email: 'terms@example.test', currency: 'EUR', billingEntityId: entity.body.id },
      expect: 201,
    });
    await call('put', '/customers/{id}/payment-terms', {
      params: { id: customer.body.id },
      body: { settlementCycle: 'quarterly', paymentPeriodDays: 10, paymentPeriodKind: 'business' },
      expect: 200,
    });
  });

  it('no answer differs from the document', () => {
    expect(differences).toEqual([]);
    expect(seen.size).toBeGreaterThan(45);
  });
});
