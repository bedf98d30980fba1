import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildBai2 } from '../support/bai2-builder';
import { CHROMIUM, describeInBrowser, DESKTOP, expectAccessible, PHONE, screenshot } from '../support/console';
import { startSystem, type TestSystem } from '../support/system';

const PASSWORD = 'correct horse battery staple';
const US_ACCOUNT = '5550001111';
jest.setTimeout(180_000);

/**
 * Issue 18: the bank page carries a line per banking day of the proof of cash: a BAI2 file of
 * today with one wire credited to a virtual account and one nobody can match does not tie, and
 * the unmatched wire is named as the difference.
 */
describeInBrowser('the console bank page shows the proof of cash per banking day', () => {
  let sys: TestSystem;
  let browser: Browser;
  let baseURL: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem();
    baseURL = `http://127.0.0.1:${(sys.api.getHttpServer().address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    const ca = await sys
      .http()
      .post('/collection-accounts')
      .set(sys.auth)
      .send({
        name: 'US proof collection',
        accountNumber: US_ACCOUNT,
        routingNumber: '021000021',
        currencies: ['USD'],
      });
    expect(ca.status).toBe(201);
    const c = await sys
      .http()
      .post('/customers')
      .set(sys.auth)
      .set('Idempotency-Key', 'poc-customer')
      .send({ name: 'Proof Payer Inc', email: 'proof@payer.example', currency: 'USD' });
    expect(c.status).toBe(201);
    const va = await sys
      .http()
      .post(`/customers/${c.body.id}/virtual-accounts`)
      .set(sys.auth)
      .set('Idempotency-Key', 'poc-va')
      .send({ currency: 'USD', collectionAccountId: ca.body.id });
    expect(va.status).toBe(201);
    // today in the browser's calendar (UTC), as the bank page asks for the last days up to today
    const today = new Date().toISOString().slice(0, 10);
    sys.drop(
      'proof.bai',
      buildBai2({
        account: US_ACCOUNT,
        asOfDate: today.slice(2).replace(/-/g, ''),
        opening: '0.00',
        details: [
          {
            typeCode: '195',
            amount: '400.00',
            bankReference: 'POC-CREDITED',
            continuations: ['DBNM: PROOF PAYER INC', `CACT: ${va.body.number}`],
          },
          { typeCode: '195', amount: '25.00', bankReference: 'POC-UNMATCHED', text: 'WIRE ORG: NOBODY KNOWN' },
        ],
      }),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ credited: 1, unmatched: 1 });
    const user = await sys
      .http()
      .post('/users')
      .set(sys.auth)
      .send({ email: 'finance@proof.test', name: 'Finance Proof', role: 'finance', password: PASSWORD });
    expect(user.status).toBe(201);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await sys?.close();
  });

  it('a day that does not tie names the unmatched wire; accessible at both widths', async () => {
    for (const [viewport, width] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const context = await browser.newContext({ baseURL, viewport });
      contexts.push(context);
      const res = await context.request.post('/auth/sign-in', {
        data: { email: 'finance@proof.test', password: PASSWORD },
      });
      expect(res.status()).toBe(200);
      const page = await context.newPage();
      await page.goto('/console/bank');
      await page.getByRole('heading', { level: 3, name: 'Proof of cash' }).waitFor();
      const row = page.getByTestId('proof-of-cash-day').filter({ hasText: 'Does not tie' });
      await row.waitFor();
      const text = await row.innerText();
      expect(text).toContain('425.00');
      expect(text).toContain('400.00');
      expect(text).toContain('POC-UNMATCHED');
      await expectAccessible(page, `bank proof of cash ${width}`);
      if (width === 'desktop') await screenshot(page, 'bank-proof-of-cash');
    }
  });
});
