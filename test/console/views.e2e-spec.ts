import { randomUUID } from 'node:crypto';
import { IssueBillsUseCase } from '@remitd/billing';
import { generateSync } from 'otplib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildCamt } from '../support/camt-builder';
import { CHROMIUM, describeInBrowser, DESKTOP, expectAccessible, PHONE, screenshot } from '../support/console';
import { startSystem, type TestSystem } from '../support/system';

const COLLECTION = 'DE89370400440532013000';
const UNKNOWN_ACCOUNT = 'GB33BUKB20201555555555';
const PASSWORD = 'correct horse battery staple';
// each test walks several pages at two widths with axe-core on each: slower than an API test on a busy machine
jest.setTimeout(180_000);

/**
 * Issue 13, the console's read side in Chromium against the whole system (admin API serving the
 * console, the reconciler's use cases driven step by step): the dashboard over remittances that went
 * through ingestion and matching, Customer 360 with its bills and statement, the bank page, a member
 * kept to its own customer, and two-factor enrolment through the account page.
 */
describeInBrowser('the console views in Chromium: dashboard, Customer 360, bank, members, two-factor, users', () => {
  let sys: TestSystem;
  let browser: Browser;
  let baseURL: string;
  let customer: { id: string; name: string; virtualAccount: string };
  const contexts: BrowserContext[] = [];
  let n = 0;

  const post = (url: string, body: object) =>
    sys.http().post(url).set(sys.auth).set('Idempotency-Key', `views-${++n}`).send(body);

  async function createUser(role: string, customerId?: string) {
    const email = `${role.replace('_', '-')}-${++n}@views.test`;
    const res = await sys
      .http()
      .post('/users')
      .set(sys.auth)
      .send({ email, name: `${role.replace('_', ' ')} ${n}`, role, customerId, password: PASSWORD });
    if (res.status !== 201) throw new Error(`POST /users answered ${res.status}: ${res.text}`);
    return { id: res.body.id as string, email };
  }

  /** a fresh browser context signed in as the user (the cookie from POST /auth/sign-in), or signed out */
  async function open(email: string | null, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL, viewport });
    contexts.push(context);
    if (email) {
      const res = await context.request.post('/auth/sign-in', { data: { email, password: PASSWORD } });
      expect(res.status()).toBe(200);
    }
    return { context, page: await context.newPage() };
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name }).waitFor();

  beforeAll(async () => {
    sys = await startSystem();
    baseURL = `http://127.0.0.1:${(sys.api.getHttpServer().address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });

    // a customer without automatic bill settlement
    customer = await sys.customer({ name: 'Views Customer Ltd', autoBillSettlement: false });
    // a transfer to its exclusive account (matched and credited by itself), one nobody can match, and a
    // statement of an account that is not ours (a continuity alert)
    sys.drop(
      'views.xml',
      buildCamt({
        statementId: 'VIEWS-1',
        account: COLLECTION,
        entries: [
          { ref: 'VIEWS-AUTO', amount: '500.00', creditedAccount: customer.virtualAccount },
          { ref: 'VIEWS-OPEN', amount: '75.00', remitterName: 'SOMEONE UNKNOWN' },
        ],
      }),
    );
    sys.drop(
      'elsewhere.xml',
      buildCamt({ statementId: 'ELSE-1', account: UNKNOWN_ACCOUNT, entries: [{ ref: 'EL-1', amount: '5.00' }] }),
    );
    await sys.tick();
    // then two bills; no automatic settlement, so both wait
    for (const [cycle, amount] of [
      ['2026-09', '300.00'],
      ['2026-10', '400.00'],
    ]) {
      expect(
        (
          await post(`/customers/${customer.id}/charges`, {
            billingCycle: cycle,
            product: 'Compute',
            usage: '720 h',
            amount,
          })
        ).status,
      ).toBe(201);
      await sys.api.get(IssueBillsUseCase).execute(cycle, { force: true });
    }
    // the older bill paid from the balance: the statement shows the receipt, then the payment
    const september = (
      await sys.http().get('/bills').query({ customerId: customer.id, billingCycle: '2026-09' }).set(sys.auth)
    ).body.items[0];
    expect((await post(`/bills/${september.id}/payments`, { fromBalance: '300.00' })).body).toMatchObject({
      billStatus: 'settled',
    });
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await sys?.close();
  });

  it('the dashboard shows what came in today, the queue with its count, the plots with their text alternatives', async () => {
    const admin = await createUser('admin');
    const api = (await sys.http().get('/dashboard').query({ days: 30 }).set(sys.auth)).body;
    const eur = api.inflowToday.find((i: { currency: string }) => i.currency === 'EUR');
    expect(eur).toMatchObject({ amount: '575.00', count: 2 });
    for (const [viewport, width] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page } = await open(admin.email, viewport);
      await page.goto('/console/');
      await heading(page, 'Dashboard');
      await expect(page.getByTestId('inflow-EUR').innerText()).resolves.toContain('575.00 EUR');
      await expect(page.getByTestId('inflow-EUR').innerText()).resolves.toContain('2 transfers');
      const queueLink = page.getByTestId('queue-link');
      await expect(queueLink.innerText()).resolves.toBe(`${api.queue.at(-1).open} open`);
      expect(api.queue.at(-1).open).toBeGreaterThanOrEqual(1);
      // each plot has a caption and the figures as a table for screen readers
      const table = page.getByRole('table', { name: 'Automatic matching rate, last 30 days' });
      expect(await table.getByRole('row').count()).toBe(31);
      await page.getByRole('table', { name: 'Unmatched queue, last 30 days' }).waitFor({ state: 'attached' });
      await page.getByTestId('matching-chart').locator('svg.recharts-surface').first().waitFor();
      await expectAccessible(page, `dashboard ${width}`);
      if (width === 'desktop') {
        await screenshot(page, 'dashboard');
        await queueLink.click();
        await page.waitForURL('**/console/queue');
      }
    }
  });

  it('Customer 360 shows the balances, the bills with why one is unsettled, and the statement with its running balance', async () => {
    const admin = await createUser('super_admin');
    const view = (await sys.http().get(`/customers/${customer.id}`).set(sys.auth)).body;
    const statement = (await sys.http().get(`/customers/${customer.id}/statement`).set(sys.auth)).body;
    const bills = (await sys.http().get('/bills').query({ customerId: customer.id }).set(sys.auth)).body.items;
    expect(bills.map((b: { status: string }) => b.status).sort()).toEqual(['overdue', 'settled']);
    const waiting = bills.find((b: { status: string }) => b.status !== 'settled');
    expect(waiting).toMatchObject({ amount: '400.00', paid: '0.00', outstanding: '400.00' });

    for (const [viewport, width] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page } = await open(admin.email, viewport);
      await page.goto('/console/customers');
      await heading(page, 'Customers');
      await page.getByLabel('Search').fill('Views Customer');
      await page.getByRole('link', { name: 'Views Customer Ltd' }).click();
      await heading(page, 'Views Customer Ltd');
      expect(page.url()).toBe(`${baseURL}/console/customers/${customer.id}`);
      // the balances exactly as the API gives them
      await expect(page.getByTestId('cash-balance').innerText()).resolves.toBe(`${view.cashBalance} EUR`);
      await expect(page.getByTestId('available-credit').innerText()).resolves.toBe(`${view.availableCredit} EUR`);
      await expectAccessible(page, `customer 360 overview ${width}`);

      await page.getByRole('tab', { name: 'Bills' }).click();
      const row = page.getByTestId(`bill-${waiting.reference}`);
      await expect(row.innerText()).resolves.toMatch(/400\.00 EUR[\s\S]*0\.00 EUR[\s\S]*400\.00 EUR[\s\S]*overdue/i);
      await row.getByRole('button', { name: `Why is ${waiting.reference} unsettled?` }).click();
      await page.getByTestId('why-unsettled').waitFor();
      const why = (await sys.http().get(`/bills/${waiting.id}/why-unsettled`).set(sys.auth)).body;
      await expect(page.getByTestId('why-unsettled').innerText()).resolves.toContain(why.reasons[0].message);
      expect(await page.getByRole('link', { name: `PDF of ${waiting.reference}` }).getAttribute('href')).toBe(
        `/bills/${waiting.id}/pdf`,
      );
      await expectAccessible(page, `customer 360 bills ${width}`);

      await page.getByRole('tab', { name: 'Statement' }).click();
      await page.getByTestId('statement').waitFor();
      const running = await page.getByTestId('running-balance').allInnerTexts();
      expect(running).toEqual(statement.movements.map((m: { runningBalance: string }) => `${m.runningBalance} EUR`));
      expect(running).toEqual(['500.00 EUR', '200.00 EUR']); // the receipt, then the bill paid from the balance
      await expect(page.getByTestId('closing-balance').innerText()).resolves.toBe(`${statement.closingBalance} EUR`);
      await expectAccessible(page, `customer 360 statement ${width}`);
      if (width === 'desktop') await screenshot(page, 'customer-360');

      await page.getByRole('tab', { name: 'Repayments' }).click();
      await page.getByRole('cell', { name: 'Balance', exact: true }).first().waitFor();
      await page.getByRole('tab', { name: 'Exclusive accounts' }).click();
      await page.getByRole('table', { name: /Exclusive \(virtual\) accounts/ }).waitFor();
      await page.getByRole('tab', { name: 'Audit trail' }).click();
      await page.getByRole('cell', { name: 'customer.create' }).first().waitFor();
      await expectAccessible(page, `customer 360 audit ${width}`);
    }
  });

  it('Customer 360 payments: how the customer pays, its card (token only) and a pending deduction not to pay twice', async () => {
    const admin = await createUser('super_admin');
    const payg = await sys.customer({ name: 'Views Payg Ltd', creditControl: false });
    const methodId = randomUUID();
    await sys.prisma.paymentMethod.create({
      data: {
        id: methodId,
        customerId: payg.id,
        kind: 'card',
        gatewayToken: 'tok_views_card',
        brand: 'visa',
        last4: '4242',
        expiry: '12/29',
        isDefault: true,
      },
    });
    await sys.prisma.gatewayPayment.create({
      data: {
        id: randomUUID(),
        customerId: payg.id,
        paymentMethodId: methodId,
        channel: 'card',
        purpose: 'payg_month_end',
        amount: '42.00',
        currency: 'EUR',
        status: 'pending',
        idempotencyKey: `views-${randomUUID()}`,
        createdBy: 'test',
      },
    });
    const { page } = await open(admin.email, DESKTOP);
    await page.goto(`/console/customers/${payg.id}?tab=payments`);
    await heading(page, 'Views Payg Ltd');
    await expect(page.getByTestId('how-it-pays').innerText()).resolves.toMatch(/Pay-as-you-go/);
    await page.getByRole('cell', { name: '•••• 4242' }).waitFor();
    await page.getByText('result not known yet: do not pay again').waitFor();
    await expectAccessible(page, 'customer 360 payments');

    const credit = await sys.customer({ name: 'Views Credit Ltd', creditControl: true });
    await page.goto(`/console/customers/${credit.id}?tab=payments`);
    await heading(page, 'Views Credit Ltd');
    await expect(page.getByTestId('how-it-pays').innerText()).resolves.toMatch(
      /On credit control: .*monthly, \d+ (calendar|business) days/,
    );
  });

  it('the bank page shows the files, the ledger check and acknowledges a continuity alert', async () => {
    const finance = await createUser('finance');
    for (const [viewport, width] of [
      [PHONE, 'phone'],
      [DESKTOP, 'desktop'],
    ] as const) {
      const { page } = await open(finance.email, viewport);
      await page.goto('/console/bank');
      await heading(page, 'Bank');
      await expect(page.getByTestId('ledger-status').innerText()).resolves.toContain('Balanced');
      await page.getByRole('cell', { name: 'elsewhere.xml' }).waitFor();
      await page.getByRole('cell', { name: UNKNOWN_ACCOUNT }).first().waitFor();
      await expectAccessible(page, `bank ${width}`);
      if (width === 'desktop') {
        await screenshot(page, 'bank');
        const open = await sys.http().get('/statement-alerts').set(sys.auth);
        expect(open.body.items.length).toBeGreaterThanOrEqual(1);
        const alert = page.getByTestId('statement-alert').filter({ hasText: UNKNOWN_ACCOUNT });
        await alert.getByRole('button', { name: 'Acknowledge' }).click();
        await page.getByText('Alert acknowledged').waitFor();
        await alert.waitFor({ state: 'detached' });
        const after = await sys.http().get('/statement-alerts').query({ show: 'all' }).set(sys.auth);
        const acked = after.body.items.find((a: { accountKey: string }) => a.accountKey === UNKNOWN_ACCOUNT);
        expect(acked.acknowledgedBy).toBe(`user:${finance.id}`);
      }
    }
  });

  it('a member lands on its own billing console from a staff page, its customer without staff tabs, and the staff APIs answer 403', async () => {
    const member = await createUser('member', customer.id);
    for (const [viewport, width] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { context, page } = await open(member.email, viewport);
      await page.goto('/console/queue');
      await heading(page, 'Bill overview');
      expect(page.url()).toBe(`${baseURL}/console/billing/bills`);
      await page.goto(`/console/customers/${customer.id}`);
      await heading(page, 'Views Customer Ltd');
      expect(page.url()).toBe(`${baseURL}/console/customers/${customer.id}`);
      expect(await page.getByRole('tab').allInnerTexts()).not.toContain('Audit trail');
      await page.getByRole('tab', { name: 'Bills' }).click();
      await page
        .getByRole('button', { name: /^Why is / })
        .first()
        .waitFor();
      await expectAccessible(page, `member customer 360 ${width}`);
      for (const path of ['/remittances', '/dashboard', '/statement-files', '/ledger/verify', '/users', '/audit-log']) {
        expect({ path, status: (await context.request.get(path)).status() }).toEqual({ path, status: 403 });
      }
      const other = await sys.customer({ name: `Someone Else ${width}` });
      expect((await context.request.get(`/customers/${other.id}`)).status()).toBe(403);
    }
  });

  it('two-factor enrolment through the account page, then signing in asks for the code', async () => {
    const manager = await createUser('account_manager');
    const { page } = await open(manager.email, PHONE);
    await page.goto('/console/account');
    await heading(page, 'My account');
    await expectAccessible(page, 'account phone');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    await expect(page.getByTestId('totp-uri').innerText()).resolves.toContain(`secret=${secret}`);
    await page.getByLabel('Code from the app').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('totp-status').filter({ hasText: /^On:/ }).waitFor();
    await expectAccessible(page, 'account after enrolment phone');

    const signedOut = await open(null, DESKTOP);
    await signedOut.page.goto('/console/');
    await signedOut.page.getByLabel('E-mail').fill(manager.email);
    await signedOut.page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await signedOut.page.getByRole('button', { name: 'Sign in' }).click();
    const code = signedOut.page.getByLabel('Authentication code');
    await code.waitFor();
    await expectAccessible(signedOut.page, 'sign-in asking for the code');
    await screenshot(signedOut.page, 'sign-in-totp');
    // the code that confirmed enrolment is spent (a code works once): the next time step's
    await code.fill(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await signedOut.page.getByRole('button', { name: 'Sign in' }).click();
    await heading(signedOut.page, 'Dashboard');
  });

  it('administrators add a user, unlock a locked one and hand out a one-time sign-in link from the account page', async () => {
    const superAdmin = await createUser('super_admin');
    const locked = await createUser('account_manager');
    for (let i = 0; i < 5; i++)
      await sys.http().post('/auth/sign-in').send({ email: locked.email, password: 'not the password at all' });
    const { page } = await open(superAdmin.email, DESKTOP);
    await page.goto('/console/account');
    await heading(page, 'My account');
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await expectAccessible(page, 'account with users desktop');

    await page.getByRole('textbox', { name: 'E-mail' }).fill('new-finance@views.test');
    await page.getByRole('textbox', { name: 'Name' }).fill('Nina Finance');
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Finance' }).click();
    await page.getByRole('button', { name: 'Add user' }).click();
    const row = page.getByTestId('user-row').filter({ hasText: 'new-finance@views.test' });
    await expect(row.innerText()).resolves.toMatch(/Nina Finance[\s\S]*Finance[\s\S]*no password yet/);

    const lockedRow = page.getByTestId('user-row').filter({ hasText: locked.email });
    await expect(lockedRow.innerText()).resolves.toMatch(/locked until/i);
    await lockedRow.getByRole('button', { name: `Unlock ${locked.email}` }).click();
    await lockedRow.getByText('active', { exact: true }).waitFor();
    expect((await sys.http().post('/auth/sign-in').send({ email: locked.email, password: PASSWORD })).status).toBe(200);

    await row.getByRole('button', { name: 'Sign-in link for new-finance@views.test' }).click();
    const url = (await page.getByTestId('sign-in-link').innerText()).trim();
    expect(url).toMatch(/\/auth\/link\/[A-Za-z0-9_-]+$/);
    const invited = await open(null, PHONE);
    await invited.page.goto(url.replace(/^https?:\/\/[^/]+/, baseURL));
    await heading(invited.page, 'Dashboard');
    await expect(invited.page.getByRole('button', { name: 'Toggle navigation' }).isVisible()).resolves.toBe(true);
  });
});
