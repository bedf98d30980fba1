import { createHash } from 'node:crypto';
import { buildCamt, type CamtEntrySpec } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';
let fileNo = 0;
const statement = (entries: CamtEntrySpec[]) =>
  buildCamt({ statementId: `Q-${++fileNo}`, account: COLLECTION, entries });
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('remittance voucher: MT103 copy, 1000.00 EUR\n%%EOF\n'),
]);

/**
 * Issue 13, the queue the console works: filters, sorts whose cursors follow them, the counts,
 * "my queue", comments and remittance vouchers, all over the real reconciliation path.
 */
describe('queue: the unmatched queue for account managers', () => {
  let sys: TestSystem;
  let byRef: Map<string, string>;
  let collectionAccountId: string;
  let ownKey: string;

  const list = async (query: Record<string, string | number>) => {
    const res = await sys.http().get('/remittances').query(query).set(sys.auth);
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; bankReference: string }[]; nextCursor: string | null };
  };
  const refsOf = (items: { bankReference: string }[]) => items.map((r) => r.bankReference);
  /** every page of a list, with a small page */
  const allPages = async (query: Record<string, string | number>) => {
    const refs: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 20; n++) {
      const page = await list({ ...query, limit: 2, ...(cursor ? { cursor } : {}) });
      refs.push(...refsOf(page.items));
      if (!page.nextCursor) return refs;
      cursor = page.nextCursor;
    }
    throw new Error('still paging after 20 pages');
  };

  beforeAll(async () => {
    sys = await startSystem();
    sys.drop(
      'queue.xml',
      statement([
        { ref: 'Q-ALPHA', amount: '100.00', remitterName: 'Alpha Trading', ustrd: 'INVOICE 77 ALPHA' },
        { ref: 'Q-BETA', amount: '250.00', remitterName: 'Beta Foods', btc: 'PMNT/RCDT/ESCT' },
        { ref: 'Q-GAMMA', amount: '250.00', remitterName: 'Gamma Holdings' },
        { ref: 'Q-DELTA', amount: '900.00', remitterName: 'Delta Corp', ustrd: 'order 42' },
        { ref: 'Q-EPSILON', amount: '40.00', currency: 'USD', remitterName: 'Epsilon 100% Inc' },
      ]),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ unmatched: 5 });
    const rows = await sys.prisma.$queryRawUnsafe<{ id: string; ref: string }[]>(
      `SELECT r.id::text, e.bank_reference AS ref FROM remittances r JOIN statement_entries e ON e.id = r.entry_id`,
    );
    byRef = new Map(rows.map((r) => [r.ref, r.id]));
    // ages: Alpha 10 days, Beta 5, Gamma 3, Delta 1, Epsilon today
    const ages: Record<string, number> = { 'Q-ALPHA': 10, 'Q-BETA': 5, 'Q-GAMMA': 3, 'Q-DELTA': 1, 'Q-EPSILON': 0 };
    for (const [ref, days] of Object.entries(ages))
      await sys.prisma.$executeRawUnsafe(
        `UPDATE remittances SET created_at = now() - $1::int * interval '1 day' - interval '1 hour' WHERE id = $2::uuid`,
        days,
        byRef.get(ref),
      );
    collectionAccountId = (await sys.http().get('/collection-accounts').set(sys.auth)).body.items[0].id;
    ownKey = await sys.keyFor('account_manager');
  });
  afterAll(() => sys.close());

  it('lists the queue with the new fields: owner, remitter name, rail, collection account, comment count', async () => {
    const { items } = await list({});
    expect(refsOf(items)).toEqual(['Q-ALPHA', 'Q-BETA', 'Q-GAMMA', 'Q-DELTA', 'Q-EPSILON']);
    expect(items[1]).toMatchObject({
      remitterName: 'Beta Foods',
      rail: 'SEPA',
      collectionAccountId,
      owner: null,
      commentCount: 0,
      remittedAmount: '250.00',
    });
  });

  it('filters by amount range, currency, rail, collection account, age and text', async () => {
    expect(refsOf((await list({ minAmount: '100', maxAmount: '250.00' })).items)).toEqual([
      'Q-ALPHA',
      'Q-BETA',
      'Q-GAMMA',
    ]);
    expect(refsOf((await list({ currency: 'USD' })).items)).toEqual(['Q-EPSILON']);
    expect(refsOf((await list({ rail: 'SEPA' })).items)).toEqual(['Q-BETA']);
    expect(refsOf((await list({ collectionAccountId })).items)).toHaveLength(5);
    expect((await list({ collectionAccountId: '0b8f6d3e-1111-4c1c-9a1a-0123456789ab' })).items).toEqual([]);
    expect(refsOf((await list({ minAgeDays: 3 })).items)).toEqual(['Q-ALPHA', 'Q-BETA', 'Q-GAMMA']);
    expect(refsOf((await list({ maxAgeDays: 1 })).items)).toEqual(['Q-DELTA', 'Q-EPSILON']);
    expect(refsOf((await list({ minAgeDays: 2, maxAgeDays: 5 })).items)).toEqual(['Q-BETA', 'Q-GAMMA']);
    // the remittance information, the remitter's name (any case), the bank reference
    expect(refsOf((await list({ q: 'invoice 77' })).items)).toEqual(['Q-ALPHA']);
    expect(refsOf((await list({ q: 'beta' })).items)).toEqual(['Q-BETA']);
    expect(refsOf((await list({ q: 'Q-DEL' })).items)).toEqual(['Q-DELTA']);
    // LIKE's wildcards are text like any other
    expect(refsOf((await list({ q: '100%' })).items)).toEqual(['Q-EPSILON']);
    expect(refsOf((await list({ q: '_' })).items)).toEqual([]);
  });

  it('sorts oldest, newest, by amount down and up, and pages each sort with its own cursor', async () => {
    const oldest = ['Q-ALPHA', 'Q-BETA', 'Q-GAMMA', 'Q-DELTA', 'Q-EPSILON'];
    expect(await allPages({})).toEqual(oldest);
    expect(await allPages({ sort: 'oldest' })).toEqual(oldest);
    expect(await allPages({ sort: 'newest' })).toEqual([...oldest].reverse());
    // equal amounts (Beta, Gamma: 250.00) are ordered by id: both in, once each
    const ties = [byRef.get('Q-BETA')!, byRef.get('Q-GAMMA')!].sort();
    const tieRefs = ties.map((id) => (id === byRef.get('Q-BETA') ? 'Q-BETA' : 'Q-GAMMA'));
    expect(await allPages({ sort: 'amount_desc' })).toEqual([
      'Q-DELTA',
      ...[...tieRefs].reverse(),
      'Q-ALPHA',
      'Q-EPSILON',
    ]);
    expect(await allPages({ sort: 'amount_asc' })).toEqual(['Q-EPSILON', 'Q-ALPHA', ...tieRefs, 'Q-DELTA']);
    // with a filter too
    expect(await allPages({ sort: 'amount_desc', currency: 'EUR', minAmount: '100' })).toEqual([
      'Q-DELTA',
      ...[...tieRefs].reverse(),
      'Q-ALPHA',
    ]);
    // a cursor of one sort is refused by another
    const first = await list({ sort: 'amount_desc', limit: 1 });
    const res = await sys.http().get('/remittances').query({ sort: 'newest', cursor: first.nextCursor! }).set(sys.auth);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ minAmount: 'ten' }, 'minAmount'],
      [{ maxAmount: '-5' }, 'maxAmount'],
      [{ minAmount: '500', maxAmount: '100' }, 'maxAmount'],
      [{ minAgeDays: '-1' }, 'minAgeDays'],
      [{ maxAgeDays: 'old' }, 'maxAgeDays'],
      [{ minAgeDays: '9', maxAgeDays: '2' }, 'maxAgeDays'],
      [{ rail: 'PIGEON' }, 'rail'],
      [{ sort: 'random' }, 'sort'],
      [{ collectionAccountId: 'main' }, 'collectionAccountId'],
      [{ owner: 'x'.repeat(101) }, 'owner'],
      [{ q: 'y'.repeat(201) }, 'q'],
    ];
    for (const [query, field] of cases) {
      const res = await sys.http().get('/remittances').query(query).set(sys.auth);
      expect({ query, status: res.status, field: res.body.error?.field }).toEqual({ query, status: 400, field });
      const summary = await sys.http().get('/remittances/summary').query(query).set(sys.auth);
      if (field !== 'sort') expect({ query, summary: summary.body.error?.field }).toEqual({ query, summary: field });
    }
  });

  it("takes items into 'my queue', gives them to a colleague or back, and counts them", async () => {
    const alpha = byRef.get('Q-ALPHA')!;
    const beta = byRef.get('Q-BETA')!;
    const mine = await sys
      .http()
      .post(`/remittances/${alpha}/owner`)
      .set({ Authorization: `Bearer ${ownKey}` })
      .send({ ownerId: 'me' });
    expect(mine.status).toBe(200);
    expect(mine.body.owner).toMatchObject({ id: expect.stringMatching(/^apikey:/), name: expect.any(String) });
    const me = mine.body.owner.id as string;
    const colleague = await sys
      .http()
      .post(`/remittances/${beta}/owner`)
      .set(sys.auth)
      .send({ ownerId: 'user:6f1c2b7e-0000-4000-8000-000000000001', ownerName: 'Grace Hopper' });
    expect(colleague.body.owner).toEqual({ id: 'user:6f1c2b7e-0000-4000-8000-000000000001', name: 'Grace Hopper' });

    const asMe = (query: Record<string, string>) =>
      sys
        .http()
        .get('/remittances')
        .query(query)
        .set({ Authorization: `Bearer ${ownKey}` });
    expect(refsOf((await asMe({ owner: 'me' })).body.items)).toEqual(['Q-ALPHA']);
    expect(refsOf((await asMe({ owner: 'none' })).body.items)).toEqual(['Q-GAMMA', 'Q-DELTA', 'Q-EPSILON']);
    expect(refsOf((await asMe({ owner: 'user:6f1c2b7e-0000-4000-8000-000000000001' })).body.items)).toEqual(['Q-BETA']);
    expect(refsOf((await asMe({ owner: me })).body.items)).toEqual(['Q-ALPHA']);

    const summary = await sys
      .http()
      .get('/remittances/summary')
      .set({ Authorization: `Bearer ${ownKey}` });
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({
      count: 5,
      oldestCreatedAt: expect.any(String),
      mine: 1,
      unowned: 3,
      byCurrency: [
        { currency: 'EUR', count: 4, amount: '1500.00' },
        { currency: 'USD', count: 1, amount: '40.00' },
      ],
    });
    const oldest = await sys.prisma.remittance.findUniqueOrThrow({ where: { id: alpha } });
    expect(summary.body.oldestCreatedAt).toBe(oldest.createdAt.toISOString());
    const filtered = await sys.http().get('/remittances/summary').query({ rail: 'SEPA' }).set(sys.auth);
    expect(filtered.body).toMatchObject({ count: 1, mine: 0, unowned: 0 });
    const none = await sys.http().get('/remittances/summary').query({ q: 'nobody at all' }).set(sys.auth);
    expect(none.body).toEqual({ count: 0, oldestCreatedAt: null, mine: 0, unowned: 0, byCurrency: [] });

    // back to nobody; a blank owner names the field; audited
    const back = await sys.http().post(`/remittances/${beta}/owner`).set(sys.auth).send({ ownerId: null });
    expect(back.body.owner).toBeNull();
    for (const body of [{ ownerId: '' }, {}, { ownerId: 'z'.repeat(101) }, { ownerId: 7 }]) {
      const bad = await sys.http().post(`/remittances/${beta}/owner`).set(sys.auth).send(body);
      expect({ body, status: bad.status, field: bad.body.error?.field }).toEqual({
        body,
        status: 400,
        field: 'ownerId',
      });
    }
    const audit = await sys.prisma.auditLog.findMany({ where: { action: 'remittance.owner', entityId: beta } });
    expect(audit).toHaveLength(2);
    const member = await sys.keyFor('member', (await sys.customer({ name: 'Member Scope' })).id);
    const forbidden = await sys
      .http()
      .get('/remittances/summary')
      .set({ Authorization: `Bearer ${member}` });
    expect(forbidden.status).toBe(403);
  });

  it('keeps comments in order, counts them on the list and shows them on the detail', async () => {
    const gamma = byRef.get('Q-GAMMA')!;
    const post = (body: object) =>
      sys
        .http()
        .post(`/remittances/${gamma}/comments`)
        .set({ Authorization: `Bearer ${ownKey}` })
        .send(body);
    const first = await post({ body: 'called the remitter' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      authorId: expect.stringMatching(/^apikey:/),
      authorName: expect.any(String),
      body: 'called the remitter',
      createdAt: expect.any(String),
    });
    await post({ body: 'waiting for the voucher' });
    await post({ body: 'third' });
    const blank = await post({ body: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.field).toBe('body');

    const page1 = await sys.http().get(`/remittances/${gamma}/comments`).query({ limit: 2 }).set(sys.auth);
    expect(page1.body.items.map((c: { body: string }) => c.body)).toEqual([
      'called the remitter',
      'waiting for the voucher',
    ]);
    const page2 = await sys
      .http()
      .get(`/remittances/${gamma}/comments`)
      .query({ limit: 2, cursor: page1.body.nextCursor })
      .set(sys.auth);
    expect(page2.body).toEqual({ items: [expect.objectContaining({ body: 'third' })], nextCursor: null });
    expect((await list({ q: 'Gamma' })).items[0]).toMatchObject({ commentCount: 3 });
    const detail = await sys.http().get(`/remittances/${gamma}`).set(sys.auth);
    expect(detail.body.comments.map((c: { body: string }) => c.body)).toEqual([
      'called the remitter',
      'waiting for the voucher',
      'third',
    ]);
    expect(
      (await sys.http().get('/remittances/0b8f6d3e-1111-4c1c-9a1a-0123456789ab/comments').set(sys.auth)).status,
    ).toBe(404);
  });

  it("shows the suggested customers' open bills beside an unmatched item, then the customer's once assigned", async () => {
    const c = await sys.customer({ name: 'Delta Corporation' });
    await sys.bill(c.id, '2026-09', '400.00');
    await sys.bill(c.id, '2026-10', '500.00');
    const delta = byRef.get('Q-DELTA')!;
    const before = await sys.http().get(`/remittances/${delta}`).set(sys.auth);
    expect(before.status).toBe(200);
    expect(before.body.suggestions.map((s: { customerId: string }) => s.customerId)).toContain(c.id);
    const theirs = before.body.openBills.find((b: { customerId: string }) => b.customerId === c.id);
    expect(theirs).toMatchObject({ outstanding: '900.00', more: false });
    expect(theirs.bills.map((b: { billingCycle: string }) => b.billingCycle)).toEqual(['2026-09', '2026-10']);
    const assigned = await sys
      .http()
      .post(`/remittances/${delta}/assign`)
      .set(sys.auth)
      .set('Idempotency-Key', 'assign-delta')
      .send({ customerId: c.id });
    expect(assigned.status).toBe(201);
    const after = await sys.http().get(`/remittances/${delta}`).set(sys.auth);
    expect(after.body.openBills).toEqual([{ customerId: c.id, bills: [], outstanding: '0.00', more: false }]);
  });

  it('keeps a voucher once per content, serves it back, and reimburses a fee citing its reference', async () => {
    const c = await sys.customer({ name: 'Voucher Customer' });
    const alpha = byRef.get('Q-ALPHA')!;
    const upload = (body: Buffer, type: string, filename = 'mt103 copy.pdf') =>
      sys
        .http()
        .post(`/remittances/${alpha}/vouchers`)
        .set({ Authorization: `Bearer ${ownKey}` })
        .set('Content-Type', type)
        .set('X-Filename', encodeURIComponent(filename))
        .send(body);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    const first = await upload(PDF, 'application/pdf', 'Überweisung.pdf');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      reference: `VOUCHER-${sha256.slice(0, 12)}`,
      filename: 'Überweisung.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256,
      uploadedBy: expect.stringMatching(/^apikey:/),
      createdAt: expect.any(String),
      replayed: false,
    });
    const again = await upload(PDF, 'application/pdf', 'other-name.pdf');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, filename: 'Überweisung.pdf', replayed: true });

    const download = await sys
      .http()
      .get(`/remittances/${alpha}/vouchers/${first.body.id}`)
      .set(sys.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^application\/pdf/);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%C3%9Cberweisung.pdf");
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(
      (
        await sys
          .http()
          .get(`/remittances/${byRef.get('Q-BETA')}/vouchers/${first.body.id}`)
          .set(sys.auth)
      ).status,
    ).toBe(404);

    // refused: not a voucher type, a file that is not what it says, nothing at all, too large
    const json = await sys.http().post(`/remittances/${alpha}/vouchers`).set(sys.auth).send({ file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error).toMatchObject({ code: 'VOUCHER_CONTENT_TYPE', field: 'Content-Type' });
    const fake = await upload(Buffer.from('not an image'), 'image/png');
    expect(fake.body.error).toMatchObject({ code: 'VOUCHER_NOT_READABLE', field: 'body' });
    const big = await upload(Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), 'application/pdf');
    expect(big.status).toBe(400);
    expect(big.body.error).toMatchObject({ code: 'BODY_TOO_LARGE', field: 'body' });
    const detail = await sys.http().get(`/remittances/${alpha}`).set(sys.auth);
    expect(detail.body.vouchers).toEqual([
      expect.objectContaining({ id: first.body.id, reference: first.body.reference }),
    ]);

    // the console's next step: credit the item, then reimburse the fee the voucher shows
    await sys
      .http()
      .post(`/remittances/${alpha}/assign`)
      .set(sys.auth)
      .set('Idempotency-Key', 'assign-alpha')
      .send({ customerId: c.id })
      .expect(201);
    const fee = await sys
      .http()
      .post(`/remittances/${alpha}/fee-reimbursements`)
      .set(sys.auth)
      .set('Idempotency-Key', 'fee-alpha')
      .send({ amount: '10.00', voucherReference: first.body.reference });
    expect(fee.status).toBe(201);
    expect(fee.body).toMatchObject({ voucherReference: first.body.reference, amount: '10.00', replayed: false });
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });
  });
});
