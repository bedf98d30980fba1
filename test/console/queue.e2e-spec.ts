import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { loadConfig } from '@remitd/config';
import { PrismaService } from '@remitd/persistence';
import { ReconcileEntriesUseCase } from '@remitd/reconciliation';
import { LocalDirSource, PollStatementSourcesUseCase } from '@remitd/statement-sources';
import { startReconciler } from '../../apps/reconciler/src/main';
import { buildCamt, type CamtEntrySpec } from '../support/camt-builder';
import {
  describeInBrowser,
  DESKTOP,
  expectAccessible,
  PHONE,
  screenshot,
  startConsole,
  type ConsoleStack,
  type ConsoleUser,
} from '../support/console';

/** the collection account startTestAdminApi registers */
const COLLECTION = 'GB29NWBK60161331926819';
const SHORT_UNDO_MS = '150';

describeInBrowser('issue 13: the account manager works the unmatched queue in the console', () => {
  let stack: ConsoleStack;
  let reconciler: Awaited<ReturnType<typeof startReconciler>>;
  let inbox: string;
  let manager: ConsoleUser;
  let files = 0;
  const customers: Record<string, { id: string; name: string }> = {};

  const auth = () => ({ Authorization: `Bearer ${stack.api.superKey}` });
  const prisma = () => stack.api.app.get(PrismaService);

  /** a statement file through the reconciler's own steps: poll the inbox, reconcile what came in */
  async function receive(entries: CamtEntrySpec[]) {
    const id = `Q-${++files}`;
    writeFileSync(path.join(inbox, `${id}.xml`), buildCamt({ statementId: id, account: COLLECTION, entries }));
    await reconciler.ctx.get(PollStatementSourcesUseCase).execute();
    await reconciler.ctx.get(ReconcileEntriesUseCase).drain();
  }

  async function remittanceOf(bankReference: string) {
    const entry = await prisma().statementEntry.findFirstOrThrow({ where: { bankReference } });
    const r = await prisma().remittance.findFirstOrThrow({ where: { entryId: entry.id } });
    return (await stack.api.http().get(`/remittances/${r.id}`).set(auth()).expect(200)).body as {
      id: string;
      state: string;
      customerId: string | null;
      owner: { id: string; name: string } | null;
    };
  }

  /** the API's view after an action has gone out (the console holds it for the undo delay first) */
  async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const v = await read();
      if (ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function customer(name: string) {
    const res = await stack.api
      .http()
      .post('/customers')
      .set(auth())
      .set('Idempotency-Key', `queue-${name}`)
      .send({ name, email: `${name.toLowerCase().replace(/\W+/g, '-')}@customer.example`, currency: 'EUR' });
    if (res.status !== 201) throw new Error(`customer ${name}: ${res.status} ${res.text}`);
    customers[name] = { id: res.body.id, name };
    return customers[name];
  }

  async function openQueue(viewport = DESKTOP, query = '') {
    const { page } = await stack.open(manager, viewport);
    await page.addInitScript(`window.localStorage.setItem('remitd.undoMs', '${SHORT_UNDO_MS}')`);
    await page.goto(`/console/queue${query}`);
    await page.getByRole('heading', { name: 'Unmatched queue', level: 2 }).waitFor();
    return page;
  }

  const row = (page: Page, remitter: string) => page.getByTestId('queue-row').filter({ hasText: remitter });

  async function openDetail(page: Page, remitter: string) {
    await page.getByRole('link', { name: remitter }).click();
    await page.getByRole('heading', { name: new RegExp(`from ${remitter}`), level: 3 }).waitFor();
  }

  /** types into a customer picker and clicks the customer in the list the server found */
  async function pickCustomer(dialog: Locator, label: string, name: string) {
    const input = dialog.getByLabel(new RegExp(`^${label}( \\*)?$`));
    await input.fill(name);
    // the options are the server's answer to what was typed: wait for it before choosing
    await input.and(dialog.locator('[data-searching="false"]')).waitFor();
    await dialog
      .page()
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .click();
    await expect(input.inputValue()).resolves.toContain(name);
  }

  beforeAll(async () => {
    stack = await startConsole();
    const dir = mkdtempSync(path.join(tmpdir(), 'remitd-console-queue-'));
    inbox = path.join(dir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    reconciler = await startReconciler(
      loadConfig({ DATABASE_URL: stack.api.url, RECONCILER_PORT: '0', REMITD_DATA_DIR: dir, DB_POOL_SIZE: '4' }),
      { logger: false, schedulers: false, channels: [], sources: [new LocalDirSource({ id: 'inbox', dir: inbox })] },
    );
    manager = await stack.createUser('account_manager', { name: 'Ann Manager' });
    for (const name of [
      'Northwind Trading Ltd',
      'Split Alpha Ltd',
      'Split Beta Ltd',
      'Bulk Buyer Ltd',
      'Keyboard Kid Ltd',
    ])
      await customer(name);
    // an open bill, so the difference beside it means something
    await prisma().bill.create({
      data: {
        customerId: customers['Northwind Trading Ltd'].id,
        reference: 'B-2026-10-NW01',
        billingCycle: '2026-10',
        issuedAt: new Date(Date.UTC(2026, 10, 2, 12)),
        currency: 'EUR',
        amount: '800.00',
      },
    });
    await receive([
      {
        ref: 'QA-NORTH',
        amount: '1000.00',
        remitterName: 'NORTHWIND IMP',
        remitterIban: 'DE02100100109307118603',
        ustrd: 'october',
      },
      { ref: 'QA-SPLIT', amount: '1000.00', remitterName: 'SHARED SERVICES GMBH', ustrd: 'two invoices' },
      { ref: 'QA-RETURN', amount: '50.00', remitterName: 'STRANGER INC', ustrd: 'hello' },
      { ref: 'QA-BULK-1', amount: '10.00', remitterName: 'BULK PAYER ONE', ustrd: 'b1' },
      { ref: 'QA-BULK-2', amount: '11.00', remitterName: 'BULK PAYER TWO', ustrd: 'b2' },
      { ref: 'QA-BULK-3', amount: '12.00', remitterName: 'BULK PAYER THREE', ustrd: 'b3' },
      { ref: 'QA-UNDO', amount: '70.00', remitterName: 'UNDO ME CORP', ustrd: 'undo' },
      { ref: 'QA-KEYS', amount: '80.00', remitterName: 'KEYBOARD KID', ustrd: 'keys' },
    ]);
    for (const ref of ['QA-NORTH', 'QA-SPLIT', 'QA-RETURN', 'QA-UNDO', 'QA-KEYS'])
      expect((await remittanceOf(ref)).state).toBe('unmatched');
  });
  afterAll(async () => {
    await reconciler?.close();
    await stack?.close();
  });

  test('the queue and a remittance detail are accessible at 1280 and 390 px', async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, ''],
      [PHONE, '-phone'],
    ] as const) {
      const page = await openQueue(viewport);
      await row(page, 'NORTHWIND IMP').waitFor();
      await expect(page.getByTestId('queue-summary').textContent()).resolves.toMatch(/waiting/);
      await expectAccessible(page, `queue ${viewport.width}px`);
      if (!suffix) await screenshot(page, 'queue');
      await openDetail(page, 'NORTHWIND IMP');
      await page.getByRole('region', { name: /Raw bank excerpt/ }).waitFor();
      await expectAccessible(page, `remittance detail ${viewport.width}px`);
      if (!suffix) await screenshot(page, 'remittance-detail');
      await page.context().close();
    }
  });

  test('assign with "remember the remitter account": the open bills and the difference follow the customer', async () => {
    const page = await openQueue();
    await openDetail(page, 'NORTHWIND IMP');
    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign to a customer' });
    await pickCustomer(dialog, 'Customer', 'Northwind Trading Ltd');
    // 1,000.00 remitted against 800.00 open
    await expect(dialog.getByTestId('difference').textContent()).resolves.toContain('+200.00 EUR');
    await dialog.getByLabel('Remember the remitter account').check();
    await dialog.getByLabel('Note').fill('confirmed by phone');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    // held for the (short) undo delay, then "Done: …"
    await page.getByText(/^Done: Assigned 1,000.00 EUR from NORTHWIND IMP to Northwind Trading Ltd/).waitFor();
    const after = await eventually(
      () => remittanceOf('QA-NORTH'),
      (r) => r.state === 'credited',
      'assigned remittance',
    );
    expect(after.customerId).toBe(customers['Northwind Trading Ltd'].id);
    const remembered = await stack.api
      .http()
      .get(`/customers/${customers['Northwind Trading Ltd'].id}/remitter-accounts`)
      .set(auth())
      .expect(200);
    expect(remembered.body.items).toEqual([expect.objectContaining({ account: 'DE02100100109307118603' })]);
    await page.context().close();
  });

  test('split across two customers: submit only when nothing is left to allocate', async () => {
    const page = await openQueue();
    await openDetail(page, 'SHARED SERVICES GMBH');
    await page.getByRole('button', { name: 'Split…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split across customers' });
    await pickCustomer(dialog, 'Customer 1', 'Split Alpha Ltd');
    await dialog.getByLabel('Amount 1').fill('600.00');
    await expect(dialog.getByTestId('left-to-allocate').textContent()).resolves.toBe('Left to allocate: 400.00 EUR');
    await pickCustomer(dialog, 'Customer 2', 'Split Beta Ltd');
    await dialog.getByLabel('Amount 2').fill('450.00');
    await expect(dialog.getByTestId('left-to-allocate').textContent()).resolves.toBe(
      'Left to allocate: −50.00 EUR (too much)',
    );
    expect(await dialog.getByRole('button', { name: 'Split', exact: true }).isDisabled()).toBe(true);
    await dialog.getByLabel('Amount 2').fill('400.00');
    await expect(dialog.getByTestId('left-to-allocate').textContent()).resolves.toBe('Left to allocate: 0.00 EUR');
    await dialog.getByRole('button', { name: 'Split', exact: true }).click();
    await eventually(
      () => remittanceOf('QA-SPLIT'),
      (r) => r.state === 'split',
      'split remittance',
    );
    await page.context().close();
  });

  test('return to sender needs a reason', async () => {
    const page = await openQueue();
    await openDetail(page, 'STRANGER INC');
    await page.getByRole('button', { name: 'Return…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Return to sender' });
    await dialog.getByRole('button', { name: 'Return to sender' }).click();
    await dialog.getByText('A reason is required').waitFor();
    await dialog.getByLabel('Reason').fill('not a customer of ours');
    await dialog.getByRole('button', { name: 'Return to sender' }).click();
    await eventually(
      () => remittanceOf('QA-RETURN'),
      (r) => r.state === 'return_requested',
      'returned remittance',
    );
    await page.context().close();
  });

  test('bulk assign: shift-click ticks a range, one customer for all of them', async () => {
    const page = await openQueue(DESKTOP, '?q=BULK%20PAYER&sort=amount_asc');
    await row(page, 'BULK PAYER THREE').waitFor();
    await page.getByRole('checkbox', { name: /Select BULK PAYER ONE/ }).click();
    await page.getByRole('checkbox', { name: /Select BULK PAYER THREE/ }).click({ modifiers: ['Shift'] });
    await page.getByText('3 selected').waitFor();
    await page.getByRole('button', { name: 'Assign selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign 3 selected' });
    await pickCustomer(dialog, 'Customer', 'Bulk Buyer Ltd');
    await dialog.getByRole('button', { name: 'Assign 3' }).click();
    for (const ref of ['QA-BULK-1', 'QA-BULK-2', 'QA-BULK-3'])
      await eventually(
        () => remittanceOf(ref),
        (r) => r.state === 'credited',
        ref,
      );
    await page.context().close();
  });

  test('undo drops the action before it is sent: the API shows nothing changed', async () => {
    const page = await openQueue(DESKTOP, '?undoMs=600000');
    await openDetail(page, 'UNDO ME CORP');
    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign to a customer' });
    await pickCustomer(dialog, 'Customer', 'Keyboard Kid Ltd');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText(/^Assigned 70.00 EUR from UNDO ME CORP/).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(/^Undone: Assigned 70.00 EUR/).waitFor();
    // leaving the page sends whatever is still held: nothing is
    await page.goto('/console/');
    await page.close();
    expect(await remittanceOf('QA-UNDO')).toMatchObject({ state: 'unmatched', customerId: null });
  });

  test('an action still held when the page is left is sent at once', async () => {
    const page = await openQueue(DESKTOP, '?undoMs=600000');
    await openDetail(page, 'UNDO ME CORP');
    await page.getByRole('button', { name: 'Take it' }).click();
    await page.getByText(/^Took ownership/).waitFor();
    await page.goto('about:blank');
    const r = await eventually(
      () => remittanceOf('QA-UNDO'),
      (x) => !!x.owner,
      'owned remittance',
    );
    expect(r.owner).toMatchObject({ id: `user:${manager.id}` });
    await page.context().close();
  });

  test('keyboard only: j selects, a opens the assign dialog, the assignment goes through; ? lists the keys', async () => {
    const page = await openQueue(DESKTOP, '?q=KEYBOARD');
    await row(page, 'KEYBOARD KID').waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('j');
    await page.getByRole('heading', { name: /from KEYBOARD KID/, level: 3 }).waitFor();
    await page.keyboard.press('k');
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: 'Assign to a customer' });
    await dialog.waitFor();
    const focused = await page.evaluate<string | undefined>('document.activeElement?.tagName');
    if (focused === 'INPUT') {
      // nothing suggested: type the customer, pick it with the arrow keys, submit from the note
      await page.keyboard.type('Keyboard Kid');
      await page.getByRole('option', { name: /Keyboard Kid Ltd/ }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      // past "remember the remitter account" to the note, where Enter submits the form
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await eventually(
      () => remittanceOf('QA-KEYS'),
      (r) => r.state === 'credited',
      'keyboard assignment',
    );
    await page.context().close();
  });

  test('a transfer reconciled while the queue is open appears without a reload', async () => {
    const page = await openQueue();
    await page.getByTestId('live-indicator').filter({ hasText: 'Live' }).waitFor();
    await receive([{ ref: 'QA-LIVE', amount: '33.00', remitterName: 'LATE ARRIVAL AG', ustrd: 'new' }]);
    await row(page, 'LATE ARRIVAL AG').waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});
