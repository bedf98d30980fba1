import { BalanceAlertsUseCase } from '@remitd/arrears';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startArrearsSystem, type ArrearsSystem } from '../support/arrears-system';
import { CHROMIUM, describeInBrowser, DESKTOP, expectAccessible, screenshot } from '../support/console';

const PASSWORD = 'correct horse battery staple';
const HOUR_MS = 3600_000;
jest.setTimeout(240_000);

/** what the member reads and clicks, per console language */
const UI = {
  en: {
    resources: 'Resources in arrears',
    messages: 'Alerts and messages',
    isolated: 'Isolated',
    active: 'Active',
    stopped: 'Stopped',
    timeLeft: /^[67] days( \d+ hours?)? left$/,
    renew: 'Renew CKafka instance for one month',
    insufficient: 'Your balance does not cover the renewal',
    restored: /CKafka instance is restored and active until/,
    banner: 'Your account is restricted',
    topUp: 'Top up on the Deposit page',
    threshold: 'Threshold',
    thresholdInvalid: 'Enter an amount like 50.00',
    saveAlert: 'Save balance alert',
    armed: 'Armed',
    name: 'Name',
    phone: 'Mobile phone',
    addContact: 'Add contact',
    editOverdue: 'Edit recipients of Overdue payment warning',
    smsTo: 'SMS to Ana Lim',
    saveRecipients: 'Save recipients',
    subscribed: 'Ana Lim (SMS)',
    restrictedRefusal: 'Not saved: your account is restricted',
    remove: 'Remove the alert at 50.00 EUR',
  },
  zh: {
    resources: '欠费资源',
    messages: '余额预警与消息订阅',
    isolated: '已隔离',
    active: '正常',
    stopped: '已停服',
    timeLeft: /^剩余 [67]天(\d+小时)?$/,
    renew: '为 CKafka instance 续费一个月',
    insufficient: '您的余额不足以支付续费费用',
    restored: /CKafka instance 已恢复正常，有效期至/,
    banner: '您的账户已受限',
    topUp: '前往充值汇款页面充值',
    threshold: '阈值',
    thresholdInvalid: '请输入金额，例如 50.00',
    saveAlert: '保存余额预警',
    armed: '生效中',
    name: '姓名',
    phone: '手机号码',
    addContact: '添加联系人',
    editOverdue: '编辑欠费预警的接收人',
    smsTo: '通过短信发送给 Ana Lim',
    saveRecipients: '保存接收人',
    subscribed: 'Ana Lim (短信)',
    restrictedRefusal: '未保存：您的账户已受限',
    remove: '删除阈值为 50.00 EUR 的预警',
  },
} as const;

/**
 * Issue 17, the member's Resources in arrears and Alerts and messages screens in Chromium, in
 * English and Chinese, over the whole system: the platform reports resources over the admin API
 * and the arrears use cases run at an injected instant (as test/arrears*.e2e-spec.ts do), so the
 * subscription is really isolated and the pay-per-hour instance really stopped before the member
 * looks at them; the member renews, sets an alert, adds a contact and subscribes it, and every
 * change is read back from the API.
 */
