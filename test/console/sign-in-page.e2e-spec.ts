import {
  describeInBrowser,
  DESKTOP,
  expectAccessible,
  PHONE,
  screenshot,
  startConsole,
  type ConsoleStack,
} from '../support/console';

describeInBrowser('the console in Chromium: served at /console, signed out', () => {
  let stack: ConsoleStack;
  beforeAll(async () => {
    stack = await startConsole();
  });
  afterAll(() => stack?.close());

  test('a deep link while signed out shows the sign-in page, accessible at desktop and phone widths', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'sign-in'],
      [PHONE, 'sign-in-phone'],
    ] as const) {
      const { page } = await stack.open(null, viewport);
      await page.goto('/console/queue');
      await page.getByRole('heading', { name: 'Sign in to remitd' }).waitFor();
      expect(await page.getByLabel('E-mail').isVisible()).toBe(true);
      await expectAccessible(page, `sign-in ${viewport.width}px`);
      await screenshot(page, name);
    }
  });

  test('the root redirects to the console and the page is locked down by its headers', async () => {
    const res = await fetch(`${stack.baseURL}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console/');
    const page = await fetch(`${stack.baseURL}/console/customers/1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(`${stack.baseURL}/console/assets/missing.js`)).status).toBe(404);
  });
});
