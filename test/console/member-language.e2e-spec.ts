import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, describeInBrowser, DESKTOP, expectAccessible, PHONE, screenshot } from '../support/console';
import { startSystem, type TestSystem } from '../support/system';

const PASSWORD = 'correct horse battery staple';
jest.setTimeout(180_000);

/**
 * Issue 17 in Chromium, as a member: the language switcher in the header turns the console
 * Chinese and back, the choice survives a reload, it is saved as the customer's locale (so a
 * fresh browser starts in it), <html lang> follows, and axe finds nothing serious in either language.
 */
describeInBrowser("a member's console language", () => {
  let sys: TestSystem;
  let browser: Browser;
  let baseURL: string;
  let customer: { id: string; name: string };
  let member: { email: string };
  const contexts: BrowserContext[] = [];

  async function open(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
    // a browser whose own language is English: only the switcher or the customer's locale make it Chinese
    const context = await browser.newContext({ baseURL, viewport, locale: 'en-US' });
    contexts.push(context);
    const res = await context.request.post('/auth/sign-in', { data: { email: member.email, password: PASSWORD } });
    expect(res.status()).toBe(200);
    return { context, page: await context.newPage() };
  }
  const switcher = (page: Page, name: 'Language' | '语言') => page.getByRole('combobox', { name });
  const customerLocale = async () =>
    (await sys.http().get(`/customers/${customer.id}`).set(sys.auth).expect(200)).body.locale as string;
  /** choose a language with the switcher and wait for the customer's locale to be saved */
  const choose = (page: Page, name: 'Language' | '语言', lang: 'en' | 'zh') =>
    Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/customers/${customer.id}/locale`) && r.status() === 200),
      switcher(page, name).selectOption(lang),
    ]);
  const htmlLang = (page: Page) => page.evaluate<string>('document.documentElement.lang');

  async function expectEnglish(page: Page) {
    await page.getByRole('tab', { name: 'Overview' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Balances', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Account statement' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
  }
  async function expectChinese(page: Page) {
    await page.getByRole('tab', { name: '概览' }).waitFor();
    await page.getByRole('heading', { level: 3, name: '余额', exact: true }).waitFor();
    await page.getByRole('link', { name: '账户流水' }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    // amounts keep their digits and currency
    expect(await page.getByTestId('cash-balance').innerText()).toBe('250.00 EUR');
  }

  beforeAll(async () => {
    sys = await startSystem();
    baseURL = `http://127.0.0.1:${(sys.api.getHttpServer().address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    customer = await sys.customer({ name: 'Language Customer Ltd' });
    await sys
      .http()
      .post(`/customers/${customer.id}/top-ups`)
      .set(sys.auth)
      .set('Idempotency-Key', 'language-top-up')
      .send({ amount: '250.00', reference: 'LANG-TOPUP' })
      .expect(201);
    // a bill issued after the top-up stays open: the Bills tab has a row
    await sys.bill(customer.id, '2026-10', '100.00');
    const res = await sys.http().post('/users').set(sys.auth).send({
      email: 'member@language.test',
      name: 'Language Member',
      role: 'member',
      customerId: customer.id,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    member = { email: 'member@language.test' };
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await sys.close();
  });

  it('the switcher turns the console Chinese and back, survives a reload, and the saved locale starts a fresh browser in it', async () => {
    const { page } = await open();
    await page.goto(`/console/customers/${customer.id}`);
    await page.getByRole('heading', { level: 2, name: customer.name }).waitFor();
    await expectEnglish(page);
    expect(await switcher(page, 'Language').inputValue()).toBe('en');
    await expectAccessible(page, 'member shell en');
    await screenshot(page, 'member-shell-en');

    await choose(page, 'Language', 'zh');
    await expectChinese(page);
    expect(await switcher(page, '语言').inputValue()).toBe('zh');
    expect(await customerLocale()).toBe('zh');
    await expectAccessible(page, 'member shell zh');
    await screenshot(page, 'member-shell-zh');

    await page.reload();
    await expectChinese(page);

    // a fresh browser (nothing remembered in it) starts in the customer's saved language, on a phone too
    const fresh = await open(PHONE);
    await fresh.page.goto(`/console/customers/${customer.id}`);
    await expectChinese(fresh.page);
    await expectAccessible(fresh.page, 'member shell zh phone');
    // the Customer 360 tabs and the account page a member sees are Chinese too
    await fresh.page.getByRole('tab', { name: '账单' }).click();
    await fresh.page.getByRole('columnheader', { name: '到期日' }).waitFor();
    await fresh.page.getByRole('tab', { name: '付款' }).click();
    await fresh.page.getByRole('heading', { level: 3, name: '付款方式', exact: true }).waitFor();
    await expectAccessible(fresh.page, 'member payments zh phone');
    await fresh.page.goto('/console/account');
    await fresh.page.getByRole('heading', { level: 2, name: '我的账号' }).waitFor();
    await fresh.page.getByRole('heading', { level: 3, name: '双重身份验证' }).waitFor();
    await expectAccessible(fresh.page, 'member account zh phone');

    // and back to English: the console, the customer's locale, and after a reload
    await choose(page, '语言', 'en');
    await expectEnglish(page);
    expect(await customerLocale()).toBe('en');
    await page.reload();
    await expectEnglish(page);
    await expectAccessible(page, 'member shell en again');

    // the sign-in page of a browser that chose Chinese is Chinese
    const signedOut = await browser.newContext({ baseURL, locale: 'en-US' });
    contexts.push(signedOut);
    await signedOut.addInitScript(`window.localStorage.setItem('remitd.language', 'zh')`);
    const signIn = await signedOut.newPage();
    await signIn.goto('/console/');
    await signIn.getByRole('heading', { name: '登录 remitd' }).waitFor();
    await signIn.getByLabel('电子邮箱').waitFor();
    expect(await htmlLang(signIn)).toBe('zh-CN');
    await expectAccessible(signIn, 'sign-in zh');
  });
});
