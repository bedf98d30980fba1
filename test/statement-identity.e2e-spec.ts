import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Money } from '@remitd/money';
import { buildCamt, type CamtEntrySpec } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';
const NACHA_ACCOUNT = '987654321';
const eur = (s: string) => Money.fromStored(s, 'EUR').toString();

/** A one-entry MT940 statement: `ref` is what `:61:` carries after the type code (customer ref[//bank ref]). */
function mt940(o: { id: string; date: string; amount: string; ref: string; info: string }): string {
  const yymmdd = o.date.slice(2).replace(/-/g, '');
  const amount = o.amount.replace('.', ',');
  return [
    `:20:${o.id}`,
    `:25:${COLLECTION}`,
    `:28C:${o.id.replace(/\D/g, '') || '1'}/1`,
    `:60F:C${yymmdd}EUR0,00`,
    `:61:${yymmdd}${yymmdd.slice(2)}C${amount}NTRF${o.ref}`,
    `:86:${o.info}`,
    `:62F:C${yymmdd}EUR${amount}`,
    '-',
    '',
  ].join('\r\n');
}

/** A one-credit NACHA file built from the project's CCD fixture's records. */
function nacha(o: { modifier: string; effective: string; batch: string; trace: string; cents: number }): string {
  const fixture = readFileSync(path.join(__dirname, 'fixtures/nacha/ccd-credits-addenda05.ach'), 'latin1');
  const [fileHeader, batchHeader, entry] = fixture.split(/\r?\n/);
  const put = (rec: string, from: number, text: string) => rec.slice(0, from) + text + rec.slice(from + text.length);
  const header = put(fileHeader, 33, o.modifier);
  const batch = put(put(batchHeader, 69, o.effective), 87, o.batch.padStart(7, '0'));
  const detail = put(put(put(entry, 29, String(o.cents).padStart(10, '0')), 78, '0'), 79, o.trace);
  const control = (kind: '8' | '9') => `${kind}${'0'.repeat(93)}`;
  return [header, batch, detail, control('8'), control('9'), ''].join('\n');
}

