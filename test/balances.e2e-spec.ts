import { IssueBillsUseCase } from '@remitd/billing';
import { currencyScale } from '@remitd/money';
import { pdfText } from './support/pdf-text';
import { buildCamt, type CamtEntrySpec } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';
let fileNo = 0;
const statementFile = (entries: CamtEntrySpec[]) =>
  buildCamt({ statementId: `BAL-${++fileNo}`, account: COLLECTION, entries });
let keyNo = 0;
const key = () => `bal-${++keyNo}-${Date.now()}`;

/** Keys whose decimal-string values are amounts of money (account numbers and references are not). */
const AMOUNT_KEY =
  /amount|balance|paid|outstanding|limit|frozen|credit|fee|received|remaining|total|deducted|external|debits|cash/i;
const NOT_AMOUNT_KEY = /account|reference|number|iban|serial|confidence|id$/i;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Every amount-like string in a JSON document whose decimals differ from its currency's scale. */
function unscaledAmounts(doc: unknown, where: string, currency: string, seen: string[] = []): string[] {
  const bad: string[] = [];
  const walk = (v: unknown, path: string, ccy: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`, ccy));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const own = typeof o.currency === 'string' && /^[A-Z]{3}$/.test(o.currency) ? o.currency : ccy;
    for (const [k, x] of Object.entries(o)) {
      if (typeof x === 'string' && AMOUNT_KEY.test(k) && !NOT_AMOUNT_KEY.test(k) && DECIMAL.test(x)) {
        seen.push(`${where} ${path}.${k}`);
        const decimals = x.split('.')[1]?.length ?? 0;
        if (decimals !== currencyScale(own as never)) bad.push(`${where} ${path}.${k} = "${x}" (${own})`);
      } else walk(x, `${path}.${k}`, own);
    }
  };
  walk(doc, '', currency);
  return bad;
}

describe('balances that tell the whole story', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem();
  });
  afterEach(async () => {
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });
  });
  afterAll(() => sys.close());

  const post = (url: string, body: object, k = key()) =>
    sys.http().post(url).set(sys.auth).set('Idempotency-Key', k).send(body);
  const get = (url: string, query: Record<string, string> = {}) => sys.http().get(url).query(query).set(sys.auth);
  const charge = (customerId: string, billingCycle: string, amount: string) =>
    post(`/customers/${customerId}/charges`, { billingCycle, product: 'Compute', usage: '720 h', amount });
  const issue = (cycle: string) => sys.api.get(IssueBillsUseCase).execute(cycle, { force: true });

  /**
   * A customer whose bill (1,000.00, in a cycle of its own) is paid straight from an incoming transfer (975.00
   * booked, 25.00 bank charges reimbursed), who then gets a stored-value card for April, a refund
   * for April and a top-up.
   */
  let cycleNo = 0;
  async function paidFromTransfer(name: string) {
    const c = await sys.customer({ name });
    // a cycle of its own: a cycle is issued once
    const cycle = `2024-${String(++cycleNo).padStart(2, '0')}`;
    expect((await charge(c.id, cycle, '1000.00')).status).toBe(201);
    await issue(cycle);
    sys.drop(
      `${name}.xml`,
      statementFile([{ ref: `PAY-${fileNo}`, amount: '975.00', charges: '25.00', creditedAccount: c.virtualAccount }]),
    );
    expect((await sys.tick()).reconciled).toMatchObject({ credited: 1 });
    return c;
  }

  describe('balances item 5: the statement shows every movement and always has opening and closing balances', () => {
    it('a bill paid straight from an incoming transfer appears with the amount received and the fee reimbursed', async () => {
      const c = await paidFromTransfer('Straight Through GmbH');
      const s = await get(`/customers/${c.id}/statement`);
      expect(`${s.status} ${JSON.stringify(s.body)}`).toMatch(/^200 /);
      expect(s.body.openingBalance).toBe('0.00');
      expect(s.body.closingBalance).toBe('0.00');
      expect(s.body.movements).toHaveLength(1);
      expect(s.body.movements[0]).toMatchObject({
        kind: 'remittance_credit',
        amount: '0.00',
        runningBalance: '0.00',
        received: '1000.00',
        feeReimbursed: '25.00',
        changes: [{ balance: 'bills_paid', amount: '1000.00', balanceAfter: '1000.00', currency: 'EUR' }],
      });
      expect(s.body.balances).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ balance: 'cash', openingBalance: '0.00', closingBalance: '0.00' }),
          expect.objectContaining({ balance: 'bills_paid', openingBalance: '0.00', closingBalance: '1000.00' }),
        ]),
      );
    });

    it('cards, refunds, top-ups and transfers each appear with opening and closing balances per balance kind', async () => {
      const c = await paidFromTransfer('Every Movement SARL');
      const member = await sys.customer({ name: 'Every Movement Member SARL' });
      expect(
        (await post(`/customers/${c.id}/stored-value-cards`, { amount: '50.00', validMonth: '2026-04' })).status,
      ).toBe(201);
      expect(
        (await post(`/customers/${c.id}/refunds`, { amount: '30.00', billingCycle: '2026-04', reason: 'SLA credit' }))
          .status,
      ).toBe(201);
      expect((await post(`/customers/${c.id}/top-ups`, { amount: '20.00', reference: 'BANK-1' })).status).toBe(201);
      expect(
        (await post('/financial-relationships', { mainCustomerId: c.id, memberCustomerId: member.id })).status,
      ).toBe(201);
      expect((await post('/transfers', { fromCustomerId: c.id, toCustomerId: member.id, amount: '5.00' })).status).toBe(
        201,
      );

      const s = (await get(`/customers/${c.id}/statement`)).body;
      expect(s.movements.map((m: { kind: string }) => m.kind)).toEqual([
        'remittance_credit',
        'stored_value_card_issued',
        'credit_control_refund',
        'remittance_credit',
        'customer_transfer',
      ]);
      expect(s.openingBalance).toBe('0.00');
      expect(s.closingBalance).toBe('15.00');
      const byKind = (balance: string) => s.balances.find((b: { balance: string }) => b.balance === balance);
      expect(byKind('cash')).toMatchObject({ openingBalance: '0.00', closingBalance: '15.00' });
      expect(byKind('refund')).toMatchObject({ openingBalance: '0.00', closingBalance: '30.00' });
      expect(byKind('stored_value_card')).toMatchObject({
        cardId: expect.any(String),
        openingBalance: '0.00',
        closingBalance: '50.00',
      });
      expect(byKind('bills_paid')).toMatchObject({ openingBalance: '0.00', closingBalance: '1000.00' });
      expect(s.movements[4]).toMatchObject({ amount: '-5.00', runningBalance: '15.00' });

      // a range after everything: nothing moved, the balances are still there
      const later = (await get(`/customers/${c.id}/statement`, { from: '2099-01-01T00:00:00Z' })).body;
      expect(later.movements).toEqual([]);
      expect(later).toMatchObject({ openingBalance: '15.00', closingBalance: '15.00' });
      expect(later.balances.find((b: { balance: string }) => b.balance === 'refund')).toMatchObject({
        openingBalance: '30.00',
        closingBalance: '30.00',
      });

      // members see a role, never a person; recordedBy stays staff-only (issue 11 item 12)
      const memberKey = await sys.keyFor('member', c.id);
      const mine = await sys.http().get(`/customers/${c.id}/statement`).set('Authorization', `Bearer ${memberKey}`);
      expect(mine.status).toBe(200);
      expect(mine.body.movements.every((m: object) => !('recordedBy' in m))).toBe(true);
      expect(s.movements[3]).toHaveProperty('recordedBy');

      const csv = await get(`/customers/${c.id}/statement`, { format: 'csv' });
      const [head, first] = csv.text.split('\r\n');
      expect(head).toBe(
        'at,kind,description,amount,runningBalance,journalEntryId,received,feeReimbursed,refund,storedValueCards,billsPaid',
      );
      expect(first).toMatch(/,0\.00,0\.00,[0-9a-f-]{36},1000\.00,25\.00,,,1000\.00$/);
    });
  });

  describe('balances item 6: a customer shows every balance it holds and the parts of available credit', () => {
    it('GET /customers/:id shows the refund balance, each stored-value card, bills paid and cash + limit − frozen', async () => {
      const c = await paidFromTransfer('All Balances BV');
      await sys
        .http()
        .patch(`/customers/${c.id}`)
        .set(sys.auth)
        .send({ creditLimit: '200.00', frozenAmount: '40.00' })
        .expect(200);
      await post(`/customers/${c.id}/stored-value-cards`, { amount: '50.00', validMonth: '2026-04' });
      await post(`/customers/${c.id}/refunds`, { amount: '30.00', billingCycle: '2026-04', reason: 'SLA credit' });
      await post(`/customers/${c.id}/top-ups`, { amount: '20.00', reference: 'BANK-2' });
      const view = (await get(`/customers/${c.id}`)).body;
      expect(view).toMatchObject({
        cashBalance: '20.00',
        refundBalance: '30.00',
        storedValueCardBalance: '50.00',
        billsPaid: '1000.00',
        availableCredit: '180.00',
        availableCreditParts: {
          formula: 'cashBalance + creditLimit - frozenAmount',
          cashBalance: '20.00',
          creditLimit: '200.00',
          frozenAmount: '40.00',
          availableCredit: '180.00',
        },
      });
      expect(view.balances).toEqual(
        expect.arrayContaining([
          { balance: 'cash', currency: 'EUR', amount: '20.00' },
          { balance: 'refund', currency: 'EUR', amount: '30.00' },
          {
            balance: 'stored_value_card',
            currency: 'EUR',
            amount: '50.00',
            cardId: expect.any(String),
            validMonth: '2026-04',
          },
          { balance: 'bills_paid', currency: 'EUR', amount: '1000.00' },
        ]),
      );
      const listed = (await get('/customers', { search: 'All Balances BV' })).body.items[0];
      expect(listed).toMatchObject({ refundBalance: '30.00', storedValueCardBalance: '50.00' });
    });
  });

  describe('balances item 7: every amount has the currency scale, and e-mails name the real bank', () => {
    it('walks every JSON response of a scenario and finds no amount without the currency scale', async () => {
      const c = await paidFromTransfer('Scale Walk Oy');
      const member = await sys.customer({ name: 'Scale Walk Member Oy' });
      const responses: [string, unknown][] = [];
      const keep = (what: string, r: { status: number; body: unknown }) => {
        expect(`${what} ${r.status}`).toMatch(/ 20[012]$/);
        responses.push([what, r.body]);
        return r;
      };
      keep('charge', await charge(c.id, '2026-05', '402.00'));
      await issue('2026-05');
      keep('card', await post(`/customers/${c.id}/stored-value-cards`, { amount: '25.00', validMonth: '2026-06' }));
      keep(
        'refund',
        await post(`/customers/${c.id}/refunds`, { amount: '45.00', billingCycle: '2026-07', reason: 'x' }),
      );
      keep('coupon', await post(`/customers/${c.id}/coupons`, { amount: '10.00', validUntil: '2027-01' }));
      keep('top-up', await post(`/customers/${c.id}/top-ups`, { amount: '500.00', reference: 'BANK-3' }));
      keep(
        'relationship',
        await post('/financial-relationships', { mainCustomerId: c.id, memberCustomerId: member.id }),
      );
      keep('transfer', await post('/transfers', { fromCustomerId: c.id, toCustomerId: member.id, amount: '5.00' }));
      keep('patch', await sys.http().patch(`/customers/${c.id}`).set(sys.auth).send({ creditLimit: '100.00' }));
      // an unmatched remittance with charges, assigned by hand
      sys.drop(
        'scale-unmatched.xml',
        statementFile([{ ref: 'UNM-1', amount: '90.00', charges: '10.00', ustrd: 'no ref' }]),
      );
      await sys.tick();
      const queue = keep('queue', await get('/remittances')).body as { items: { id: string; currency: string }[] };
      const unmatched = queue.items.find((r) => r.currency === 'EUR');
      expect(unmatched).toBeDefined();
      keep('remittance', await get(`/remittances/${unmatched!.id}`));
      keep('assign', await post(`/remittances/${unmatched!.id}/assign`, { customerId: c.id }));
      const bills = keep('bills', await get('/bills', { customerId: c.id })).body as { items: { id: string }[] };
      for (const b of bills.items) keep('bill', await get(`/bills/${b.id}`));
      for (const url of [
        `/customers/${c.id}`,
        '/customers',
        `/customers/${c.id}/statement`,
        `/customers/${c.id}/stored-value-cards`,
        `/customers/${c.id}/refunds`,
        `/customers/${c.id}/coupons`,
        `/customers/${member.id}/statement`,
        '/repayments',
        '/notifications',
        '/audit-log',
        '/statement-files',
        '/statement-accounts/unknown',
      ])
        keep(url, await get(url));
      const seen: string[] = [];
      const bad = responses.flatMap(([what, body]) => unscaledAmounts(body, what, 'EUR', seen));
      expect(bad).toEqual([]);
      // the walk saw the amounts of every kind of response, not nothing
      const unseen = ['card', 'refund', 'coupon', 'transfer', 'remittance', '/audit-log'].filter(
        (what) => !seen.some((s) => s.startsWith(`${what} `)),
      );
      expect(unseen).toEqual([]);
      expect(seen.length).toBeGreaterThan(200);
      // e-mails too: every amount followed by its currency has two decimals
      await sys.tick();
      const mailAmounts = sys.smtp.messages.flatMap((m) => [
        ...(m.text ?? '').matchAll(/(-?\d[\d,]*(?:\.\d+)?) (EUR|USD)\b/g),
      ]);
      expect(mailAmounts.length).toBeGreaterThan(5);
      expect(mailAmounts.map((x) => x[0]).filter((x) => !/\.\d{2} [A-Z]{3}$/.test(x))).toEqual([]);
      // CSV too
      for (const url of [
        `/customers/${c.id}/statement?format=csv`,
        `/bills/export.csv?customerId=${c.id}`,
        `/repayments/export.csv?customerId=${c.id}`,
      ]) {
        const csv = (await sys.http().get(url).set(sys.auth)).text;
        const [head, ...rows] = csv.trim().split('\r\n');
        const columns = head.split(',');
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows)
          row.split(',').forEach((cell, i) => {
            if (AMOUNT_KEY.test(columns[i]) && DECIMAL.test(cell)) expect(`${columns[i]}=${cell}`).toMatch(/\.\d{2}$/);
          });
      }
    });

    it('the "account created" e-mail and the bill name the account holder and the bank, not the internal name', async () => {
      const ca = await sys
        .http()
        .post('/collection-accounts')
        .set(sys.auth)
        .send({
          name: 'CHF pot (internal)',
          iban: 'CH9300762011623852957',
          bic: 'POFICHBEXXX',
          accountHolderName: 'Example Cloud AG',
          bankName: 'PostFinance AG',
          currencies: ['CHF'],
        });
      expect(ca.status).toBe(201);
      expect(ca.body).toMatchObject({ accountHolderName: 'Example Cloud AG', bankName: 'PostFinance AG' });
      const c = await post('/customers', { name: 'Franken AG', email: 'franken@customer.example', currency: 'CHF' });
      expect(c.status).toBe(201);
      const va = await post(`/customers/${c.body.id}/virtual-accounts`, { collectionAccountId: ca.body.id });
      expect(va.status).toBe(201);
      const before = sys.smtp.messages.length;
      await sys.tick();
      const mails = await sys.smtp.waitFor(before + 1);
      const mail = mails.find((m) => JSON.stringify(m.to).includes('franken@customer.example'))!;
      expect(mail.text).toMatch(/Account holder:\s+Example Cloud AG/);
      expect(mail.text).toMatch(/Bank:\s+PostFinance AG/);
      expect(mail.text).not.toContain('CHF pot (internal)');
      // and so does the bill
      expect((await charge(c.body.id, '2025-02', '12.00')).status).toBe(201);
      await issue('2025-02');
      const bill = await sys.prisma.bill.findFirstOrThrow({ where: { customerId: c.body.id } });
      const pdf = await sys
        .http()
        .get(`/bills/${bill.id}/pdf`)
        .set(sys.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      const text = pdfText(pdf.body as Buffer);
      expect(text).toContain('Example Cloud AG');
      expect(text).toContain('PostFinance AG');
      expect(text).not.toContain('CHF pot (internal)');
    });

    it('a "funds received" e-mail for a customer in credit says "Credit used", not a negative balance', async () => {
      const c = await sys.customer({
        name: 'Credit Line Mail Ltd',
        email: 'creditline@customer.example',
        creditLimit: '500.00',
      });
      expect((await charge(c.id, '2026-08', '196.00')).status).toBe(201);
      await issue('2026-08'); // paid from the credit line: cash −196.00
      sys.drop(
        'credit-used.xml',
        statementFile([{ ref: 'CU-1', amount: '100.00', creditedAccount: c.virtualAccount }]),
      );
      const before = sys.smtp.messages.length;
      await sys.tick();
      const mails = await sys.smtp.waitFor(before + 1);
      const mail = mails.find(
        (m) => JSON.stringify(m.to).includes('creditline@customer.example') && /received/i.test(m.subject ?? ''),
      )!;
      expect(mail.text).toMatch(/Credit used:\s+96\.00 EUR/);
      expect(mail.text).not.toMatch(/-96/);
    });
  });

  describe('balances item 8: "automatic bill settlement", with the write-off names kept as aliases', () => {
    it('customers take and show autoBillSettlement and settlePastBillsWithRefunds; the old names still work', async () => {
      const fresh = await post('/customers', {
        name: 'New Words Ltd',
        email: 'words@customer.example',
        currency: 'EUR',
        creditControl: true,
        autoBillSettlement: false,
        settlePastBillsWithRefunds: true,
      });
      expect(fresh.status).toBe(201);
      expect(fresh.body).toMatchObject({
        autoBillSettlement: false,
        settlePastBillsWithRefunds: true,
        autoWriteOff: false,
        writeOffPastBills: true,
      });
      const old = await post('/customers', {
        name: 'Old Words Ltd',
        email: 'old@customer.example',
        currency: 'EUR',
        creditControl: true,
        autoWriteOff: false,
      });
      expect(old.body).toMatchObject({ autoBillSettlement: false, autoWriteOff: false });
      const patched = await sys
        .http()
        .patch(`/customers/${old.body.id}`)
        .set(sys.auth)
        .send({ writeOffPastBills: true });
      expect(patched.body).toMatchObject({ settlePastBillsWithRefunds: true });
      const conflicting = await sys
        .http()
        .patch(`/customers/${old.body.id}`)
        .set(sys.auth)
        .send({ autoBillSettlement: true, autoWriteOff: false });
      expect(conflicting.status).toBe(400);
      expect(conflicting.body.error.field).toBe('autoBillSettlement');
      const doc = (await sys.http().get('/api-json').set(sys.auth)).body;
      const schema = doc?.components?.schemas?.CustomerResponse;
      if (schema) {
        expect(schema.properties.autoBillSettlement).toBeDefined();
        expect(schema.properties.autoWriteOff.deprecated).toBe(true);
      }
    });

    it('a bill paid by the sweep reads "automatic bill settlement" in the statement and why-unsettled', async () => {
      const c = await sys.customer({ name: 'Sweep Words Ltd', creditLimit: '100.00' });
      await charge(c.id, '2026-09', '40.00');
      await issue('2026-09');
      const s = (await get(`/customers/${c.id}/statement`)).body;
      const sweep = s.movements.find((m: { kind: string }) => m.kind === 'automatic_bill_settlement');
      expect(sweep).toBeDefined();
      expect(sweep.description).toMatch(/^automatic bill settlement/);
      expect(JSON.stringify(s)).not.toMatch(/write-off/i);
      const off = await sys.customer({ name: 'Sweep Off Ltd', autoBillSettlement: false });
      await charge(off.id, '2026-10', '10.00');
      await issue('2026-10');
      const bill = await sys.prisma.bill.findFirstOrThrow({ where: { customerId: off.id } });
      const why = (await get(`/bills/${bill.id}/why-unsettled`)).body;
      expect(JSON.stringify(why)).toMatch(/automatic bill settlement is off/);
    });
  });
});
