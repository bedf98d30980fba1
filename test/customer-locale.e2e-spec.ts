import { ApiKeysService } from '@remitd/access';
import type { ParsedMail } from 'mailparser';
import { buildCamt } from './support/camt-builder';
import { cycleBack } from './support/cycles';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';

/**
 * Issue 17, the customer's language: a setting on the customer (staff at creation and by PATCH,
 * the customer's own members through PUT /customers/:id/locale), audited; e-mails written in it,
 * sent over real SMTP, amounts intact in either language.
 */
describe("the customer's language", () => {
  let sys: TestSystem;
  let usAdminKey: string;
  let n = 0;

  beforeAll(async () => {
    sys = await startSystem();
    usAdminKey = (
      await sys.api.get(ApiKeysService).create({
        actor: { id: 'test', role: 'super_admin' },
        name: 'us admin',
        role: 'admin',
        unifiedSettlement: true,
      })
    ).key;
  });
  afterAll(() => sys.close());
  afterEach(async () => expect(await sys.verifyLedger()).toMatchObject({ ok: true }));

  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const put = (path: string, body: object, auth: Record<string, string>) => sys.http().put(path).set(auth).send(body);
  const post = (path: string, body: object, auth: Record<string, string> = sys.auth) =>
    sys.http().post(path).set(auth).set('Idempotency-Key', `locale-${++n}`).send(body);
  const mailsTo = (email: string) => sys.smtp.messages.filter((m) => JSON.stringify(m.to).includes(email));
  const fundsReceived = (mails: ParsedMail[]) => mails.find((m) => /Payment received|已收到付款/.test(m.subject ?? ''));

  it('is set at creation (default en), shown in the customer, and a bad value is a 400 naming locale', async () => {
    const en = await sys.customer();
    expect(en).toMatchObject({ locale: 'en' });
    const zh = await sys.customer({ locale: 'zh' });
    expect(zh).toMatchObject({ locale: 'zh' });
    expect((await sys.http().get(`/customers/${zh.id}`).set(sys.auth).expect(200)).body.locale).toBe('zh');

    const bad = await post('/customers', {
      name: 'Bad Ltd',
      email: 'bad@customer.example',
      currency: 'EUR',
      locale: 'fr',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'locale' });
  });

  it('staff change it by PATCH; a member changes its own customer only (403 for another), audited', async () => {
    const own = await sys.customer();
    const other = await sys.customer();
    const patched = await sys.http().patch(`/customers/${own.id}`).set(sys.auth).send({ locale: 'zh' }).expect(200);
    expect(patched.body.locale).toBe('zh');
    const badPatch = await sys.http().patch(`/customers/${own.id}`).set(sys.auth).send({ locale: 'ZH-cn' });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.error.field).toBe('locale');

    const member = as(await sys.keyFor('member', own.id));
    expect((await put(`/customers/${own.id}/locale`, { locale: 'en' }, member).expect(200)).body.locale).toBe('en');
    const refused = await put(`/customers/${other.id}/locale`, { locale: 'zh' }, member);
    expect(refused.status).toBe(403);
    expect((await sys.http().get(`/customers/${other.id}`).set(sys.auth)).body.locale).toBe('en');
    const bad = await put(`/customers/${own.id}/locale`, { locale: 'de' }, member);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'locale' });
    expect((await put(`/customers/${own.id}/locale`, {}, member)).body.error).toMatchObject({ field: 'locale' });
    // a member may not use PATCH (credit control is staff work)
    expect((await sys.http().patch(`/customers/${own.id}`).set(member).send({ locale: 'zh' })).status).toBe(403);

    const audit = await sys.http().get('/audit-log').query({ entityType: 'customer', entityId: own.id }).set(sys.auth);
    const actions = audit.body.items.map((a: { action: string; payload: unknown }) => [a.action, a.payload]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['customer.locale', expect.objectContaining({ locale: 'en', before: 'zh', actorRole: 'member' })],
        ['customer.update', expect.objectContaining({ changes: { locale: 'zh' } })],
      ]),
    );
  });

  it('a Chinese customer gets "funds received" and "bills settled" in Chinese, an English one in English, amounts intact', async () => {
    const zh = await sys.customer({ name: '阿里云计算有限公司', locale: 'zh' });
    const en = await sys.customer({ name: 'Nimbus Ltd' });
    const zhMember = await sys.customer({ name: '阿里云子账户', locale: 'zh' });
    for (const c of [zh, en]) await sys.bill(c.id, cycleBack(1), '1000.00');
    sys.drop(
      'locale.xml',
      buildCamt({
        statementId: 'LOCALE-1',
        account: COLLECTION,
        entries: [
          { ref: 'LOC-ZH', amount: '1234.50', creditedAccount: zh.virtualAccount, remitterName: 'Aliyun' },
          { ref: 'LOC-EN', amount: '1234.50', creditedAccount: en.virtualAccount, remitterName: 'Nimbus' },
        ],
      }),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ credited: 2 });

    const zhMail = fundsReceived(mailsTo(zh.email))!;
    expect(zhMail.subject).toBe('已收到付款：1,234.50 EUR');
    expect(zhMail.text).toContain('尊敬的 阿里云计算有限公司：');
    expect(zhMail.text).toContain('已结清的账单');
    expect(zhMail.text).toContain('1,000.00 EUR');
    expect(zhMail.text).toContain('可用余额');
    expect(zhMail.text).toContain('234.50 EUR');
    expect(zhMail.html).toContain('lang="zh-CN"');
    expect(zhMail.text).not.toMatch(/Dear|Bills settled/);

    const enMail = fundsReceived(mailsTo(en.email))!;
    expect(enMail.subject).toBe('Payment received: 1,234.50 EUR');
    expect(enMail.text).toContain('Dear Nimbus Ltd,');
    expect(enMail.text).toContain('Bills settled');
    expect(enMail.text).toContain('1,000.00 EUR');
    expect(enMail.text).not.toMatch(/[\u4e00-\u9fff]/);

    // bills settled: a unified settlement task of the Chinese payer pays its member's bills
    await post('/financial-relationships', { mainCustomerId: zh.id, memberCustomerId: zhMember.id }).expect(201);
    const bill = await sys.bill(zhMember.id, cycleBack(2), '75.25');
    const task = await post(
      '/settlement-tasks',
      { payerCustomerId: zh.id, items: [{ customerId: zhMember.id, billingCycle: cycleBack(2) }], run: true },
      as(usAdminKey),
    ).expect(201);
    expect(task.body.status).toBe('completed');
    await sys.tick();
    const settled = mailsTo(zh.email).find((m) => m.subject === '1 张账单已结清' || m.subject?.includes('已结清'))!;
    expect(settled).toBeDefined();
    expect(settled.subject).toBe(`账单 ${bill.reference} (阿里云子账户) 已结清`);
    expect(settled.text).toContain('75.25 EUR');
    expect(settled.text).toContain('结清日期');
    expect(settled.text).toContain(task.body.reference);

    // one message per event, whatever the language
    const rows = await sys.prisma.notification.findMany({ where: { recipient: zh.email } });
    expect(rows.every((r) => r.locale === 'zh' && r.status === 'sent')).toBe(true);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(rows.length);
  });
});
