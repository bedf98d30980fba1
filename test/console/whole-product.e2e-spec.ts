import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildCamt } from '../support/camt-builder';
import {
  CHROMIUM,
  describeInBrowser,
  expectAccessible,
  screenshot,
  startConsole,
  type ConsoleStack,
} from '../support/console';
import { freePort } from '../support/free-port';
import { startOidcProvider, type OidcProviderHandle } from '../support/oidc-provider';
import { freePorts, launchRemitd, removeDataDir, type LaunchedRemitd } from '../support/remitd-process';

/** the demo collection account `npm start` creates with REMITD_SEED_DEMO=1 */
const DEMO_IBAN = 'DE89370400440532013000';

describeInBrowser(
  'issue 13: the console on the whole product (npm start), from the first sign-in link to a worked item',
  () => {
    let dataDir: string;
    let remitd: LaunchedRemitd;
    let browser: Browser;

    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-console-product-'));
      remitd = launchRemitd(dataDir, await freePorts(), {
        env: { REMITD_POLL_INTERVAL_MS: '300', REMITD_INBOX_MIN_AGE_MS: '200' },
      });
      await remitd.healthy();
      browser = await chromium.launch({ executablePath: CHROMIUM });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await remitd?.stop();
      removeDataDir(dataDir);
    });

    test('the one-time link npm start prints signs the first super admin in; a transfer dropped in the inbox appears in the open queue without a reload and gets assigned', async () => {
      const link = /sign in to the console: (http:\/\/\S+\/auth\/link\/\S+) \(one-time/.exec(remitd.output())?.[1];
      expect(link).toBeDefined();
      const key = readFileSync(path.join(dataDir, 'bootstrap-admin-key'), 'utf8').trim();
      const auth = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
      const created = await fetch(remitd.adminUrl('/customers'), {
        method: 'POST',
        headers: { ...auth, 'Idempotency-Key': 'console-product-customer' },
        body: JSON.stringify({ name: 'Live Wire Customer Ltd', email: 'billing@livewire.example', currency: 'EUR' }),
      });
      expect(created.status).toBe(201);
      const customer = (await created.json()) as { id: string };

      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(link!);
      await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
      // the link is spent
      expect((await fetch(link!, { redirect: 'manual' })).status).toBe(401);

      await page.goto(remitd.adminUrl('/console/queue?undoMs=150'));
      await page.getByRole('heading', { name: 'Unmatched queue', level: 2 }).waitFor();
      writeFileSync(
        path.join(dataDir, 'inbox', 'live.xml'),
        buildCamt({
          statementId: 'LIVE-1',
          account: DEMO_IBAN,
          entries: [{ ref: 'LIVE-0001', amount: '321.00', remitterName: 'LIVE WIRE GMBH', ustrd: 'thanks' }],
        }),
      );
      // the reconciler picks the file up and the console hears of it over server-sent events
      const row = page.getByTestId('queue-row').filter({ hasText: 'LIVE WIRE GMBH' });
      await row.waitFor({ timeout: 45_000 });
      await expectAccessible(page, 'queue on the whole product');

      await page.getByRole('link', { name: 'LIVE WIRE GMBH' }).click();
      await page.getByRole('button', { name: 'Assign…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Assign to a customer' });
      const input = dialog.getByLabel(/^Customer( \*)?$/);
      await input.fill('Live Wire');
      await input.and(dialog.locator('[data-searching="false"]')).waitFor();
      await page
        .getByRole('option', { name: /Live Wire Customer Ltd/ })
        .first()
        .click();
      await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText(/^Done: Assigned 321.00 EUR from LIVE WIRE GMBH to Live Wire Customer Ltd/).waitFor();
      await row.waitFor({ state: 'detached' });
      await screenshot(page, 'queue-whole-product');

      const credited = (await (
        await fetch(remitd.adminUrl(`/remittances?state=credited&customerId=${customer.id}`), { headers: auth })
      ).json()) as { items: { remittedAmount: string; resolvedBy: string | null }[] };
      expect(credited.items).toHaveLength(1);
      expect(credited.items[0].remittedAmount).toMatch(/^321\.00/);
    });
  },
);

describeInBrowser('issue 13: staff sign in with SSO (a real OpenID provider) in the browser', () => {
  let stack: ConsoleStack;
  let idp: OidcProviderHandle;

  beforeAll(async () => {
    const port = await freePort();
    idp = await startOidcProvider({
      client: {
        client_id: 'remitd',
        client_secret: 'remitd browser secret',
        redirect_uris: [`http://127.0.0.1:${port}/auth/sso/callback`],
      },
      account: { sub: 'grace-1', email: 'grace@example.com', email_verified: true, name: 'Grace Hopper' },
    });
    stack = await startConsole({
      ADMIN_API_PORT: String(port),
      REMITD_OIDC_ISSUER: idp.issuer,
      REMITD_OIDC_CLIENT_ID: 'remitd',
      REMITD_OIDC_CLIENT_SECRET: 'remitd browser secret',
      REMITD_OIDC_LABEL: 'Sign in with Acme SSO',
    });
    await stack.createUser('account_manager', { email: 'grace@example.com', name: 'Grace Hopper' });
  });
  afterAll(async () => {
    await stack?.close();
    await idp?.stop();
  });

  test('"Sign in with Acme SSO" goes to the provider and comes back signed in where the person was going', async () => {
    const { page } = await stack.open(null);
    await page.goto('/console/queue');
    await page.getByRole('link', { name: 'Sign in with Acme SSO' }).click();
    await page.getByRole('heading', { name: 'Unmatched queue', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/queue');
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toContain('Grace Hopper');
  });

  test('an unknown person at the provider is refused and stays signed out', async () => {
    await idp.setAccount({ sub: 'eve-1', email: 'eve@example.com', email_verified: true });
    const { page } = await stack.open(null);
    await page.goto('/console/');
    await page.getByRole('link', { name: 'Sign in with Acme SSO' }).click();
    await page.waitForURL(/\/auth\/sso\/callback/);
    await expect(page.textContent('body')).resolves.toContain('SSO_USER_UNKNOWN');
    const session = await page.context().request.get('/auth/session');
    expect(session.status()).toBe(401);
  });
});