describeInBrowser('member console: resources in arrears, balance alerts and message subscriptions (seed 003)', () => {
  let a: ArrearsSystem;
  let browser: Browser;
  let baseURL: string;
  const contexts: BrowserContext[] = [];
  let n = 0;

  beforeAll(async () => {
    a = await startArrearsSystem();
    baseURL = `http://127.0.0.1:${(a.sys.api.getHttpServer().address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  });
  afterEach(async () => {
    expect(await a.sys.verifyLedger()).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await a?.close();
  });

  async function member(customerId: string, lang: 'en' | 'zh'): Promise<Page> {
    const email = `member-${++n}@resources.test`;
    const res = await a.sys
      .http()
      .post('/users')
      .set(a.sys.auth)
      .send({ email, name: `Member ${n}`, role: 'member', customerId, password: PASSWORD });
    if (res.status !== 201) throw new Error(`POST /users answered ${res.status}: ${res.text}`);
    const context = await browser.newContext({ baseURL, viewport: DESKTOP });
    contexts.push(context);
    await context.addInitScript(`window.localStorage.setItem('remitd.language', '${lang}')`);
    expect((await context.request.post('/auth/sign-in', { data: { email, password: PASSWORD } })).status()).toBe(200);
    const page = await context.newPage();
    return page;
  }

  /** a monthly subscription that expired an hour ago with a balance short of its price: isolated */
  async function isolatedSubscription(lang: string) {
    const c = await a.sys.customer({ name: `Isolated ${lang} Ltd`, currency: 'EUR' });
    await a.topUp(c.id, '10.00');
    const now = new Date();
    const r = await a.post(`/customers/${c.id}/resources`, {
      externalId: `ckafka-${a.key()}`,
      name: 'CKafka instance',
      billingMode: 'monthly',
      expiresAt: new Date(now.getTime() - HOUR_MS).toISOString(),
      autoRenew: true,
      renewalPrice: '30.00',
    });
    expect(r.status).toBe(201);
    expect((await a.step(now)).lifecycle.outcomes).toMatchObject({ isolated: 1 });
    return { customer: c, resource: r.body as { id: string; externalId: string; expiresAt: string } };
  }

  /** a pay-per-hour instance on a zero balance: negative at the first hour, stopped 24 hours later */
  async function stoppedHourly(lang: string) {
    const c = await a.sys.customer({ name: `Stopped ${lang} Ltd`, currency: 'EUR' });
    const start = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 26 * HOUR_MS);
    const r = await a.post(`/customers/${c.id}/resources`, {
      externalId: `cvm-${a.key()}`,
      name: 'CVM instance',
      billingMode: 'hourly',
      hourlyPrice: '1.00',
      billingStartsAt: start.toISOString(),
    });
    expect(r.status).toBe(201);
    await a.step(new Date(start.getTime() + HOUR_MS));
    await a.step(new Date(start.getTime() + 25 * HOUR_MS));
    expect((await a.get(`/resources/${r.body.id}`)).body.status).toBe('stopped');
    return { customer: c, resource: r.body as { id: string; externalId: string } };
  }

  describe.each(['en', 'zh'] as const)('in %s', (lang) => {
    const ui = UI[lang];

    test('an isolated monthly subscription shows the time left before release and is restored by a renewal from the screen', async () => {
      const { customer, resource } = await isolatedSubscription(lang);
      const page = await member(customer.id, lang);
      await page.goto('/console/billing/resources');
      await page.getByRole('heading', { level: 2, name: ui.resources }).waitFor();
      const row = page.getByTestId(`resource-${resource.externalId}`);
      await row.getByText(ui.isolated, { exact: true }).waitFor();
      // the release is the API's timer (start of the 8th day in the billing time zone): 6 to 7 days away
      const left = (await row.getByTestId('time-left').locator('p').first().textContent())!.trim();
      expect(left).toMatch(ui.timeLeft);
      await expectAccessible(page, `resources (${lang})`);
      await screenshot(page, `member-resources-${lang}`);

      // short of the price: refused, with the way to top up
      await row.getByRole('button', { name: ui.renew }).click();
      await page.getByText(ui.insufficient).waitFor();
      expect((await a.get(`/resources/${resource.id}`)).body.status).toBe('isolated');
      // topped up, renewed from the screen: restored, the new month starting at the old expiry
      await a.topUp(customer.id, '25.00');
      await row.getByRole('button', { name: ui.renew }).click();
      await page.getByText(ui.restored).waitFor();
      await row.getByText(ui.active, { exact: true }).waitFor();
      const after = (await a.get(`/resources/${resource.id}`)).body;
      expect(after).toMatchObject({ status: 'active', releaseAt: null });
      expect(new Date(after.expiresAt).getTime()).toBeGreaterThan(new Date(resource.expiresAt).getTime());
      expect(await a.sys.cash(customer.id)).toBe('5');
    });

    test('a stopped pay-per-hour instance shows the restriction banner and the top-up that restores it; a change is refused with the API’s message', async () => {
      const { customer, resource } = await stoppedHourly(lang);
      const page = await member(customer.id, lang);
      await page.goto('/console/billing/resources');
      const banner = page.getByTestId('restriction-banner');
      await banner.getByText(ui.banner).waitFor();
      const row = page.getByTestId(`resource-${resource.externalId}`);
      await row.getByText(ui.stopped, { exact: true }).waitFor();
      expect((await row.getByTestId('time-left').locator('p').first().textContent())!.trim()).toMatch(ui.timeLeft);
      expect(await row.getByRole('link', { name: ui.topUp }).getAttribute('href')).toBe('/console/billing/deposit');
      await screenshot(page, `member-resources-restricted-${lang}`);
      await expectAccessible(page, `resources, restricted (${lang})`);

      // any change but paying is refused while restricted: the screen shows what the API said
      await page.goto('/console/billing/messages');
      await page.getByRole('heading', { level: 2, name: ui.messages }).waitFor();
      await page.getByRole('textbox', { name: ui.threshold }).fill('20.00');
      await page.getByRole('button', { name: ui.saveAlert }).click();
      const refusal = page.getByRole('alert').filter({ hasText: ui.restrictedRefusal });
      await refusal.getByText(/above 0/).waitFor();
      expect((await a.get(`/customers/${customer.id}/balance-alerts`)).body.items).toEqual([]);
    });

    test('a balance alert is created and another removed, a contact added and subscribed to a message type by SMS', async () => {
      const c = await a.sys.customer({ name: `Messages ${lang} Ltd`, currency: 'EUR' });
      const page = await member(c.id, lang);
      await page.goto('/console/billing/messages');
      await page.getByRole('heading', { level: 2, name: ui.messages }).waitFor();

      // the threshold is a decimal string, checked before it is sent
      const threshold = page.getByRole('textbox', { name: ui.threshold });
      await threshold.fill('fifty');
      await page.getByRole('button', { name: ui.saveAlert }).click();
      await page.getByText(ui.thresholdInvalid).waitFor();
      await threshold.fill('50.00');
      await page.getByRole('button', { name: ui.saveAlert }).click();
      const alerts = page.getByRole('table', { name: lang === 'en' ? 'Balance alerts' : '余额预警' });
      await alerts.getByText('50.00 EUR').waitFor();
      await alerts.getByText(ui.armed).waitFor();
      const [alert] = (await a.get(`/customers/${c.id}/balance-alerts`)).body.items;
      expect(alert).toMatchObject({ threshold: '50.00', currency: 'EUR', channels: ['email'], armed: true });
      // and it is the real thing: the balance evaluation knows it
      expect(await a.sys.api.get(BalanceAlertsUseCase).list(c.id)).toHaveLength(1);

      // a contact with a mobile phone
      const addForm = page.getByRole('form', { name: lang === 'en' ? 'Add a contact' : '添加联系人' });
      await addForm.getByRole('textbox', { name: ui.name }).fill('Ana Lim');
      await addForm.getByRole('textbox', { name: ui.phone }).fill('+6591234567');
      await addForm.getByRole('button', { name: ui.addContact }).click();
      await page
        .getByRole('table', { name: lang === 'en' ? 'Contacts' : '联系人' })
        .getByText('+6591234567')
        .waitFor();

      // subscribed to overdue payment warnings by SMS only
      await page.getByRole('button', { name: ui.editOverdue }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: ui.smsTo }).check();
      await expectAccessible(page, `message subscription dialog (${lang})`);
      await dialog.getByRole('button', { name: ui.saveRecipients }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('subscription-overdue_warning').getByText(ui.subscribed).waitFor();
      const contacts = (await a.get(`/customers/${c.id}/contacts`)).body.items as { id: string; name: string }[];
      const ana = contacts.find((x) => x.name === 'Ana Lim')!;
      expect((await a.get(`/customers/${c.id}/message-subscriptions`)).body.items).toEqual([
        { messageType: 'overdue_warning', contactId: ana.id, channels: ['sms'] },
      ]);
      await expectAccessible(page, `messages (${lang})`);
      await screenshot(page, `member-messages-${lang}`);

      // a second alert, then the first removed from the screen
      await threshold.fill('10.00');
      await page.getByRole('button', { name: ui.saveAlert }).click();
      await alerts.getByText('10.00 EUR').waitFor();
      await page.getByRole('button', { name: ui.remove }).click();
      await alerts.getByText('50.00 EUR').waitFor({ state: 'detached' });
      expect(
        ((await a.get(`/customers/${c.id}/balance-alerts`)).body.items as { threshold: string }[]).map(
          (x) => x.threshold,
        ),
      ).toEqual(['10.00']);
    });
  });
});