describe('statement entry identity and accounts we do not own (issue 11)', () => {
  let sys: TestSystem;
  let mainCollectionId: string;
  let n = 0;
  const idem = () => `k-${++n}-${Date.now()}`;
  const alerts = (kind: string) => sys.prisma.statementAlert.findMany({ where: { kind } });

  beforeAll(async () => {
    sys = await startSystem();
    mainCollectionId = (await sys.prisma.collectionAccount.findFirstOrThrow({ where: { iban: COLLECTION } })).id;
    const ach = await sys
      .http()
      .post('/collection-accounts')
      .set(sys.auth)
      .send({ name: 'ACH collection', accountNumber: NACHA_ACCOUNT, currencies: ['USD'] });
    expect(ach.status).toBe(201);
  });
  afterEach(async () => {
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });
  });
  afterAll(() => sys.close());

  describe('trust item 1: a second transfer with a repeated weak reference is kept', () => {
    it('camt: two statements whose credits share NtryRef 1 (no AcctSvcrRef) credit 100.00 and 200.00', async () => {
      const c = await sys.customer({ name: 'Weak Ref GmbH' });
      const credit = (amount: string, date: string): CamtEntrySpec => ({
        ref: '1',
        acctSvcrRef: null,
        amount,
        bookingDate: date,
        creditedAccount: c.virtualAccount,
        remitterName: 'Weak Ref GmbH',
      });
      sys.drop(
        'w1.xml',
        buildCamt({ statementId: 'W-1', account: COLLECTION, entries: [credit('100.00', '2026-05-01')] }),
      );
      sys.drop(
        'w2.xml',
        buildCamt({ statementId: 'W-2', account: COLLECTION, entries: [credit('200.00', '2026-05-02')] }),
      );
      const t = await sys.tick();
      expect(t.reconciled).toMatchObject({ credited: 2 });
      expect(eur(await sys.cash(c.id))).toBe('300.00');
      const files = await sys.prisma.statementFile.findMany({ where: { fileName: { in: ['w1.xml', 'w2.xml'] } } });
      expect(files.map((f) => f.newEntryCount)).toEqual([1, 1]);
    });

    it('camt: the same AcctSvcrRef in a camt.052 and the camt.053 is still one entry', async () => {
      const entry: CamtEntrySpec = { ref: 'STRONG-1', amount: '50.00', remitterName: 'Once Only' };
      sys.drop('s1.xml', buildCamt({ kind: 'camt.052', statementId: 'R-S1', account: COLLECTION, entries: [entry] }));
      sys.drop('s2.xml', buildCamt({ statementId: 'S-S1', account: COLLECTION, entries: [entry] }));
      await sys.tick();
      expect(await sys.prisma.statementEntry.count({ where: { bankReference: 'STRONG-1' } })).toBe(1);
    });

    it('camt: an AcctSvcrRef seen again with another amount is kept as its own entry and alerted, once', async () => {
      const c = await sys.customer({ name: 'Collision SA' });
      const credit = (amount: string): CamtEntrySpec => ({
        ref: 'DUP-7',
        amount,
        bookingDate: '2026-05-03',
        creditedAccount: c.virtualAccount,
      });
      sys.drop('d1.xml', buildCamt({ statementId: 'D-1', account: COLLECTION, entries: [credit('100.00')] }));
      await sys.tick();
      sys.drop('d2.xml', buildCamt({ statementId: 'D-2', account: COLLECTION, entries: [credit('250.00')] }));
      await sys.tick();
      // the same second file again under another message id: nothing new, no second alert
      sys.drop('d3.xml', buildCamt({ statementId: 'D-3', account: COLLECTION, entries: [credit('250.00')] }));
      await sys.tick();
      expect(await sys.prisma.statementEntry.count({ where: { bankReference: 'DUP-7' } })).toBe(2);
      expect(eur(await sys.cash(c.id))).toBe('350.00');
      const collisions = (await alerts('entry_key_collision')).filter((a) => a.message.includes('DUP-7'));
      expect(collisions).toHaveLength(1);
      expect(collisions[0].message).toMatch(/already used by another entry \(CRDT 100.*kept as its own entry/);
    });

    it('MT940: a customer reference repeated a month later is two entries; a bank reference seen again with another amount is kept and alerted', async () => {
      sys.drop('m1.sta', mt940({ id: 'M1', date: '2026-05-04', amount: '100.00', ref: 'INV1', info: 'may' }));
      sys.drop('m2.sta', mt940({ id: 'M2', date: '2026-06-04', amount: '200.00', ref: 'INV1', info: 'june' }));
      sys.drop('m3.sta', mt940({ id: 'M3', date: '2026-06-05', amount: '70.00', ref: 'C1//BK-1', info: 'first' }));
      sys.drop('m4.sta', mt940({ id: 'M4', date: '2026-06-05', amount: '70.00', ref: 'C1//BK-1', info: 'same' }));
      sys.drop('m5.sta', mt940({ id: 'M5', date: '2026-06-06', amount: '90.00', ref: 'C2//BK-1', info: 'other' }));
      await sys.tick();
      const inv = await sys.prisma.statementEntry.findMany({ where: { bankReference: 'INV1' } });
      expect(inv.map((e) => e.amount.toString()).sort()).toEqual(['100', '200']);
      const bk = await sys.prisma.statementEntry.findMany({ where: { bankReference: 'BK-1' } });
      expect(bk.map((e) => e.amount.toString()).sort()).toEqual(['70', '90']);
      expect((await alerts('entry_key_collision')).filter((a) => a.message.includes('BK-1'))).toHaveLength(1);
    });

    it('NACHA: a trace number repeated on another effective date is two entries; on the same date and batch with another amount it is kept and alerted', async () => {
      const trace = '112233449999901';
      sys.drop('n1.ach', nacha({ modifier: 'A', effective: '260507', batch: '1', trace, cents: 10000 }));
      sys.drop('n2.ach', nacha({ modifier: 'B', effective: '260508', batch: '1', trace, cents: 20000 }));
      sys.drop('n3.ach', nacha({ modifier: 'C', effective: '260508', batch: '1', trace, cents: 30000 }));
      const t = await sys.tick();
      expect(t.files.map((f) => f.outcome)).toEqual(['ingested', 'ingested', 'ingested']);
      const rows = await sys.prisma.statementEntry.findMany({ where: { bankReference: trace } });
      expect(rows.map((e) => e.amount.toString()).sort()).toEqual(['100', '200', '300']);
      expect((await alerts('entry_key_collision')).filter((a) => a.message.includes(trace))).toHaveLength(1);
    });
  });

  describe('trust item 3: statements for an account we do not own are held until finance decides', () => {
    const FOREIGN = 'GB33BUKB20201555555555';
    const OTHER = 'GB94BARC10201530093459';

    it('holds the entries of an unknown account (visible, not credited) until finance assigns the account; then they are reconciled', async () => {
      const c = await sys.customer({ name: 'Held Ltd' });
      sys.drop(
        'foreign.xml',
        buildCamt({
          statementId: 'F-1',
          account: FOREIGN,
          entries: [{ ref: 'FOR-1', amount: '400.00', creditedAccount: c.virtualAccount, remitterName: 'Held Ltd' }],
        }),
      );
      const t = await sys.tick();
      expect(t.reconciled.processed).toBe(0);
      expect(eur(await sys.cash(c.id))).toBe('0.00');
      const entry = await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'FOR-1' } });
      expect(entry).toMatchObject({ hold: 'unknown_account', collectionAccountId: null });
      expect(await sys.prisma.remittance.count({ where: { entryId: entry.id } })).toBe(0);

      const list = await sys.http().get('/statement-accounts/unknown').set(sys.auth);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ accountKey: FOREIGN, currency: 'EUR', entries: 1, booked: 1, credits: '400.00' }),
      ]);
      const held = await sys.http().get(`/statement-accounts/${FOREIGN}/held-entries`).set(sys.auth);
      expect(held.body.items).toEqual([
        expect.objectContaining({ id: entry.id, amount: '400.00', bankReference: 'FOR-1' }),
      ]);

      const manager = await sys.keyFor('account_manager');
      const denied = await sys
        .http()
        .post(`/statement-accounts/${FOREIGN}/assign`)
        .set({ Authorization: `Bearer ${manager}`, 'Idempotency-Key': idem() })
        .send({ collectionAccountId: mainCollectionId });
      expect(denied.status).toBe(403);

      const finance = await sys.keyFor('finance');
      const key = idem();
      const assign = () =>
        sys
          .http()
          .post(`/statement-accounts/${FOREIGN}/assign`)
          .set({ Authorization: `Bearer ${finance}`, 'Idempotency-Key': key })
          .send({ collectionAccountId: mainCollectionId });
      const ok = await assign();
      expect(ok.status).toBe(201);
      expect(ok.body).toEqual({ accountKey: FOREIGN, collectionAccountId: mainCollectionId, released: 1, queued: 1 });
      const again = await assign();
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(ok.body);
      const audit = await sys.prisma.auditLog.findMany({ where: { action: 'statement_account.assign' } });
      expect(audit).toHaveLength(1);

      const after = await sys.tick();
      expect(after.reconciled).toMatchObject({ credited: 1 });
      expect(eur(await sys.cash(c.id))).toBe('400.00');
      // later statements of the account are read as the collection account's
      sys.drop(
        'foreign-2.xml',
        buildCamt({
          statementId: 'F-2',
          account: FOREIGN,
          entries: [{ ref: 'FOR-2', amount: '5.00', creditedAccount: c.virtualAccount }],
        }),
      );
      await sys.tick();
      expect(eur(await sys.cash(c.id))).toBe('405.00');
    });

    it('never credits the held entries of a file finance rejects, and says who rejected it', async () => {
      const c = await sys.customer({ name: 'Rejected Co' });
      sys.drop(
        'other.xml',
        buildCamt({
          statementId: 'O-1',
          account: OTHER,
          entries: [{ ref: 'OTH-1', amount: '999.00', creditedAccount: c.virtualAccount }],
        }),
      );
      await sys.tick();
      const file = await sys.prisma.statementFile.findFirstOrThrow({ where: { fileName: 'other.xml' } });
      const finance = await sys.keyFor('finance');
      const reject = await sys
        .http()
        .post(`/statement-files/${file.id}/reject`)
        .set({ Authorization: `Bearer ${finance}`, 'Idempotency-Key': idem() })
        .send({ reason: 'not our account' });
      expect(reject.status).toBe(201);
      expect(reject.body).toEqual({ fileId: file.id, rejected: 1, reason: 'not our account' });
      const twice = await sys
        .http()
        .post(`/statement-files/${file.id}/reject`)
        .set({ Authorization: `Bearer ${finance}`, 'Idempotency-Key': idem() })
        .send({ reason: 'again' });
      expect(twice.status).toBe(409);
      // assigning the account afterwards does not revive what was rejected
      const assign = await sys
        .http()
        .post(`/statement-accounts/${OTHER}/assign`)
        .set({ Authorization: `Bearer ${finance}`, 'Idempotency-Key': idem() })
        .send({ collectionAccountId: mainCollectionId });
      expect(assign.body).toMatchObject({ released: 0 });
      await sys.tick();
      expect(eur(await sys.cash(c.id))).toBe('0.00');
      expect(await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'OTH-1' } })).toMatchObject({
        hold: 'rejected',
      });
      expect(await sys.prisma.statementFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({
        rejectionReason: 'not our account',
      });
      expect(await sys.prisma.auditLog.count({ where: { action: 'statement_file.reject', entityId: file.id } })).toBe(
        1,
      );
    });

    it('matches a virtual account only under its own collection account', async () => {
      const c = await sys.customer({ name: 'Own Account AG' });
      const second = await sys
        .http()
        .post('/collection-accounts')
        .set(sys.auth)
        .send({ name: 'Second', iban: 'FR1420041010050500013M02606', currencies: ['EUR'] });
      expect(second.status).toBe(201);
      sys.drop(
        'second.xml',
        buildCamt({
          statementId: 'SEC-1',
          account: 'FR1420041010050500013M02606',
          entries: [{ ref: 'SEC-1', amount: '80.00', creditedAccount: c.virtualAccount }],
        }),
      );
      const t = await sys.tick();
      expect(t.reconciled).toMatchObject({ credited: 0, unmatched: 1 });
      expect(eur(await sys.cash(c.id))).toBe('0.00');
      const entry = await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'SEC-1' } });
      const r = await sys.prisma.remittance.findFirstOrThrow({ where: { entryId: entry.id } });
      expect(r.explanation).toMatch(/virtual account of another collection account/);
    });
  });
});
