import type { Response } from 'supertest';
import { binaryBody, pdfUnicodeText } from './support/pdf-text';
import { startSystem, type TestSystem } from './support/system';

describe('GET /customers/:id/payment-instructions.pdf (seed 002: how to pay into the exclusive account)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ env: { REMITD_PROVIDER_NAME: 'Nimbus Cloud Services Inc.' } });
    // a Malaysian collection account: the beneficiary and the bank carry Malay names
    const ca = await sys
      .http()
      .post('/collection-accounts')
      .set(sys.auth)
      .send({
        name: 'KL collection',
        accountNumber: '514011223344',
        bic: 'MBBEMYKLXXX',
        accountHolderName: 'Awan Nimbus (Malaysia) Sdn. Bhd.',
        bankName: 'Malayan Banking Berhad, Menara Maybank, Jalan Tun Perak, Kuala Lumpur',
        currencies: ['MYR'],
      });
    expect(ca.status).toBe(201);
  });
  afterAll(() => sys.close());

  const getPdf = (customerId: string, query: Record<string, string> = {}, key?: string) =>
    sys
      .http()
      .get(`/customers/${customerId}/payment-instructions.pdf`)
      .query(query)
      .set(key ? { Authorization: `Bearer ${key}` } : sys.auth)
      .buffer(true)
      .parse(binaryBody) as unknown as Promise<Response & { body: Buffer }>;
  const textOf = (pdf: Buffer) => pdfUnicodeText(pdf).join('\n').replace(/\s+/g, ' ');

  it('a customer named 阿里云计算有限公司 gets its account details and the rules intact, in Chinese and in English', async () => {
    const c = await sys.customer({ name: '阿里云计算有限公司', email: 'ap@aliyun-pi.example' });
    const va = (await sys.http().get(`/customers/${c.id}/virtual-accounts`).set(sys.auth)).body.items[0];
    const member = await sys.keyFor('member', c.id);

    const zh = await getPdf(c.id, { lang: 'zh' }, member);
    expect(zh.status).toBe(200);
    expect(zh.headers['content-type']).toBe('application/pdf');
    expect(zh.headers['content-disposition']).toMatch(/attachment; filename="payment-instructions-.*-zh\.pdf"/);
    const zhText = textOf(zh.body);
    expect(zhText).toContain('付款说明');
    expect(zhText).toContain('阿里云计算有限公司');
    expect(zhText).toContain(va.display);
    expect(zhText).toContain('COBADEFFXXX');
    expect(zhText).toContain(c.reference);
    expect(zhText).toContain('仅接受 SWIFT 和 ACH 电汇，不支持现金和支票存款。');
    expect(zhText).toContain('最长需 4 个工作日');
    // the fonts are embedded as subsets: the file stays small
    expect(zh.body.length).toBeLessThan(400_000);

    // no language asked and none stored on the customer: English, the name still intact
    const en = await getPdf(c.id, {}, member);
    expect(en.status).toBe(200);
    const enText = textOf(en.body);
    expect(enText).toContain('Payment instructions');
    expect(enText).toContain('阿里云计算有限公司');
    expect(enText).toContain(
      'Only SWIFT and ACH wire transfers are accepted. Cash and cheque deposits are not supported.',
    );
    expect(enText).toContain('Nimbus Cloud Services Inc. bears it and credits the full amount you remitted');
    expect(enText).toContain('up to 4 business days');
  });

  it('a Malay customer paying into a Malaysian account: names and the bank address intact', async () => {
    const c = await sys.customer({
      name: 'Syarikat Perniagaan Cahaya Bintang Sdn. Bhd.',
      email: 'akaun@cahaya-bintang.example',
      currency: 'MYR',
    });
    const va = (await sys.http().get(`/customers/${c.id}/virtual-accounts`).set(sys.auth)).body.items[0];
    expect(va.iban).toBeNull();
    const res = await getPdf(c.id, { lang: 'en' });
    expect(res.status).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain('Syarikat Perniagaan Cahaya Bintang Sdn. Bhd.');
    expect(text).toContain('Awan Nimbus (Malaysia) Sdn. Bhd.');
    expect(text).toContain('Malayan Banking Berhad, Menara Maybank, Jalan Tun Perak, Kuala Lumpur');
    expect(text).toContain(va.number);
    expect(text).toContain('MBBEMYKLXXX');
    expect(text).toContain('MYR');
  });

  it('a Latin name outside Windows-1252 stays intact', async () => {
    const c = await sys.customer({ name: 'Łukasiewicz Obłoki Sp. z o.o.', email: 'ap@obloki.example' });
    const text = textOf((await getPdf(c.id, { lang: 'en' })).body);
    expect(text).toContain('Łukasiewicz Obłoki Sp. z o.o.');
  });

  it('another customer answers 403 to a member, an unknown language 400 naming lang', async () => {
    const mine = await sys.customer({ name: 'Mine Ltd' });
    const other = await sys.customer({ name: 'Other Ltd' });
    const member = await sys.keyFor('member', mine.id);
    const forbidden = await sys
      .http()
      .get(`/customers/${other.id}/payment-instructions.pdf`)
      .set('Authorization', `Bearer ${member}`);
    expect(forbidden.status).toBe(403);
    const bad = await sys.http().get(`/customers/${mine.id}/payment-instructions.pdf?lang=fr`).set(sys.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('lang');
    expect((await sys.http().get(`/customers/${mine.id}/payment-instructions.pdf`)).status).toBe(401);
  });
});
