import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildCamt } from '../support/camt-builder';
import { CHROMIUM, describeInBrowser, DESKTOP, expectAccessible, screenshot } from '../support/console';
import { startSystem, type TestSystem } from '../support/system';

const COLLECTION = 'DE89370400440532013000';
const PASSWORD = 'correct horse battery staple';
const LOCALES = path.join(__dirname, '..', '..', 'apps', 'console', 'src', 'i18n', 'locales');
// two whole flows in a browser with axe-core on each screen: slower than an API test on a busy machine
jest.setTimeout(240_000);

/** billing cycles counted back from the current month (the rules run on the real clock's month) */
function cycleBack(n: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** the console's own strings of a namespace, so one flow checks both languages */
function translator(lang: 'en' | 'zh', ns: string) {
  const strings = JSON.parse(readFileSync(path.join(LOCALES, lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
  return (key: string, vars: Record<string, string | number> = {}) => {
    const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], strings);
    if (typeof text !== 'string') throw new Error(`no string ${ns}:${key}`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name]));
  };
}

/**
 * Issue 17, the member's Unified Settlement screens (seed 001) in Chromium against the whole system
 * (admin API serving the console, the reconciler's use cases driven step by step): the wizard with
 * its cycle cap and a greyed-out cycle, a draft edited then run, the task waiting for funds and
 * "Make payment", a statement file crediting the member's exclusive account completing the task,
 * Stop / Enable / Close / Delete on other tasks, the downloads, in English and in Chinese.
 */
