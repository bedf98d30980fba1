import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startArrearsSystem, type ArrearsSystem } from '../support/arrears-system';
import { buildCamt } from '../support/camt-builder';
import { CHROMIUM, describeInBrowser, DESKTOP } from '../support/console';

const COLLECTION = 'DE89370400440532013000';
const PASSWORD = 'correct horse battery staple';
jest.setTimeout(300_000);

/** every member route, read from the one list the console routes and navigates by */
const MEMBER_ROUTES = [
  ...readFileSync(
    path.join(__dirname, '..', '..', 'apps', 'console', 'src', 'app', 'member-screens.tsx'),
    'utf8',
  ).matchAll(/path: '([^']+)'/g),
].map((m) => m[1].replace(/\/\*$/, ''));

/**
 * Issue 17: "a member never sees another customer's data". Two customers with bills, a
 * remittance, resources, contacts and a balance alert; a member of A visits every member route
 * (and A's statement, its account page, and B's customer page by URL) in Chromium, then asks
 * with the browser's own session for every GET the member console makes with B's ids. Every
 * answer is 403 or 404, and none of B's names, references or amounts appears on any page.
 */
describeInBrowser("member isolation: a member never sees another customer's data", () => {
  let a: ArrearsSystem;
  let browser: Browser;
  let context: BrowserContext;
  let baseURL: string;

  beforeAll(async () => {
    a = await startArrearsSystem();
    baseURL = `http://127.0.0.1:${(a.sys.api.getHttpServer().address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await a?.close();
  });

  /** a customer with a bill, a remittance to its exclusive account, a resource, a contact and a balance alert */
  async function customerWithData(name: string, amounts: { bill: string; remittance: string; alert: string }) {
    const c = await a.sys.customer({ name, currency: 'EUR', autoBillSettlement: false });
    const bill = await a.sys.bill(c.id, '2026-10', amounts.bill);
    const resource = await a.post(`/customers/${c.id}/resources`, {
      externalId: `${name.split(' ')[0].toLowerCase()}-${a.key()}`,
      name: `${name.split(' ')[0]} Kafka cluster`,
      billingMode: 'monthly',
      expiresAt: new Date(Date.now() + 20 * 24 * 3600_000).toISOString(),
      renewalPrice: '30.00',
    });
    expect(resource.status).toBe(201);
    const contact = await a.post(`/customers/${c.id}/contacts`, {
      name: `${name.split(' ')[0]} Finance Contact`,
      role: 'financial_collaborator',
      email: `finance@${name.split(' ')[0].toLowerCase()}.example`,
    });
    expect(contact.status).toBe(201);
    expect((await a.post(`/customers/${c.id}/balance-alerts`, { threshold: amounts.alert })).status).toBe(201);
    return { ...c, billId: bill.id, resourceId: resource.body.id as string, contactName: contact.body.name as string };
  }

  test('every member screen and every GET the member console makes, with the other customer’s ids: 403 or 404, and none of its data on screen', async () => {
    const alpha = await customerWithData('Alpha Isolation Ltd', {
      bill: '1200.00',
      remittance: '300.00',
      alert: '15.00',
    });
    const bravo = await customerWithData('Bravo Secret Holdings', {
      bill: '98765.43',
      remittance: '4567.89',
      alert: '4321.00',
    });
    a.sys.drop(
      'isolation.xml',
      buildCamt({
        statementId: 'ISOLATION-1',
        account: COLLECTION,
        entries: [
          { ref: 'ISO-ALPHA', amount: '300.00', creditedAccount: alpha.virtualAccount, remitterName: 'ALPHA PAYER' },
          { ref: 'ISO-BRAVO', amount: '4567.89', creditedAccount: bravo.virtualAccount, remitterName: 'BRAVO PAYER' },
        ],
      }),
    );
    await a.sys.tick();
    const remittances = (await a.get(`/remittances?state=credited&limit=50`)).body.items as {
      id: string;
      reference?: string;
    }[];
    const bravoRemittance = remittances.find((r) => JSON.stringify(r).includes('ISO-BRAVO'));
    expect(bravoRemittance).toBeDefined();

    // what must never reach A's member: B's names, references, account number and amounts, in any locale format
    const secrets = [
      'Bravo Secret Holdings',
      'Bravo Kafka cluster',
      bravo.contactName,
      'BRAVO PAYER',
      'ISO-BRAVO',
      bravo.reference,
      bravo.virtualAccount,
      '98765.43',
      '98,765.43',
      '4567.89',
      '4,567.89',
      '4321.00',
      '4,321.00',
    ];

    const email = 'alpha-member@isolation.test';
    const user = await a.sys
      .http()
      .post('/users')
      .set(a.sys.auth)
      .send({ email, name: 'Alpha Member', role: 'member', customerId: alpha.id, password: PASSWORD });
    expect(user.status).toBe(201);
    context = await browser.newContext({ baseURL, viewport: DESKTOP });
    expect((await context.request.post('/auth/sign-in', { data: { email, password: PASSWORD } })).status()).toBe(200);
    const page = await context.newPage();

    expect(MEMBER_ROUTES).toEqual(expect.arrayContaining(['/billing/resources', '/billing/messages']));
    for (const lang of ['en', 'zh']) {
      await page.evaluate(`window.localStorage.setItem('remitd.language', '${lang}')`).catch(() => undefined);
      for (const route of [...MEMBER_ROUTES, `/customers/${alpha.id}`, '/account', `/customers/${bravo.id}`]) {
        await page.goto(`/console${route}`);
        await page.waitForLoadState('networkidle');
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        const text = await page.locator('body').innerText();
        expect({ route, lang, leaked: secrets.filter((s) => text.includes(s)) }).toEqual({ route, lang, leaked: [] });
      }
    }
    // A's own data does show (the check above is not vacuous)
    await page.goto('/console/billing/resources');
    await page.getByText('Alpha Kafka cluster').waitFor();
    await page.goto('/console/billing/messages');
    await page.getByText(alpha.contactName).first().waitFor();

    // every GET the member console makes, with B's ids, through the browser's own session
    const forbidden = [
      `/customers/${bravo.id}`,
      `/customers/${bravo.id}/virtual-accounts`,
      `/customers/${bravo.id}/balance-alerts`,
      `/customers/${bravo.id}/contacts`,
      `/customers/${bravo.id}/message-subscriptions`,
      `/customers/${bravo.id}/payg`,
      `/customers/${bravo.id}/payment-methods`,
      `/customers/${bravo.id}/gateway-payments`,
      `/customers/${bravo.id}/remitter-accounts`,
      `/customers/${bravo.id}/statement`,
      `/bills?customerId=${bravo.id}`,
      `/bills/${bravo.billId}`,
      `/bills/${bravo.billId}/why-unsettled`,
      `/repayments?customerId=${bravo.id}`,
      `/remittances/${bravoRemittance!.id}`,
      `/remittances/${bravoRemittance!.id}/comments`,
      `/resources/${bravo.resourceId}`,
      `/resources?customerId=${bravo.id}`,
      `/audit-log?entityId=${bravo.id}`,
    ];
    const answers: Record<string, number> = {};
    for (const url of forbidden) {
      const res = await context.request.get(url);
      const body = await res.text();
      answers[url] = secrets.some((s) => body.includes(s)) ? -res.status() : res.status();
    }
    const refused = Object.fromEntries(Object.entries(answers).filter(([, s]) => s === 403 || s === 404));
    expect(answers).toEqual(refused);
  });
});
