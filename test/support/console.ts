/**
 * The browser-test harness: the real admin API (serving the built console) on a fresh database,
 * Debian's Chromium driven by Playwright, users created through the API, pages signed in the
 * way a person's browser is (the session cookie from POST /auth/sign-in), axe-core on every
 * page, and screenshots of the main screens under test/screenshots/.
 *
 * Chromium comes from the OS (`apt-get install chromium`; `.ci/run` installs it): where none is
 * found the browser suites skip with a loud message instead of failing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RoleName } from '@remitd/access';
import { startTestAdminApi, type TestApi } from './admin-api';

export const CHROMIUM =
  process.env.REMITD_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** `describe` when a Chromium is installed, else a skipped suite and a warning nobody misses */
export const describeInBrowser: jest.Describe = ((name: string, fn: () => void) => {
  if (CHROMIUM) return describe(name, fn);
  process.stderr.write(
    `\n*** BROWSER TESTS SKIPPED (${name}): no Chromium at /usr/bin/chromium. ` +
      'Install it with `apt-get install -y chromium` (or set REMITD_CHROMIUM) ***\n\n',
  );
  return describe.skip(name, fn);
}) as jest.Describe;

export interface ConsoleUser {
  id: string;
  email: string;
  password: string;
  role: RoleName;
  customerId?: string;
}

export interface ConsoleStack {
  api: TestApi;
  baseURL: string;
  browser: Browser;
  /** a user created through POST /users (password set) */
  createUser(role: RoleName, opts?: { customerId?: string; name?: string; email?: string }): Promise<ConsoleUser>;
  /** a fresh browser context (its own cookies), signed in as `user` unless null */
  open(
    user: ConsoleUser | null,
    viewport?: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

let users = 0;

export async function startConsole(env: Record<string, string> = {}): Promise<ConsoleStack> {
  const api = await startTestAdminApi(env);
  const port = (api.app.getHttpServer().address() as { port: number }).port;
  const baseURL = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    api,
    baseURL,
    browser,
    async createUser(role, opts = {}) {
      const n = ++users;
      const email = opts.email ?? `${role.replace('_', '-')}-${n}@example.test`;
      const password = `correct horse battery ${n}`;
      const res = await api
        .http()
        .post('/users')
        .set('Authorization', `Bearer ${api.superKey}`)
        .send({
          email,
          name: opts.name ?? `${role.replace('_', ' ')} ${n}`,
          role,
          customerId: opts.customerId,
          password,
        });
      if (res.status !== 201) throw new Error(`POST /users answered ${res.status}: ${res.text}`);
      return { id: res.body.id, email, password, role, customerId: opts.customerId };
    },
    async open(user, viewport = DESKTOP) {
      const context = await browser.newContext({ baseURL, viewport });
      contexts.push(context);
      if (user) {
        const res = await context.request.post('/auth/sign-in', {
          data: { email: user.email, password: user.password },
        });
        if (!res.ok()) throw new Error(`sign-in as ${user.email} answered ${res.status()}: ${await res.text()}`);
      }
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
      await api.close();
    },
  };
}

/** axe-core on the page as it is now: no serious or critical violation */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
        // the target and why (axe's summary: for contrast, the two colours and the ratio)
        .map((n) => `${n.target.join(' ')} (${n.failureSummary?.replace(/\s+/g, ' ').trim() ?? ''})`)
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect({ where, violations: report }).toEqual({ where, violations: [] });
}

/** a full-page screenshot in test/screenshots/<name>.png */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
