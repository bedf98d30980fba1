import { Money } from '@remitd/money';
import { buildCamt, type CamtEntrySpec } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';
let fileNo = 0;
const statement = (entries: CamtEntrySpec[]) =>
  buildCamt({ statementId: `S-${++fileNo}`, account: COLLECTION, entries });
const eur = (s: string) => Money.fromStored(s, 'EUR').toString();

describe('reconciliation: from a statement file in the inbox to balances, bills, repayments and e-mail', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startSystem();
  });
  afterEach(async () => {
    // the ledger invariant holds after every scenario
    const report = await sys.verifyLedger();
    expect(report).toMatchObject({ ok: true });
  });
  afterAll(() => sys.close());

  it('credits the full remitted amount when the bank deducted charges, reimbursing the fee, and e-mails the customer', async () => {
    const c = await sys.customer({ name: 'Charges GmbH' });
    sys.drop(
      'charges.xml',
      statement([
        {
          ref: 'CHG-1',
          amount: '975.00',
          charges: '25.00',
          creditedAccount: c.virtualAccount,
          remitterName: 'Charges GmbH',
          remitterIban: 'FR1420041010050500013M02606',
        },
      ]),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ credited: 1, unmatched: 0 });
    expect(eur(await sys.cash(c.id))).toBe('1000.00');
    const r = await sys.prisma.remittance.findFirstOrThrow({ where: { customerId: c.id } });
    expect(r).toMatchObject({ rule: 'virtual_account', state: 'credited' });
    expect(r.explanation).toMatch(
      /credited account DE\d+ is the virtual account of Charges GmbH; bank charges of 25.00 EUR were deducted/,
    );
    expect(eur(r.feeReimbursed.toString())).toBe('25.00');
    const fee = await sys.prisma.ledgerAccount.findUniqueOrThrow({ where: { code: 'system:fee-reimbursement:EUR' } });
    expect(eur(fee.balance.toString())).toBe('-25.00');
    const mail = (await sys.smtp.waitFor(1)).find(
      (m) => m.subject?.match(/received/i) && m.to && JSON.stringify(m.to).includes(c.email),
    );
    expect(mail?.text).toMatch(/1,000\.00/);
    expect(mail?.text).toMatch(/25\.00/);
  });

  it('credits the booked amount plus charges when the remitter instructed another currency', async () => {
    const c = await sys.customer({ name: 'FX Trading' });
    sys.drop(
      'fx.xml',
      statement([
        {
          ref: 'FX-1',
          amount: '910.00',
          charges: '15.00',
          instructed: { amount: '1000.00', currency: 'USD' },
          creditedAccount: c.virtualAccount,
          remitterName: 'FX Trading Inc',
        },
      ]),
    );
    await sys.tick();
    expect(eur(await sys.cash(c.id))).toBe('925.00');
    const r = await sys.prisma.remittance.findFirstOrThrow({ where: { customerId: c.id } });
    expect(r.explanation).toMatch(/instructed 1000.00 USD/);
  });

  it('settles two bills oldest first and partly pays the third', async () => {
    const c = await sys.customer({ name: 'Three Bills SA' });
    const b3 = await sys.bill(c.id, '2026-09', '300.00');
    const b1 = await sys.bill(c.id, '2026-07', '100.00');
    const b2 = await sys.bill(c.id, '2026-08', '200.00');
    sys.drop(
      'bills.xml',
      statement([
        { ref: 'BIL-1', amount: '450.00', creditedAccount: c.virtualAccount, remitterName: 'Three Bills SA' },
      ]),
    );
    await sys.tick();
    const bills = await sys.prisma.bill.findMany({ where: { customerId: c.id } });
    const byId = new Map(bills.map((b) => [b.id, b]));
    expect(byId.get(b1.id)).toMatchObject({ status: 'settled' });
    expect(byId.get(b2.id)).toMatchObject({ status: 'settled' });
    expect(byId.get(b3.id)).toMatchObject({ status: 'partly_paid' });
    expect(eur(byId.get(b3.id)!.paid.toString())).toBe('150.00');
    expect(eur(await sys.cash(c.id))).toBe('0.00');
    const repayments = await sys.prisma.repayment.findMany({
      where: { customerId: c.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(repayments.map((r) => eur(r.amount.toString())).sort()).toEqual(['100.00', '150.00', '200.00']);
    expect(new Set(repayments.map((r) => r.journalEntryId)).size).toBe(1);
    expect(repayments.every((r) => r.method === 'balance' && r.remittanceId)).toBe(true);
  });

  it('leaves an overpayment as cash balance', async () => {
    const c = await sys.customer({ name: 'Overpay Oy' });
    await sys.bill(c.id, '2026-09', '80.00');
    sys.drop('over.xml', statement([{ ref: 'OVR-1', amount: '200.00', creditedAccount: c.virtualAccount }]));
    await sys.tick();
    expect(eur(await sys.cash(c.id))).toBe('120.00');
    const customer = await sys.http().get(`/customers/${c.id}`).set(sys.auth);
    expect(customer.body.cashBalance).toBe('120.00');
  });

  it('queues an unknown remitter, assigns it on request and remembers the account so the next transfer matches by itself', async () => {
    const c = await sys.customer({ name: 'Nordic Widgets AB' });
    await sys.bill(c.id, '2026-10', '500.00');
    sys.drop(
      'unknown.xml',
      statement([
        {
          ref: 'UNK-1',
          amount: '500.00',
          remitterName: 'NORDIC WIDGETS',
          remitterIban: 'SE4550000000058398257466',
          ustrd: 'payment october',
        },
      ]),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ unmatched: 1 });
    const list = await sys.http().get('/remittances').query({ state: 'unmatched' }).set(sys.auth);
    const item = list.body.items.find((i: { bankReference: string }) => i.bankReference === 'UNK-1');
    expect(item).toMatchObject({ flags: ['no_rule_matched'], remittedAmount: '500.00' });
    const detail = await sys.http().get(`/remittances/${item.id}`).set(sys.auth);
    expect(detail.body.rawExcerpt).toMatch(/<Ntry>.*UNK-1/s);
    expect(detail.body.suggestions[0]).toMatchObject({ customerId: c.id });
    expect(detail.body.suggestions.map((s: { reason: string }) => s.reason).join(' ')).toMatch(/resembles|open bill/);

    const am = await sys.keyFor('account_manager');
    const assign = await sys
      .http()
      .post(`/remittances/${item.id}/assign`)
      .set('Authorization', `Bearer ${am}`)
      .set('Idempotency-Key', `assign-${item.id}`)
      .send({ customerId: c.id, rememberRemitterAccount: true, note: 'confirmed by e-mail' });
    expect(assign.status).toBe(201);
    expect(assign.body).toMatchObject({ state: 'credited', rule: 'manual', customerId: c.id });
    expect(assign.body.settled).toHaveLength(1);
    // a retry of the same request changes nothing
    const again = await sys
      .http()
      .post(`/remittances/${item.id}/assign`)
      .set('Authorization', `Bearer ${am}`)
      .set('Idempotency-Key', `assign-${item.id}`)
      .send({ customerId: c.id, rememberRemitterAccount: true, note: 'confirmed by e-mail' });
    expect(again.status).toBe(201);
    expect(eur(await sys.cash(c.id))).toBe('0.00');

    sys.drop(
      'known.xml',
      statement([
        {
          ref: 'UNK-2',
          amount: '42.00',
          remitterName: 'NORDIC WIDGETS',
          remitterIban: 'SE45 5000 0000 0583 9825 7466',
        },
      ]),
    );
    await sys.tick();
    const next = await sys.prisma.remittance.findFirstOrThrow({
      where: { entryId: (await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'UNK-2' } })).id },
    });
    expect(next).toMatchObject({ state: 'credited', rule: 'known_remitter_account', customerId: c.id });
    expect(next.explanation).toMatch(/is known for Nordic Widgets AB/);
    const audit = await sys
      .http()
      .get('/audit-log')
      .query({ entityType: 'remittance', entityId: item.id })
      .set(sys.auth);
    expect(audit.body.items[0]).toMatchObject({ action: 'remittance.assign' });
  });

  it('matches on a customer reference in the remittance information', async () => {
    const c = await sys.customer({ name: 'Reference Ltd' });
    sys.drop(
      'ref.xml',
      statement([
        { ref: 'REF-1', amount: '10.00', ustrd: `invoice for ${c.reference} thanks`, remitterName: 'Someone Else' },
      ]),
    );
    await sys.tick();
    const r = await sys.prisma.remittance.findFirstOrThrow({ where: { customerId: c.id } });
    expect(r).toMatchObject({ rule: 'customer_reference', state: 'credited' });
  });

  it('reverses a returned credit: the bills it settled reopen and the customer is told', async () => {
    const c = await sys.customer({ name: 'Bounce Co' });
    await sys.bill(c.id, '2026-08', '60.00');
    await sys.bill(c.id, '2026-09', '40.00');
    sys.drop(
      'pay.xml',
      statement([
        {
          ref: 'RET-1',
          endToEndId: 'E2E-RET-1',
          amount: '100.00',
          creditedAccount: c.virtualAccount,
          remitterIban: 'GB29NWBK60161331926819',
        },
      ]),
    );
    await sys.tick();
    expect(await sys.prisma.bill.count({ where: { customerId: c.id, status: 'settled' } })).toBe(2);
    sys.drop(
      'return.xml',
      statement([
        {
          ref: 'RET-1-R',
          endToEndId: 'E2E-RET-1',
          amount: '100.00',
          direction: 'DBIT',
          reversal: true,
          returnReason: 'AC04',
          creditedAccount: c.virtualAccount,
        },
      ]),
    );
    const t = await sys.tick();
    expect(t.reconciled.reversals).toBe(1);
    expect(await sys.prisma.bill.count({ where: { customerId: c.id, status: 'unsettled' } })).toBe(2);
    expect(eur(await sys.cash(c.id))).toBe('0.00');
    const r = await sys.prisma.remittance.findFirstOrThrow({ where: { customerId: c.id, state: 'reversed' } });
    expect(r.reversedByEntryId).not.toBeNull();
    expect(await sys.prisma.repayment.count({ where: { customerId: c.id, reversedAt: null } })).toBe(0);
    // one journal made the crediting (the bills took all of it), one undoes it, leg for leg
    const legsOf = async (kind: string) => {
      const j = await sys.prisma.journalEntry.findFirstOrThrow({
        where: { kind, metadata: { path: ['remittanceId'], equals: r.id } },
      });
      const postings = await sys.prisma.posting.findMany({ where: { journalEntryId: j.id } });
      const codes = new Map(
        (
          await sys.prisma.ledgerAccount.findMany({ where: { id: { in: postings.map((p) => p.ledgerAccountId) } } })
        ).map((a) => [a.id, a.code.split(':').slice(0, -1).join(':').replace(c.id, 'C')]),
      );
      return postings.map((p) => `${codes.get(p.ledgerAccountId)} ${p.amount.toFixed(2)}`).sort();
    };
    const credit = await legsOf('remittance_credit');
    expect(credit).toEqual([
      expect.stringMatching(/^customer:C:receivable 100.00$/),
      expect.stringMatching(/^system:bank:.* -100.00$/),
    ]);
    expect(await legsOf('credit_reversal')).toEqual(
      credit
        .map((l) => l.replace(/ (-?)([\d.]+)$/, (_m, minus: string, n: string) => ` ${minus ? '' : '-'}${n}`))
        .sort(),
    );
    expect(await sys.prisma.repayment.count({ where: { customerId: c.id, reversalJournalId: { not: null } } })).toBe(2);
    const mails = await sys.smtp.waitFor(1);
    expect(
      mails.some((m) => JSON.stringify(m.to).includes(c.email) && /returned|reversed/i.test(m.subject ?? '')),
    ).toBe(true);
  });

  it('ingests and credits the same file dropped twice once', async () => {
    const c = await sys.customer({ name: 'Twice Inc' });
    const xml = statement([{ ref: 'TWICE-1', amount: '70.00', creditedAccount: c.virtualAccount }]);
    sys.drop('twice-a.xml', xml);
    await sys.tick();
    sys.drop('twice-b.xml', xml);
    const t = await sys.tick();
    expect(t.files[0].outcome).toBe('duplicate');
    expect(eur(await sys.cash(c.id))).toBe('70.00');
    expect(await sys.prisma.remittance.count({ where: { customerId: c.id } })).toBe(1);
  });

  it('flags cash and cheque deposits, foreign currencies and fees above the cap instead of crediting them', async () => {
    const c = await sys.customer({ name: 'Flags Ltd' });
    sys.drop(
      'flags.xml',
      statement([
        { ref: 'CASH-1', amount: '300.00', btc: 'PMNT/CNTR/CDPT', creditedAccount: c.virtualAccount },
        { ref: 'CHQ-1', amount: '300.00', btc: 'PMNT/RCHQ/CCHQ', creditedAccount: c.virtualAccount },
        { ref: 'GBP-1', amount: '300.00', currency: 'GBP', creditedAccount: c.virtualAccount },
        { ref: 'FEE-1', amount: '100.00', charges: '90.00', creditedAccount: c.virtualAccount },
        { ref: 'DEB-1', amount: '5.00', direction: 'DBIT' },
      ]),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ unmatched: 4, debits: 1, credited: 0 });
    const flags = async (ref: string) =>
      (
        await sys.prisma.remittance.findFirstOrThrow({
          where: { entryId: (await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: ref } })).id },
        })
      ).flags;
    expect(await flags('CASH-1')).toEqual(['cash_deposit']);
    expect(await flags('CHQ-1')).toEqual(['cheque_deposit']);
    expect(await flags('GBP-1')).toEqual(['currency_not_held']);
    expect(await flags('FEE-1')).toEqual(['fee_above_cap']);
    expect(eur(await sys.cash(c.id))).toBe('0.00');
    const suspense = await sys.prisma.ledgerAccount.findUniqueOrThrow({ where: { code: 'system:suspense:EUR' } });
    expect(Money.fromStored(suspense.balance.toString(), 'EUR').isPositive()).toBe(true);
  });

  it('splits an unmatched remittance across two customers', async () => {
    const a = await sys.customer({ name: 'Split A' });
    const b = await sys.customer({ name: 'Split B' });
    sys.drop('split.xml', statement([{ ref: 'SPL-1', amount: '1000.00', remitterName: 'Group Treasury' }]));
    await sys.tick();
    const list = await sys.http().get('/remittances').set(sys.auth);
    const item = list.body.items.find((i: { bankReference: string }) => i.bankReference === 'SPL-1');
    const bad = await sys
      .http()
      .post(`/remittances/${item.id}/split`)
      .set(sys.auth)
      .set('Idempotency-Key', `bad-${item.id}`)
      .send({
        parts: [
          { customerId: a.id, amount: '600.00' },
          { customerId: b.id, amount: '300.00' },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/sum to 900.00 but the remittance is 1000.00/);
    const res = await sys
      .http()
      .post(`/remittances/${item.id}/split`)
      .set(sys.auth)
      .set('Idempotency-Key', `split-${item.id}`)
      .send({
        parts: [
          { customerId: a.id, amount: '600.00' },
          { customerId: b.id, amount: '400.00' },
        ],
      });
    expect(res.status).toBe(201);
    expect(eur(await sys.cash(a.id))).toBe('600.00');
    expect(eur(await sys.cash(b.id))).toBe('400.00');
  });

  it('records a fee reimbursement against a voucher, once, bounded by the cap', async () => {
    const c = await sys.customer({ name: 'Voucher BV' });
    sys.drop('voucher.xml', statement([{ ref: 'VOU-1', amount: '485.00', creditedAccount: c.virtualAccount }]));
    await sys.tick();
    const r = await sys.prisma.remittance.findFirstOrThrow({ where: { customerId: c.id } });
    const post = (amount: string, key: string) =>
      sys
        .http()
        .post(`/remittances/${r.id}/fee-reimbursements`)
        .set(sys.auth)
        .set('Idempotency-Key', key)
        .send({ amount, voucherReference: 'MT103-COPY-1' });
    expect((await post('15.00', 'v1')).status).toBe(201);
    expect((await post('15.00', 'v2')).body.replayed).toBe(true);
    expect(eur(await sys.cash(c.id))).toBe('500.00');
    const over = await sys
      .http()
      .post(`/remittances/${r.id}/fee-reimbursements`)
      .set(sys.auth)
      .set('Idempotency-Key', 'v3')
      .send({ amount: '45.00', voucherReference: 'OTHER' });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('FEE_ABOVE_CAP');
  });

  it('lets two reconcilers race over the same pending entries without crediting any twice', async () => {
    const customers = await Promise.all(Array.from({ length: 5 }, (_, i) => sys.customer({ name: `Race ${i}` })));
    const entries = Array.from({ length: 400 }, (_, i) => ({
      ref: `RACE-${i}`,
      amount: '1.00',
      creditedAccount: customers[i % 5].virtualAccount,
    }));
    sys.drop('race.xml', statement(entries));
    await sys.reconciler.ctx.get((await import('@remitd/statement-sources')).PollStatementSourcesUseCase).execute();
    const { ReconcileEntriesUseCase } = await import('@remitd/reconciliation');
    const use = sys.reconciler.ctx.get(ReconcileEntriesUseCase);
    const results = await Promise.all([use.drain(50), use.drain(50), use.drain(50)]);
    expect(results.reduce((s, r) => s + r.credited, 0)).toBe(400);
    for (const c of customers) expect(eur(await sys.cash(c.id))).toBe('80.00');
  });

  it('defers the entries of a customer another transaction holds instead of waiting, and credits them once it ends', async () => {
    const busy = await sys.customer({ name: 'Busy Ltd' });
    const free = await sys.customer({ name: 'Free Ltd' });
    sys.drop(
      'busy.xml',
      statement([
        { ref: 'BUSY-1', amount: '10.00', creditedAccount: busy.virtualAccount },
        { ref: 'FREE-1', amount: '20.00', creditedAccount: free.virtualAccount },
      ]),
    );
    await sys.reconciler.ctx.get((await import('@remitd/statement-sources')).PollStatementSourcesUseCase).execute();
    const { ReconcileEntriesUseCase } = await import('@remitd/reconciliation');
    const use = sys.reconciler.ctx.get(ReconcileEntriesUseCase);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // another transaction (say a manual payment) holds the busy customer's cash account
    const holder = sys.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM ledger_accounts WHERE code = ${`customer:${busy.id}:cash:EUR`} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const first = await use.batch(10);
    expect(first).toMatchObject({ processed: 1, credited: 1, deferred: 1 });
    expect(eur(await sys.cash(free.id))).toBe('20.00');
    const pending = await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'BUSY-1' } });
    expect(await sys.prisma.reconcileQueueItem.count({ where: { entryId: pending.id } })).toBe(1);
    expect(await sys.prisma.remittance.count({ where: { entryId: pending.id } })).toBe(0);
    release();
    await holder;
    expect(await use.drain(10)).toMatchObject({ credited: 1 });
    expect(eur(await sys.cash(busy.id))).toBe('10.00');
  });
});
