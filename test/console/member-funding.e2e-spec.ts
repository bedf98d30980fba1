import { readFileSync } from 'node:fs';
import { LedgerVerifier } from '@remitd/ledger';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildCamt } from '../support/camt-builder';
import { CHROMIUM, describeInBrowser, DESKTOP, expectAccessible, screenshot } from '../support/console';
import { startGatewaySimulator, type RunningGateway } from '../support/gateway-simulator';
import { pdfUnicodeText } from '../support/pdf-text';
import { startSystem, type TestSystem } from '../support/system';

const COLLECTION = 'DE89370400440532013000';
const PASSWORD = 'correct horse battery staple';
// each test walks three screens in Chromium with axe-core on each
jest.setTimeout(240_000);

type Lang = 'en' | 'zh';
const WORDS = {
  en: {
    funding: 'Funding account',
    deposit: 'Deposit',
    transfers: 'Transfers',
    auto: 'Automatic bill settlement',
    saved: 'Account settings saved',
    link: 'Link a payment method',
    token: 'Token from the payment page',
    linkSubmit: 'Link',
    makeDefault: (last4: string) => `Set Visa card ending ${last4} as default`,
    remove: (last4: string) => `Remove Visa card ending ${last4}`,
    confirmRemove: 'Remove it',
    copyNumber: 'Copy IBAN',
    copied: 'Copied',
    download: 'Download the payment instructions (PDF)',
    pdfTitle: 'Payment instructions',
    to: 'To account',
    amount: 'Amount (EUR)',
    transfer: 'Transfer',
    scale: 'Use at most 2 decimal places',
    done: (amount: string) => `Transferred ${amount} EUR`,
  },
  zh: {
    funding: '资金账户',
    deposit: '充值',
    transfers: '转账',
    auto: '自动结算账单',
    saved: '账户设置已保存',
    link: '绑定支付方式',
    token: '支付页面提供的令牌',
    linkSubmit: '绑定',
    makeDefault: (last4: string) => `将尾号 ${last4} 的 Visa 卡设为默认`,
    remove: (last4: string) => `移除尾号 ${last4} 的 Visa 卡`,
    confirmRemove: '确认移除',
    copyNumber: '复制IBAN',
    copied: '已复制',
    download: '下载付款说明（PDF）',
    pdfTitle: '付款说明',
    to: '转入账号',
    amount: '金额（EUR）',
    transfer: '转账',
    scale: '最多保留 2 位小数',
    done: (amount: string) => `转账 ${amount} EUR`,
  },
};

/**
 * Issue 17, the member's money screens in Chromium against the whole system: Funding account
 * (balances, settings, payment methods linked through the gateway simulator), Deposit (the
 * exclusive account, copy buttons, the payment instruction PDF) and Transfers (to a managed member
 * account, the ledger verified), each in English and Chinese, kept to the member's own customer.
 */