describeInBrowser('member unified settlement in Chromium (seed 001)', () => {
  let sys: TestSystem;
  let browser: Browser;
  let baseURL: string;
  const contexts: BrowserContext[] = [];
  let n = 0;

  beforeAll(async () => {
    sys = await startSystem();
    baseURL = `http://127.0.0.1:${(sys.api.getHttpServer().address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await sys?.close();
  });
  afterEach(async () => expect(await sys.verifyLedger()).toMatchObject({ ok: true }));

  const asMember = (key: string) => ({ Authorization: `Bearer ${key}` });

  async function memberPage(customerId: string, lang: 'en' | 'zh'): Promise<Page> {
    const email = `member-${++n}@settlement.test`;
    const user = await sys
      .http()
      .post('/users')
      .set(sys.auth)
      .send({ email, name: `Member ${n}`, role: 'member', customerId, password: PASSWORD });
    expect(user.status).toBe(201);
    const context = await browser.newContext({ baseURL, viewport: DESKTOP, acceptDownloads: true });
    contexts.push(context);
    await context.addInitScript(`window.localStorage.setItem('remitd.language', '${lang}')`);
    expect((await context.request.post('/auth/sign-in', { data: { email, password: PASSWORD } })).status()).toBe(200);
    return context.newPage();
  }

  async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return readFileSync((await file.path())!);
  }

  it("a member opening another customer's task, or a deleted one, is told why and sees none of its data", async () => {
    const t = translator('en', 'settlement');
    const stranger = await sys.customer({ name: 'Stranger Holdings Ltd' });
    await sys.bill(stranger.id, cycleBack(2), '99.00');
    const theirs = await sys
      .http()
      .post('/settlement-tasks')
      .set(asMember(await sys.keyFor('member', stranger.id)))
      .set('Idempotency-Key', `member-settlement-${++n}`)
      .send({ name: 'Stranger secret task', items: [{ customerId: stranger.id, billingCycle: cycleBack(2) }] })
      .expect(201);
    const member = await sys.customer({ name: 'Nosy Member Ltd' });
    const page = await memberPage(member.id, 'en');
    await page.goto(`/console/billing/settlement-tasks/${theirs.body.id}`);
    const notice = page.getByRole('alert');
    await notice.getByText(t('denied.customer')).waitFor();
    await expect(notice.getAttribute('data-code')).resolves.toBe('FORBIDDEN_CUSTOMER');
    await expect(page.getByText('Stranger secret task').count()).resolves.toBe(0);
    await expectAccessible(page, 'another customer task');
    // its own list holds nothing of the stranger's
    await page.goto('/console/billing/settlement-tasks');
    await page.getByText(t('list.empty')).waitFor();

    await sys
      .http()
      .delete(`/settlement-tasks/${theirs.body.id}`)
      .set(asMember(await sys.keyFor('member', stranger.id)))
      .expect(200);
    await page.goto(`/console/billing/settlement-tasks/${theirs.body.id}`);
    await page.getByRole('alert').getByText(t('view.notFound')).waitFor();
  });

  it('the list pages through many tasks, newest first', async () => {
    const t = translator('zh', 'settlement');
    const customer = await sys.customer({ name: 'Many Tasks Ltd' });
    const key = await sys.keyFor('member', customer.id);
    const references: string[] = [];
    // one draft per cycle (a cycle sits in one open task only): one more than a page
    for (let k = 2; k <= 22; k++) {
      await sys.bill(customer.id, cycleBack(k), '10.00');
      const task = await sys
        .http()
        .post('/settlement-tasks')
        .set(asMember(key))
        .set('Idempotency-Key', `member-settlement-${++n}`)
        .send({ name: `Task ${k}`, items: [{ customerId: customer.id, billingCycle: cycleBack(k) }] })
        .expect(201);
      references.unshift(task.body.reference);
    }
    const page = await memberPage(customer.id, 'zh');
    await page.goto('/console/billing/settlement-tasks');
    const rows = page.getByTestId('settlement-task-list').locator('tbody tr');
    await rows.first().waitFor();
    const shown = () => rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-task')));
    expect(await shown()).toEqual(references.slice(0, 20));
    const pages = page.getByRole('navigation', { name: t('list.pages') });
    await pages.getByRole('button', { name: t('list.next') }).click();
    await pages.getByText(t('list.page', { page: 2 })).waitFor();
    await rows.nth(1).waitFor({ state: 'detached' });
    expect(await shown()).toEqual(references.slice(20));
    await expect(pages.getByRole('button', { name: t('list.next') }).isDisabled()).resolves.toBe(true);
    await pages.getByRole('button', { name: t('list.previous') }).click();
    await rows.nth(19).waitFor();
    expect(await shown()).toEqual(references.slice(0, 20));
    await expectAccessible(page, 'task list, paged (zh)');
  });

  it.each(['en', 'zh'] as const)(
    'a member creates a task in the wizard, edits the draft, runs it, pays by bank transfer and sees it completed; stops, enables, closes and deletes others (%s)',
    async (lang) => {
      const t = translator(lang, 'settlement');
      const customer = await sys.customer({ name: `Settle ${lang.toUpperCase()} Trading Ltd` });
      const amounts: Record<number, string> = {
        2: '120.00',
        3: '130.00',
        4: '140.00',
        5: '50.00',
        6: '60.00',
        7: '70.00',
      };
      const bills: Record<number, { id: string; reference: string }> = {};
      for (const [k, amount] of Object.entries(amounts)) bills[+k] = await sys.bill(customer.id, cycleBack(+k), amount);
      // two tasks made over the API: a draft holding one cycle (greyed out in the wizard), one running unfunded
      const key = await sys.keyFor('member', customer.id);
      const create = (body: object) =>
        sys
          .http()
          .post('/settlement-tasks')
          .set(asMember(key))
          .set('Idempotency-Key', `member-settlement-${++n}`)
          .send(body);
      const held = (
        await create({ name: 'Held draft', items: [{ customerId: customer.id, billingCycle: cycleBack(5) }] })
      ).body;
      expect(held.status).toBe('draft');
      const other = (
        await create({
          name: 'Other task',
          items: [{ customerId: customer.id, billingCycle: cycleBack(6) }],
          run: true,
        })
      ).body;
      expect(other.status).toBe('running');

      const page = await memberPage(customer.id, lang);
      const heading = (name: string) => page.getByRole('heading', { level: 2, name }).waitFor();

      // the list, newest first
      await page.goto('/console/billing/settlement-tasks');
      await heading(t('title'));
      const rows = page.getByTestId('settlement-task-list').locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-task')))).toEqual([
        other.reference,
        held.reference,
      ]);

      // the wizard: cycles descending, the held cycle greyed out naming its task, the three-cycle cap
      await page.getByRole('link', { name: t('list.create') }).click();
      await heading(t('wizard.createTitle'));
      const cycleRows = page.locator('tr[data-cycle]');
      await cycleRows.first().waitFor();
      expect(await cycleRows.evaluateAll((r) => r.map((row) => row.getAttribute('data-cycle')))).toEqual(
        [2, 3, 4, 5, 6, 7].map(cycleBack),
      );
      const box = (k: number) => page.getByTestId(`cycle-${cycleBack(k)}`);
      await expect(box(5).isDisabled()).resolves.toBe(true);
      await expect(page.locator(`tr[data-cycle="${cycleBack(5)}"]`).textContent()).resolves.toContain(
        t('wizard.heldBy', { reference: held.reference }),
      );
      await expect(box(6).isDisabled()).resolves.toBe(true);
      await box(7).check();
      await box(3).check();
      await box(2).check();
      await page.getByText(t('wizard.capReached')).waitFor();
      await expect(box(4).isDisabled()).resolves.toBe(true);
      await expect(page.locator(`tr[data-cycle="${cycleBack(4)}"]`).textContent()).resolves.toContain(
        t('wizard.overCap'),
      );
      await box(7).uncheck();
      await expect(box(4).isDisabled()).resolves.toBe(false);
      await box(4).check();
      await expectAccessible(page, `wizard (${lang})`);
      await screenshot(page, `member-settlement-wizard-${lang}`);

      // confirm: View Total, Export CSV, a name the API refuses (shown on the field), Save as Draft
      await page.getByRole('button', { name: t('wizard.next') }).click();
      await page.getByRole('heading', { level: 3, name: t('wizard.confirm') }).waitFor();
      await page.getByRole('button', { name: t('wizard.viewTotal') }).click();
      await expect(page.getByTestId('wizard-total').textContent()).resolves.toContain(
        t('totals.toBeRepaid', { amount: '390.00 EUR' }),
      );
      const csv = (await download(page, () => page.getByRole('button', { name: t('wizard.export') }).click()))
        .toString('utf8')
        .trim()
        .split('\r\n');
      expect(csv).toHaveLength(4);
      expect(csv.slice(1).map((line) => line.split(',')[2])).toEqual([4, 3, 2].map(cycleBack));
      const name = page.getByRole('textbox', { name: t('wizard.name') });
      await name.fill('x'.repeat(201));
      await page.getByRole('button', { name: t('wizard.saveDraft') }).click();
      // the API's 400 names the field: the error sits on the name input
      await page
        .getByText(t('wizard.fieldRefused', { message: '' }).trim())
        .first()
        .waitFor();
      await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
      await name.fill(`Q3 settlement ${lang}`);
      await page.getByRole('button', { name: t('wizard.saveDraft') }).click();
      await heading(`Q3 settlement ${lang}`);
      await page.locator('[data-status="draft"]').waitFor();

      // edit the draft: its own cycles stay selectable; drop the newest, rename
      await page.getByRole('link', { name: t('actions.edit') }).click();
      await page.getByTestId(`cycle-${cycleBack(2)}`).waitFor();
      await expect(box(2).isChecked()).resolves.toBe(true);
      await expect(box(2).isDisabled()).resolves.toBe(false);
      await box(2).uncheck();
      await page.getByRole('button', { name: t('wizard.next') }).click();
      await name.fill(`Q3 settlement ${lang} (edited)`);
      // Generate and Run with an empty balance: from the editor in one language, from the saved draft in the other
      if (lang === 'zh') await page.getByRole('button', { name: t('wizard.generateAndRun') }).click();
      else {
        await page.getByRole('button', { name: t('wizard.saveChanges') }).click();
        await page.locator('[data-status="draft"]').waitFor();
        await page.getByRole('button', { name: t('actions.run') }).click();
      }
      await heading(`Q3 settlement ${lang} (edited)`);
      await page.locator('[data-status="running"]').waitFor();
      const items = page.getByTestId('task-items').locator('tbody tr');
      expect(await items.evaluateAll((r) => r.map((row) => row.getAttribute('data-cycle')))).toEqual(
        [4, 3].map(cycleBack),
      );
      const taskId = /settlement-tasks\/([0-9a-f-]{36})/.exec(page.url())![1];
      const reference = (await sys.http().get(`/settlement-tasks/${taskId}`).set(asMember(key))).body.reference;

      // the task waits for funds and says what to transfer, where, with which reference
      const panel = page.getByTestId('payment-panel');
      await panel.getByTestId('amount-due').waitFor();
      await expect(panel.getByTestId('amount-due').textContent()).resolves.toBe('270.00 EUR');
      await expect(panel.getByTestId('exclusive-account').textContent()).resolves.toBe(customer.virtualAccount);
      await expect(panel.getByTestId('payment-reference').textContent()).resolves.toBe(reference);
      await expectAccessible(page, `task waiting for funds (${lang})`);

      // the downloads: the task as CSV and PDF, one bill stamped
      const taskCsv = (
        await download(page, () => page.getByRole('link', { name: t('view.downloadCsv') }).click())
      ).toString();
      expect(taskCsv).toContain(reference);
      expect(taskCsv).toContain(bills[3].reference);
      const pdf = await download(page, () => page.getByRole('link', { name: t('view.downloadPdf') }).click());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const billPdf = await download(page, () =>
        page.getByRole('link', { name: t('view.billPdf', { reference: bills[4].reference }) }).click(),
      );
      expect(billPdf.subarray(0, 5).toString()).toBe('%PDF-');

      // "Make payment" leads to the Deposit screen with the amount to remit and the reference
      await panel.getByRole('link', { name: t('actions.makePayment') }).click();
      await heading(translator(lang, 'deposit')('title'));
      const deposit = new URL(page.url());
      expect(deposit.pathname).toBe('/console/billing/deposit');
      expect(Object.fromEntries(deposit.searchParams)).toEqual({ amount: '270.00', currency: 'EUR', reference });

      // the other task: Stop, Enable, Stop, Close (each confirmed where the seed warns)
      const confirmIn = async (title: string, action: string) => {
        const dialog = page.getByRole('dialog', { name: title });
        await dialog.getByRole('button', { name: action }).click();
        await dialog.waitFor({ state: 'detached' });
      };
      await page.goto(`/console/billing/settlement-tasks/${other.id}`);
      await page.locator('[data-status="running"]').waitFor();
      await page.getByRole('button', { name: t('actions.stop') }).click();
      await confirmIn(t('confirm.stopTitle'), t('actions.stop'));
      await page.locator('[data-status="not_started"]').waitFor();
      await page.getByRole('button', { name: t('actions.enable') }).click();
      await page.locator('[data-status="running"]').waitFor();
      await page.getByRole('button', { name: t('actions.stop') }).click();
      await confirmIn(t('confirm.stopTitle'), t('actions.stop'));
      await page.getByRole('button', { name: t('actions.close') }).click();
      await confirmIn(t('confirm.closeTitle'), t('actions.close'));
      await page.locator('[data-status="closed"]').waitFor();
      await expect(
        page
          .getByTestId('task-actions')
          .getByRole('button', { name: t('actions.enable') })
          .count(),
      ).resolves.toBe(0);

      // the held draft: Delete, then it is gone from the list
      await page.goto(`/console/billing/settlement-tasks/${held.id}`);
      await page.locator('[data-status="draft"]').waitFor();
      await page.getByRole('button', { name: t('actions.delete') }).click();
      await confirmIn(t('confirm.deleteTitle'), t('actions.delete'));
      await heading(t('title'));
      await rows.first().waitFor();
      expect(await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-task')))).toEqual([
        reference,
        other.reference,
      ]);
      await sys.http().get(`/settlement-tasks/${held.id}`).set(asMember(key)).expect(404);

      // a transfer to the member's exclusive account arrives in a statement file: the task completes
      sys.drop(
        `settle-${lang}.xml`,
        buildCamt({
          statementId: `SETTLE-${lang}`,
          account: COLLECTION,
          entries: [
            {
              ref: `SETTLE-${reference}`,
              amount: '270.00',
              creditedAccount: customer.virtualAccount,
              remitterName: customer.name,
              ustrd: reference,
            },
          ],
        }),
      );
      expect((await sys.tick()).reconciled).toMatchObject({ credited: 1 });
      await page.goto(`/console/billing/settlement-tasks/${taskId}`);
      await page.locator('[data-status="completed"]').waitFor();
      await page.getByText(t('completed')).waitFor();
      expect(
        await items.evaluateAll((r) =>
          r.map((row) => row.querySelector('[data-bill-status]')?.getAttribute('data-bill-status')),
        ),
      ).toEqual(['settled', 'settled']);
      await expect(page.getByTestId('payment-panel').count()).resolves.toBe(0);
      for (const k of [3, 4])
        expect((await sys.prisma.bill.findUniqueOrThrow({ where: { id: bills[k].id } })).status).toBe('settled');
      expect((await sys.prisma.bill.findUniqueOrThrow({ where: { id: bills[2].id } })).status).toBe('unsettled');
      await expectAccessible(page, `completed task (${lang})`);
      await screenshot(page, `member-settlement-view-${lang}`);

      await page.getByRole('link', { name: t('view.back') }).click();
      await page.locator(`tr[data-task="${reference}"] [data-status="completed"]`).waitFor();
      await expectAccessible(page, `task list (${lang})`);
      await screenshot(page, `member-settlement-list-${lang}`);
    },
  );
});
