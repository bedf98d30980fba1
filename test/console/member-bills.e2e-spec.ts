import type { Page } from 'playwright-core';
import enBills from '../../apps/console/src/i18n/locales/en/bills.json';
import zhBills from '../../apps/console/src/i18n/locales/zh/bills.json';
import {
  describeInBrowser,
  expectAccessible,
  screenshot,
  startConsole,
  type ConsoleStack,
  type ConsoleUser,
} from '../support/console';
import { startGatewaySimulator, type RunningGateway } from '../support/gateway-simulator';

// a member walks the overview, three drawers and four payments in each language, with axe on each step
jest.setTimeout(300_000);

type Lang = 'en' | 'zh';
const TEXTS: Record<Lang, Record<string, unknown>> = { en: enBills, zh: zhBills };

/** the screen's own string for `key` (dotted) with its {{placeholders}} filled, as i18next does */
function tr(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], TEXTS[lang]);
  if (typeof text !== 'string') throw new Error(`no string ${key} in ${lang}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name]));
}
const accessible = expectAccessible;
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

interface MemberData {
  customerId: string;
  member: ConsoleUser;
  /** bill id and reference by billing cycle */
  bills: Record<string, { id: string; reference: string }>;
}

/**
 * Issue 17, the member's Bill Overview and Pay Bill screens (seed 000) in Chromium against the real
 * admin API and the payment gateway simulator in its own process: the overview, the repayment
 * drawer split by coupon / stored-value card / cash, why a bill is unsettled in place, a payment
 * partly from the balance and the rest with a linked card, a pending payment shown as pending with
 * the duplicate warning, and pay by billing cycle, in English and in Chinese; another customer's
 * bill id shows an error, never its data.
 */
describeInBrowser('member console: Bill Overview and Pay Bill (seed 000)', () => {
  let stack: ConsoleStack;
  let gw: RunningGateway;
  let n = 0;
  let other: { id: string; billId: string };

  const auth = () => ({ Authorization: `Bearer ${stack.api.superKey}` });
  async function post(url: string, body: object, expected = 201) {
    const res = await stack.api.http().post(url).set(auth()).set('Idempotency-Key', `member-bills-${++n}`).send(body);
    if (res.status !== expected) throw new Error(`POST ${url} answered ${res.status}: ${res.text}`);
    return res.body;
  }
  const get = async (url: string) => (await stack.api.http().get(url).set(auth())).body;

  const CYCLES: [string, string][] = [
    ['2022-12', '50.00'],
    ['2026-08', '200.00'],
    ['2026-09', '300.00'],
    ['2026-10', '80.00'],
    ['2026-11', '60.00'],
  ];
  const charge = (customerId: string, cycle: string, amount: string) =>
    post(`/customers/${customerId}/charges`, {
      billingCycle: cycle,
      product: 'Elastic compute',
      usage: '720 h',
      amount,
    });
  const data: Partial<Record<Lang, MemberData>> = {};
  let curious: { customerId: string; member: ConsoleUser };

  /**
   * A credit-control customer with a charge in each cycle, 2026-08's named on a 30.00 stored-value
   * card of that month; automatic bill settlement (and 1.00 of credit) only while the bills are
   * issued, so the card pays its lines and the credit the oldest bill.
   */
  async function customerWithCharges(lang: Lang): Promise<string> {
    const c = await post('/customers', {
      name: lang === 'zh' ? '阿里云计算有限公司' : 'Bills Member Ltd',
      email: `bills-${lang}@example.test`,
      currency: 'EUR',
      creditControl: true,
      autoBillSettlement: true,
      creditLimit: '1.00',
    });
    const card = await post(`/customers/${c.id}/stored-value-cards`, { amount: '30.00', validMonth: '2026-08' });
    for (const [cycle, amount] of CYCLES)
      await post(`/customers/${c.id}/charges`, {
        billingCycle: cycle,
        product: 'Elastic compute',
        usage: '720 h',
        amount,
        ...(cycle === '2026-08' ? { storedValueCardId: card.id } : {}),
      });
    return c.id;
  }

  /**
   * Its money: 2026-08 paid by a 20.00 coupon, a 30.00 stored-value card of its month and 50.00 of
   * cash (the card pays through automatic write-off, which also spends the 1.00 of credit on the
   * oldest bill); 100.00 of balance and a 25.00 refund of 2026-11 to pay with in the console; two
   * linked cards, one whose charges never answer.
   */
  async function fund(lang: Lang, customerId: string): Promise<MemberData> {
    const bills: MemberData['bills'] = {};
    for (const b of (await get(`/bills?customerId=${customerId}&limit=50`)).items) bills[b.billingCycle] = b;
    const coupon = await post(`/customers/${customerId}/coupons`, {
      amount: '20.00',
      validUntil: '2026-12',
      code: `W20${lang}`,
    });
    await post(`/coupons/${coupon.id}/apply`, { billId: bills['2026-08'].id });
    await stack.api
      .http()
      .patch(`/customers/${customerId}`)
      .set(auth())
      .send({ autoBillSettlement: false, creditLimit: '0.00' });
    await post(`/customers/${customerId}/top-ups`, { amount: '51.00', reference: `TOPUP-${lang}-1` });
    await post(`/bills/${bills['2026-08'].id}/payments`, { amount: '50.00', fromBalance: '50.00' });
    await post(`/customers/${customerId}/top-ups`, { amount: '100.00', reference: `TOPUP-${lang}-2` });
    await post(`/customers/${customerId}/refunds`, { amount: '25.00', billingCycle: '2026-11', reason: 'SLA credit' });
    const card = await gw.token({ kind: 'card', number: '4242424242424242', expiry: '12/29' });
    await post(`/customers/${customerId}/payment-methods`, { token: card.token });
    const slow = await gw.token({
      kind: 'card',
      number: '4000000000000077',
      expiry: '11/30',
      behavior: { charge: 'timeout', webhook: 'held' },
    });
    await post(`/customers/${customerId}/payment-methods`, { token: slow.token });
    const member = await stack.createUser('member', { customerId });
    return { customerId, member, bills };
  }

  beforeAll(async () => {
    gw = await startGatewaySimulator();
    stack = await startConsole({ REMITD_GATEWAY_URL: gw.url, REMITD_GATEWAY_TIMEOUT_MS: '1000' });
    const port = (stack.api.app.getHttpServer().address() as { port: number }).port;
    await gw.control({ webhookUrl: `http://127.0.0.1:${port}/webhooks/gateway` });
    // every customer's charges first: a cycle is issued once for everyone
    const ids = { en: await customerWithCharges('en'), zh: await customerWithCharges('zh') };
    const o = await post('/customers', { name: 'Someone Else GmbH', email: 'else@example.test', currency: 'EUR' });
    await charge(o.id, '2026-09', '999.00');
    const c = await post('/customers', { name: 'Curious Member Ltd', email: 'curious@example.test', currency: 'EUR' });
    await charge(c.id, '2026-10', '12.00');
    for (const [cycle] of CYCLES)
      await stack.api
        .http()
        .post(`/billing-runs/${cycle}?force=true`)
        .set(auth())
        .set('Idempotency-Key', `run-${cycle}`);
    for (const lang of ['en', 'zh'] as const) data[lang] = await fund(lang, ids[lang]);
    other = { id: o.id, billId: (await get(`/bills?customerId=${o.id}`)).items[0].id };
    curious = { customerId: c.id, member: await stack.createUser('member', { customerId: c.id }) };
  });

  afterEach(async () => {
    expect(await get('/ledger/verify')).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await stack?.close();
    await gw?.stop();
  });

  async function openAs(user: ConsoleUser, lang: Lang, path = '/console/billing/bills'): Promise<Page> {
    const { context, page } = await stack.open(user);
    // the drawers open without their slide when motion is reduced: axe then sees them as shown
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await context.addInitScript({ content: `localStorage.setItem('remitd.language', '${lang}')` });
    await page.goto(path);
    await page.getByRole('heading', { level: 2, name: tr(lang, 'title') }).waitFor();
    return page;
  }

  it.each<Lang>(['en', 'zh'])(
    '%s: the overview, repayment details, why unsettled, paying partly from the balance and the rest by card, a pending payment, pay by cycle',
    async (lang) => {
      const { bills, member, customerId } = data[lang]!;
      const page = await openAs(member, lang);
      const row = (cycle: string) => page.getByTestId(`bill-${bills[cycle].reference}`);

      // the overview: every bill with its status, amount, amount paid and outstanding
      await row('2026-08').waitFor();
      await expect(row('2026-08').textContent()).resolves.toContain(tr(lang, 'status.overdue'));
      await expect(row('2026-08').textContent()).resolves.toMatch(/200\.00 EUR.*100\.00 EUR.*100\.00 EUR/);
      await expect(row('2022-12').textContent()).resolves.toContain(tr(lang, 'status.overdue'));
      const pdf = page.getByRole('link', { name: tr(lang, 'pdfOf', { reference: bills['2026-09'].reference }) });
      expect(await pdf.getAttribute('href')).toBe(`/bills/${bills['2026-09'].id}/pdf`);
      await accessible(page, `${lang} overview`);
      await screenshot(page, `member-bills-${lang}`);

      // filter by status and cycle
      await page.getByRole('textbox', { name: tr(lang, 'filter.cycle') }).fill('2026-09');
      await row('2026-08').waitFor({ state: 'detached' });
      await row('2026-09').waitFor();
      await page.getByRole('button', { name: tr(lang, 'filter.clearCycle') }).click();
      await row('2026-08').waitFor();

      // View details: the repayment drawer split by coupon, stored-value card and cash payment
      await page
        .getByRole('button', { name: tr(lang, 'details.openFor', { reference: bills['2026-08'].reference }) })
        .click();
      const details = page.getByRole('dialog', { name: tr(lang, 'details.title') });
      await details.getByTestId('repayment-details').waitFor();
      for (const [part, amount] of [
        ['coupon', '20.00'],
        ['storedValueCard', '30.00'],
        ['cash', '50.00'],
      ]) {
        const control = details.getByRole('button', { name: startsWith(tr(lang, `details.part.${part}`)) });
        await expect(control.textContent()).resolves.toContain(`${amount} EUR`);
        await control.click();
      }
      await expect(details.getByTestId('part-storedValueCard').textContent()).resolves.toContain(
        tr(lang, 'method.stored_value_card'),
      );
      await expect(details.getByTestId('part-cash').textContent()).resolves.toContain(tr(lang, 'method.balance'));
      await accessible(page, `${lang} repayment drawer`);
      await screenshot(page, `member-bills-repayments-${lang}`);
      await details.getByRole('button', { name: tr(lang, 'close') }).click();
      await details.waitFor({ state: 'hidden' });
      // a bill of 2022: no repayment records (seed 000: from January 2023 onwards)
      await page
        .getByRole('button', { name: tr(lang, 'details.openFor', { reference: bills['2022-12'].reference }) })
        .click();
      await details.getByText(tr(lang, 'details.unavailable')).waitFor();
      await details.getByRole('button', { name: tr(lang, 'close') }).click();
      await details.waitFor({ state: 'hidden' });

      // why is this bill unsettled, answered in place
      await page
        .getByRole('button', { name: tr(lang, 'why.openFor', { reference: bills['2026-09'].reference }) })
        .click();
      const why = page.getByTestId('why-unsettled');
      await why.waitFor();
      await expect(why.textContent()).resolves.toContain(tr(lang, 'why.reason.auto_write_off_off'));
      await expect(why.textContent()).resolves.toContain(tr(lang, 'why.reason.older_bills_first'));
      await accessible(page, `${lang} why unsettled`);

      // Pay Bill: 300.00, 100.00 from the balance, the rest with the linked Visa through the gateway
      await page
        .getByRole('button', { name: tr(lang, 'pay.openFor', { reference: bills['2026-09'].reference }) })
        .click();
      const pay = page.getByRole('dialog', { name: tr(lang, 'pay.title', { reference: bills['2026-09'].reference }) });
      const total = pay.getByRole('textbox', { name: tr(lang, 'pay.total', { currency: 'EUR' }) });
      expect(await total.inputValue()).toBe('300.00');
      // nothing used yet and a balance to pay with: the balance is preselected
      expect(await pay.getByRole('radio', { name: tr(lang, 'pay.channelBalance') }).isChecked()).toBe(true);
      await total.fill('300.001');
      await pay.getByText(tr(lang, 'problem.scale', { scale: 2 })).waitFor();
      await total.fill('300.01');
      await pay.getByText(tr(lang, 'problem.aboveOutstanding')).waitFor();
      await total.fill('300.00');
      const visa = tr(lang, 'method.card', { brand: 'VISA', last4: '4242' });
      await pay.getByRole('radio', { name: startsWith(visa) }).check();
      const fromBalance = pay.getByRole('textbox', { name: tr(lang, 'pay.fromBalance', { currency: 'EUR' }) });
      expect(await fromBalance.inputValue()).toBe('100.00');
      await expect(pay.getByTestId('external-part').textContent()).resolves.toContain('200.00 EUR');
      await accessible(page, `${lang} pay bill drawer`);
      await screenshot(page, `member-bills-pay-${lang}`);
      await pay.getByRole('button', { name: tr(lang, 'pay.submit') }).click();
      const result = pay.getByTestId('payment-result');
      await result.waitFor();
      await expect(result.textContent()).resolves.toContain(tr(lang, 'result.balance', { amount: '100.00 EUR' }));
      await expect(result.textContent()).resolves.toContain(
        tr(lang, 'result.gatewaySucceeded', { amount: '200.00 EUR' }),
      );
      await pay.getByTestId('bill-after').getByText(tr(lang, 'status.settled'), { exact: false }).waitFor();
      await screenshot(page, `member-bills-paid-${lang}`);
      await pay
        .getByRole('button', { name: tr(lang, 'close') })
        .last()
        .click();
      await pay.waitFor({ state: 'hidden' });
      expect(await get(`/bills/${bills['2026-09'].id}`)).toMatchObject({ status: 'settled', outstanding: '0.00' });
      expect(await get(`/customers/${customerId}`)).toMatchObject({ cashBalance: '0.00' });
      await expect(row('2026-09').textContent()).resolves.toContain(tr(lang, 'status.settled'));

      // the next payment defaults to the last used method; the card whose charge never answers stays pending
      const billOct = bills['2026-10'];
      await page.getByRole('button', { name: tr(lang, 'pay.openFor', { reference: billOct.reference }) }).click();
      const payOct = page.getByRole('dialog', { name: tr(lang, 'pay.title', { reference: billOct.reference }) });
      expect(await payOct.getByRole('radio', { name: startsWith(visa) }).isChecked()).toBe(true);
      const slow = tr(lang, 'method.card', { brand: 'VISA', last4: '0077' });
      await payOct.getByRole('radio', { name: startsWith(slow) }).check();
      await payOct.getByRole('button', { name: tr(lang, 'pay.submit') }).click();
      await payOct.getByTestId('result-pending').waitFor();
      await payOct
        .getByRole('button', { name: tr(lang, 'close') })
        .last()
        .click();
      await payOct.waitFor({ state: 'hidden' });
      await row('2026-10').getByTestId('payment-pending').waitFor();
      // paying again is discouraged: a warning, and nothing is sent without the explicit confirmation
      await page.getByRole('button', { name: tr(lang, 'pay.openFor', { reference: billOct.reference }) }).click();
      const warning = payOct.getByTestId('duplicate-warning');
      await warning.waitFor();
      await expect(warning.textContent()).resolves.toContain(tr(lang, 'pending.warning'));
      await payOct.getByRole('button', { name: tr(lang, 'pay.submit') }).click();
      await payOct.getByText(tr(lang, 'pending.confirmRequired')).waitFor();
      await accessible(page, `${lang} duplicate warning`);
      await screenshot(page, `member-bills-pending-${lang}`);
      await payOct.getByRole('button', { name: tr(lang, 'cancel') }).click();
      await payOct.waitFor({ state: 'hidden' });
      const payments = (await get(`/customers/${customerId}/gateway-payments`)).items.filter(
        (p: { billId: string }) => p.billId === billOct.id,
      );
      expect(payments).toEqual([expect.objectContaining({ status: 'pending', amount: '80.00' })]);
      // the gateway's late answer settles it
      await gw.flushWebhooks();
      expect(await get(`/bills/${billOct.id}`)).toMatchObject({ status: 'settled' });

      // pay by billing cycle: 2026-11 from its refund (25.00) and the balance (35.00)
      await post(`/customers/${customerId}/top-ups`, { amount: '35.00', reference: `TOPUP-${lang}-3` });
      await page.reload();
      await page.getByRole('button', { name: tr(lang, 'cycle.open') }).click();
      const cycle = page.getByRole('dialog', { name: tr(lang, 'cycle.title') });
      const preview = cycle.getByTestId('cycle-preview');
      await preview.waitFor();
      await expect(preview.textContent()).resolves.toMatch(/60\.00 EUR.*25\.00 EUR.*35\.00 EUR.*0\.00 EUR/);
      await accessible(page, `${lang} pay by cycle`);
      await screenshot(page, `member-bills-cycle-${lang}`);
      await cycle.getByRole('button', { name: tr(lang, 'cycle.submit') }).click();
      const paid = cycle.getByTestId('cycle-result');
      await paid.waitFor();
      await expect(paid.textContent()).resolves.toContain(tr(lang, 'cycle.paidFromRefunds', { amount: '25.00 EUR' }));
      await expect(paid.textContent()).resolves.toContain(tr(lang, 'cycle.paidFromBalance', { amount: '35.00 EUR' }));
      expect(await get(`/bills/${bills['2026-11'].id}`)).toMatchObject({ status: 'settled' });
    },
  );

  it("a member opening another customer's bill sees an error, not its data; the API refuses it", async () => {
    const data = curious;
    const page = await openAs(data.member, 'en', `/console/billing/bills?bill=${other.billId}`);
    const details = page.getByRole('dialog', { name: tr('en', 'details.title') });
    await details.getByRole('alert').getByText(tr('en', 'error.notYours')).waitFor();
    expect(await details.textContent()).not.toContain('999.00');
    await accessible(page, 'another customer bill');
    const memberKey = await stack.api.keyFor('member', data.customerId);
    const as = (url: string) =>
      stack.api
        .http()
        .get(url)
        .set({ Authorization: `Bearer ${memberKey}` });
    expect((await as(`/bills/${other.billId}`)).status).toBe(404);
    expect((await as(`/bills/${other.billId}/why-unsettled`)).status).toBe(403);
    expect((await as(`/bills/${other.billId}/pdf`)).status).toBe(404);
    expect((await as(`/customers/${other.id}/payment-methods`)).status).toBe(403);
    expect((await as(`/customers/${other.id}/gateway-payments`)).status).toBe(403);
    expect((await as(`/customers/${other.id}/refunds`)).status).toBe(403);
    // the member's own list holds only its own bills
    const listed = (await as('/bills?limit=100')).body.items as { customerId: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((b) => b.customerId === data.customerId)).toBe(true);
  });
});
