import type { Response } from 'supertest';
import { binaryBody, pdfPageCount, pdfText, pdfUnicodeText } from './support/pdf-text';
import { startSystem, type TestSystem } from './support/system';

describe('GET /bills/:id/pdf', () => {
  let sys: TestSystem;
  let n = 0;
  beforeAll(async () => {
    sys = await startSystem({ env: { REMITD_PROVIDER_NAME: 'Nimbus Cloud Services Inc.' } });
  });
  afterAll(() => sys.close());

  const post = (url: string, body: object) =>
    sys.http().post(url).set(sys.auth).set('Idempotency-Key', `pdf-${++n}-${Date.now()}`).send(body);
  const getPdf = (billId: string, key?: string) =>
    sys
      .http()
      .get(`/bills/${billId}/pdf`)
      .set(key ? { Authorization: `Bearer ${key}` } : sys.auth)
      .buffer(true)
      .parse(binaryBody) as unknown as Promise<Response & { body: Buffer }>;

  it("renders the bill with its lines, payments and the customer's exclusive account, and hides it from other members", async () => {
    const c = await sys.customer({ name: 'Zoë Pdf GmbH', email: 'ap@zoe-pdf.example' });
    const vas = await sys.http().get(`/customers/${c.id}/virtual-accounts`).set(sys.auth);
    const va = vas.body.items[0] as { iban: string; display: string; bic: string };
    expect(va.iban).toMatch(/^DE\d{2}/);

    // a past cycle, so issuing it now is due; enough lines to run over several pages
    const cycle = '2025-09';
    expect(
      (
        await post(`/customers/${c.id}/charges`, {
          billingCycle: cycle,
          product: 'Compute · c6.large',
          usage: '744 h',
          amount: '1000.00',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(`/customers/${c.id}/charges`, {
          billingCycle: cycle,
          product: 'Object storage',
          usage: '2 TB-month',
          amount: '234.50',
        })
      ).status,
    ).toBe(201);
    await sys.prisma.charge.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        customerId: c.id,
        billingCycle: cycle,
        product: `Snapshot ${String(i + 1).padStart(2, '0')}`,
        usage: '1 GB-month',
        amount: '0.50',
        currency: 'EUR',
      })),
    });
    const issue = () =>
      sys.http().post(`/billing-runs/${cycle}`).set(sys.auth).set('Idempotency-Key', `run-${cycle}`).send({});
    const run = await issue();
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({ billingCycle: cycle, billsIssued: 1 });
    // the run finished (write-off ran) and a retry with the same key gets the same answer
    expect(
      (await sys.prisma.billingRun.findUniqueOrThrow({ where: { billingCycle: cycle } })).finishedAt,
    ).not.toBeNull();
    const again = await issue();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(run.body);
    const list = await sys.http().get('/bills').query({ customerId: c.id, billingCycle: cycle }).set(sys.auth);
    const bill = list.body.items[0] as { id: string; reference: string; amount: string };
    expect(bill.amount).toBe('1264.50');
    // a top-up pays part of it: a repayment on the bill
    expect((await post(`/customers/${c.id}/top-ups`, { amount: '64.50', reference: 'BANK-PDF-1' })).status).toBe(201);

    const res = await getPdf(bill.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['content-disposition']).toBe(`inline; filename="${bill.reference}.pdf"`);
    const pdf = res.body;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = pdfText(pdf);
    expect(text).toContain(va.display); // the IBAN in blocks of four
    expect(va.display.replace(/ /g, '')).toBe(va.iban);
    expect(text).toContain(va.bic);
    expect(text).toContain(`Customer reference ${c.reference}`);
    expect(text).toContain(
      `Pay by SWIFT or ACH transfer to your exclusive account; quote your customer reference ${c.reference}`,
    );
    expect(text).toContain(`Bill ${bill.reference}`);
    expect(text).toContain('Nimbus Cloud Services Inc.');
    expect(text).toContain('Zoë Pdf GmbH');
    expect(text).toMatch(/Bill amount 1,264\.50 EUR Paid 64\.50 EUR Outstanding 1,200\.00 EUR/);
    expect(text).toMatch(/Total 1,264\.50 EUR/);
    expect(text).toMatch(/Compute · c6\.large 744 h 1,000\.00/);
    expect(text).toMatch(/Account balance 64\.50/);
    expect(text).toContain('September 2025');
    // 62 lines do not fit on one A4 page
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Charges (continued)');
    expect(text).toMatch(/Page 2 of \d/);

    // a member sees its own bill, not another customer's
    const own = await getPdf(bill.id, await sys.keyFor('member', c.id));
    expect(own.status).toBe(200);
    const other = await sys.customer({ name: 'Someone Else Ltd' });
    const res404 = await sys
      .http()
      .get(`/bills/${bill.id}/pdf`)
      .set('Authorization', `Bearer ${await sys.keyFor('member', other.id)}`);
    expect(res404.status).toBe(404);
    expect(res404.body.error.code).toBeDefined();
    expect((await sys.http().get('/bills/00000000-0000-4000-8000-000000000000/pdf').set(sys.auth)).status).toBe(404);
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });
  });

  it('A bill for a customer with a Chinese name, Malay and Polish lines: the text is intact (embedded CJK font)', async () => {
    const c = await sys.customer({ name: '阿里云计算有限公司', email: 'ap@aliyun-pdf.example' });
    const cycle = '2025-08';
    for (const [product, amount] of [
      ['云服务器 ECS · 华东 1 (杭州)', '88.00'],
      ['Pengkomputeran awan · Kuala Lumpur', '12.50'],
      ['Magazyn obiektów · Łódź', '3.25'],
    ])
      expect(
        (await post(`/customers/${c.id}/charges`, { billingCycle: cycle, product, usage: '1 月', amount })).status,
      ).toBe(201);
    expect(
      (await sys.http().post(`/billing-runs/${cycle}`).set(sys.auth).set('Idempotency-Key', `run-${cycle}`).send({}))
        .status,
    ).toBe(201);
    const list = await sys.http().get('/bills').query({ customerId: c.id, billingCycle: cycle }).set(sys.auth);
    const res = await getPdf(list.body.items[0].id);
    expect(res.status).toBe(200);
    const text = pdfUnicodeText(res.body).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('阿里云计算有限公司');
    expect(text).toContain('云服务器 ECS · 华东 1 (杭州)');
    expect(text).toContain('Pengkomputeran awan · Kuala Lumpur');
    expect(text).toContain('Magazyn obiektów · Łódź');
    expect(text).toMatch(/Total 103\.75 EUR/);
    // the font is embedded as a subset: the file stays small
    expect(res.body.length).toBeLessThan(400_000);
  });
});