describeInBrowser('member console: Funding account, Deposit and Transfers', () => {
  let sys: TestSystem;
  let gateway: RunningGateway;
  let browser: Browser;
  let baseURL: string;
  let main: { id: string; reference: string; virtualAccount: string };
  let managed: { id: string; name: string };
  let stranger: { id: string };
  const contexts: BrowserContext[] = [];
  let n = 0;

  const post = (url: string, body: object) =>
    sys.http().post(url).set(sys.auth).set('Idempotency-Key', `member-funding-${++n}`).send(body);
  const customer = async (id: string) => (await sys.http().get(`/customers/${id}`).set(sys.auth)).body;

  async function member(customerId: string) {
    const email = `member-${++n}@funding.test`;
    const res = await sys
      .http()
      .post('/users')
      .set(sys.auth)
      .send({ email, name: `Member ${n}`, role: 'member', customerId, password: PASSWORD });
    if (res.status !== 201) throw new Error(`POST /users answered ${res.status}: ${res.text}`);
    return email;
  }

  /** a fresh browser context signed in as the member, in the console language `lang` */
  async function open(email: string, lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      baseURL,
      viewport: DESKTOP,
      acceptDownloads: true,
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await context.addInitScript(`window.localStorage.setItem('remitd.language', '${lang}')`);
    const res = await context.request.post('/auth/sign-in', { data: { email, password: PASSWORD } });
    expect(res.status()).toBe(200);
    return { context, page: await context.newPage() };
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name }).waitFor();

  beforeAll(async () => {
    gateway = await startGatewaySimulator();
    sys = await startSystem({ env: { REMITD_GATEWAY_URL: gateway.url } });
    baseURL = `http://127.0.0.1:${(sys.api.getHttpServer().address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });

    // the main account: on credit control with a limit and a frozen amount, 500.00 remitted to its exclusive account
    main = await sys.customer({
      name: 'Main Account Holdings Ltd',
      creditControl: true,
      creditLimit: '1000.00',
      frozenAmount: '150.00',
    });
    managed = await sys.customer({ name: 'Managed Member Sdn. Bhd.' });
    stranger = await sys.customer({ name: 'Stranger Ltd' });
    sys.drop(
      'funding.xml',
      buildCamt({
        statementId: 'FUNDING-1',
        account: COLLECTION,
        entries: [{ ref: 'FUNDING-1', amount: '500.00', creditedAccount: main.virtualAccount }],
      }),
    );
    await sys.tick();
    expect((await customer(main.id)).cashBalance).toBe('500.00');
    expect(
      (await post('/financial-relationships', { mainCustomerId: main.id, memberCustomerId: managed.id })).status,
    ).toBe(201);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await sys?.close();
    await gateway?.stop();
  });

  it.each(['en', 'zh'] as const)(
    'Funding account (%s): balances with available = cash + limit − frozen, automatic settlement persists, a card linked through the gateway, made default and removed',
    async (lang) => {
      const w = WORDS[lang];
      const { page } = await open(await member(main.id), lang);
      await page.goto('/console/billing/funding');
      await heading(page, w.funding);
      const figure = (key: string) => page.getByTestId(`balance-${key}`).innerText();
      await expect(figure('cash')).resolves.toContain('500.00 EUR');
      await expect(figure('limit')).resolves.toContain('1,000.00 EUR');
      await expect(figure('frozen')).resolves.toContain('150.00 EUR');
      // 500.00 + 1000.00 − 150.00, and exactly what the API says
      await expect(figure('available')).resolves.toContain('1,350.00 EUR');
      expect((await customer(main.id)).availableCredit).toBe('1350.00');

      // automatic bill settlement: off, persisted (a reload and the API agree), and on again
      const auto = page.getByRole('switch', { name: w.auto });
      await expect(auto.isChecked()).resolves.toBe(true);
      await auto.click({ force: true });
      await page.getByText(w.saved).first().waitFor();
      expect((await customer(main.id)).autoBillSettlement).toBe(false);
      await page.reload();
      await heading(page, w.funding);
      await expect(page.getByRole('switch', { name: w.auto }).isChecked()).resolves.toBe(false);
      await page.getByRole('switch', { name: w.auto }).click({ force: true });
      await page.getByText(w.saved).first().waitFor();
      await expect(page.getByRole('switch', { name: w.auto }).isChecked()).resolves.toBe(true);
      expect((await customer(main.id)).autoBillSettlement).toBe(true);
      const audit = await sys.prisma.auditLog.findMany({ where: { entityId: main.id, action: 'customer.update' } });
      expect(audit.length).toBeGreaterThanOrEqual(2);

      // two cards tokenized on the gateway's page, linked by their tokens; the first is the default
      const cards = [
        await gateway.token({ kind: 'card', number: '4242424242424242', expiry: '12/29' }),
        await gateway.token({ kind: 'card', number: '4000056655665556', expiry: '11/30' }),
      ];
      for (const card of cards) {
        await page.getByRole('button', { name: w.link }).click();
        const dialog = page.getByRole('dialog', { name: w.link });
        await dialog.getByLabel(w.token).fill(card.token);
        await dialog.getByRole('button', { name: w.linkSubmit, exact: true }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: w.remove(card.last4!) }).waitFor();
      }
      if (lang === 'en') await expectAccessible(page, `funding ${lang}`);
      // the second becomes the default, then the first is removed after confirming
      await page.getByRole('button', { name: w.makeDefault(cards[1].last4!) }).click();
      await page.getByRole('button', { name: w.makeDefault(cards[0].last4!) }).waitFor();
      await page.getByRole('button', { name: w.remove(cards[0].last4!) }).click();
      await page.getByRole('dialog').getByRole('button', { name: w.confirmRemove }).click();
      await page.getByRole('button', { name: w.remove(cards[0].last4!) }).waitFor({ state: 'detached' });
      const methods = (await sys.http().get(`/customers/${main.id}/payment-methods`).set(sys.auth)).body.items;
      expect(methods).toEqual([expect.objectContaining({ last4: cards[1].last4, isDefault: true })]);
      await expectAccessible(page, `funding ${lang}`);
      await screenshot(page, `member-funding-${lang}`);
      // clean up for the other language's run
      await sys.http().delete(`/customers/${main.id}/payment-methods/${methods[0].id}`).set(sys.auth);
    },
  );

  it.each(['en', 'zh'] as const)(
    'Deposit (%s): the exclusive account with copy buttons, the rules and the payment instruction PDF',
    async (lang) => {
      const w = WORDS[lang];
      const va = (await sys.http().get(`/customers/${main.id}/virtual-accounts`).set(sys.auth)).body.items[0];
      const { page } = await open(await member(main.id), lang);
      await page.goto('/console/billing/deposit');
      await heading(page, w.deposit);
      await page.getByText(va.display).waitFor();
      await page.getByText('COBADEFFXXX').waitFor();
      await page.getByText(main.reference).waitFor();
      await page.getByText(lang === 'en' ? /Only SWIFT and ACH wire transfers/ : /仅接受 SWIFT 和 ACH 电汇/).waitFor();
      await page.getByText(lang === 'en' ? /up to 4 business days/ : /最长需 4 个工作日/).waitFor();
      const copy = page.getByRole('button', { name: w.copyNumber });
      await copy.click();
      await expect(copy.innerText()).resolves.toBe(w.copied);
      await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(va.display);
      await expectAccessible(page, `deposit ${lang}`);
      await screenshot(page, `member-deposit-${lang}`);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: w.download }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`payment-instructions-${main.reference}-${lang}.pdf`);
      const text = pdfUnicodeText(readFileSync((await download.path())!))
        .join('\n')
        .replace(/\s+/g, ' ');
      expect(text).toContain(w.pdfTitle);
      expect(text).toContain('Main Account Holdings Ltd');
      expect(text).toContain(va.display);
    },
  );

  it.each(['en', 'zh'] as const)(
    'Transfers (%s): to the managed member account, both balances move and the ledger verifies',
    async (lang) => {
      const w = WORDS[lang];
      const before = { main: (await customer(main.id)).cashBalance, managed: (await customer(managed.id)).cashBalance };
      const amount = lang === 'en' ? '120.00' : '30.50';
      const { page } = await open(await member(main.id), lang);
      await page.goto('/console/billing/transfers');
      await heading(page, w.transfers);
      await page.getByTestId('relationship').getByText(managed.name, { exact: false }).waitFor();
      await page.getByRole('combobox', { name: w.to }).click();
      await page.getByRole('option', { name: new RegExp(managed.name.replace(/\./g, '\\.')) }).click();
      // more places than EUR has: refused on the page, nothing sent
      await page.getByRole('textbox', { name: w.amount }).fill('12.345');
      await page.getByRole('button', { name: w.transfer, exact: true }).click();
      await page.getByText(w.scale).waitFor();
      expect((await customer(main.id)).cashBalance).toBe(before.main);
      await page.getByRole('textbox', { name: w.amount }).fill(amount);
      await page.getByRole('button', { name: w.transfer, exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: w.done(amount) })
        .waitFor();
      const after = { main: (await customer(main.id)).cashBalance, managed: (await customer(managed.id)).cashBalance };
      const cents = (s: string) => BigInt(s.replace('.', ''));
      expect(cents(before.main) - cents(after.main)).toBe(cents(amount));
      expect(cents(after.managed) - cents(before.managed)).toBe(cents(amount));
      expect(await sys.api.get(LedgerVerifier).verify()).toMatchObject({ ok: true });
      await expectAccessible(page, `transfers ${lang}`);
      await screenshot(page, `member-transfers-${lang}`);
    },
  );

  it("another customer's ids answer 403; write off past bills off credit control is a 400 on writeOffPastBills; a member ends its own relationship", async () => {
    const { context, page } = await open(await member(main.id), 'en');
    const csrf = (await (await context.request.get('/auth/session')).json()).csrfToken as string;
    for (const path of [
      `/customers/${stranger.id}`,
      `/customers/${stranger.id}/virtual-accounts`,
      `/customers/${stranger.id}/payment-methods`,
      `/customers/${stranger.id}/financial-relationships`,
      `/customers/${stranger.id}/payment-instructions.pdf`,
    ])
      expect([path, (await context.request.get(path)).status()]).toEqual([path, 403]);
    const patch = (id: string, data: object) =>
      context.request.patch(`/customers/${id}/settings`, { data, headers: { 'X-CSRF-Token': csrf } });
    expect((await patch(stranger.id, { autoBillSettlement: false })).status()).toBe(403);
    // the managed account is not on credit control: "write off past bills" is refused, naming the field
    const managedKey = await sys.keyFor('member', managed.id);
    const refused = await sys
      .http()
      .patch(`/customers/${managed.id}/settings`)
      .set('Authorization', `Bearer ${managedKey}`)
      .send({ settlePastBillsWithRefunds: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('writeOffPastBills');
    // on credit control it is allowed
    expect((await patch(main.id, { settlePastBillsWithRefunds: true })).status()).toBe(200);
    expect((await customer(main.id)).settlePastBillsWithRefunds).toBe(true);
    // the managed side cannot end what its main account set up; the main account's member can
    const relationship = (await sys.http().get(`/customers/${main.id}/financial-relationships`).set(sys.auth)).body
      .items[0];
    expect(
      (
        await sys
          .http()
          .post(`/financial-relationships/${relationship.id}/end`)
          .set('Authorization', `Bearer ${managedKey}`)
          .set('Idempotency-Key', 'end-by-managed')
          .send({})
      ).status,
    ).toBe(403);
    await page.goto('/console/billing/transfers');
    await heading(page, 'Transfers');
    await page.getByRole('button', { name: `End the relationship with ${managed.name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End it' }).click();
    await page.getByTestId('relationship').getByText('Ended').waitFor();
    const ended = (await sys.http().get(`/customers/${main.id}/financial-relationships`).set(sys.auth)).body.items[0];
    expect(ended.endedAt).not.toBeNull();
    await page.getByText(/no active financial-management relationship/).waitFor();
  });
});
