import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaService } from '@remitd/persistence';
import { LocalDirSource, PollStatementSourcesUseCase, StatementSourcesModule } from '@remitd/statement-sources';
import { createTestContext } from './support/test-app';
import { buildCamt, closingFor, type CamtEntrySpec } from './support/camt-builder';

const ACCOUNT = 'DE89370400440532013000';

function credits(n: number, prefix: string): CamtEntrySpec[] {
  return Array.from({ length: n }, (_, i) => ({
    ref: `${prefix}-${i}`,
    amount: `${100 + i}.25`,
    remitterName: `Remitter ${i}`,
    remitterIban: 'GB29NWBK60161331926819',
    ustrd: `invoice ${i}`,
  }));
}

describe('statement ingestion from a local inbox, exactly once', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let inbox: string;
  let poll: PollStatementSourcesUseCase;
  let prisma: PrismaService;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'remitd-ingest-'));
    inbox = path.join(dir, 'inbox');
    t = await createTestContext([
      StatementSourcesModule.forRoot({ dataDir: dir, sources: [new LocalDirSource({ id: 'inbox', dir: inbox })] }),
    ]);
    poll = t.get(PollStatementSourcesUseCase);
    prisma = t.get(PrismaService);
    await prisma.collectionAccount.create({
      data: { name: 'Main', iban: ACCOUNT, accountNumber: '0532013000', currencies: ['EUR'] },
    });
    await poll.execute(); // creates the inbox folders
  });
  afterAll(() => t.close());

  const drop = (name: string, content: string | Buffer) => writeFileSync(path.join(inbox, name), content);
  const entryCount = () => prisma.statementEntry.count();

  it('ingests a dropped camt.053, stores the raw file and moves it to processed/', async () => {
    const entries = credits(5, 'A');
    drop(
      'day1.xml',
      buildCamt({
        statementId: 'S1',
        sequence: 1,
        account: ACCOUNT,
        opening: '0.00',
        closing: closingFor('0.00', entries),
        entries,
      }),
    );
    const [r] = await poll.execute();
    expect(r).toMatchObject({ name: 'day1.xml', outcome: 'ingested' });
    expect(await entryCount()).toBe(5);
    expect(readdirSync(path.join(inbox, 'processed'))).toContain('day1.xml');
    const file = await prisma.statementFile.findFirstOrThrow({ where: { fileName: 'day1.xml' } });
    expect(file).toMatchObject({ status: 'ingested', format: 'camt.053', entryCount: 5, newEntryCount: 5 });
    expect(existsSync(file.storedPath)).toBe(true);
    const e = await prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'A-3' } });
    expect(e.amount.toString()).toBe('103.25');
    expect(e.collectionAccountId).not.toBeNull();
  });

  it('ingests the same file dropped twice once', async () => {
    const entries = credits(3, 'B');
    const xml = buildCamt({
      statementId: 'S2',
      sequence: 2,
      account: ACCOUNT,
      opening: '0.00',
      closing: closingFor('0.00', entries),
      entries,
    });
    drop('day2.xml', xml);
    await poll.execute();
    const before = await entryCount();
    drop('day2-again.xml', xml);
    const [r] = await poll.execute();
    expect(r.outcome).toBe('duplicate');
    expect(await entryCount()).toBe(before);
    expect(readdirSync(path.join(inbox, 'processed'))).toContain('day2-again.xml');
  });

  it('makes the transfer seen in a camt.052 and later in the camt.053 one entry, moved forward to booked', async () => {
    drop(
      'intraday.xml',
      buildCamt({
        kind: 'camt.052',
        statementId: 'R1',
        account: ACCOUNT,
        entries: [{ ref: 'X-1', amount: '900.00', status: 'PDNG', remitterName: 'Early Bird' }],
      }),
    );
    await poll.execute();
    const pending = await prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'X-1' } });
    expect(pending.status).toBe('PDNG');
    // not booked yet: nothing to reconcile
    expect(await prisma.reconcileQueueItem.count({ where: { entryId: pending.id } })).toBe(0);
    const entries: CamtEntrySpec[] = [{ ref: 'X-1', amount: '900.00', remitterName: 'Early Bird' }];
    drop(
      'eod.xml',
      buildCamt({ statementId: 'S3', sequence: 3, account: ACCOUNT, opening: '0.00', closing: '900.00', entries }),
    );
    await poll.execute();
    const rows = await prisma.statementEntry.findMany({ where: { bankReference: 'X-1' } });
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('BOOK');
    expect(await prisma.reconcileQueueItem.count({ where: { entryId: rows[0].id } })).toBe(1);
  });

  it("books only the same transfer: a booked entry of another amount under a pending one's reference is kept as its own entry", async () => {
    drop(
      'intraday-2.xml',
      buildCamt({
        kind: 'camt.052',
        statementId: 'R2',
        account: ACCOUNT,
        entries: [{ ref: 'X-2', amount: '400.00', status: 'PDNG', remitterName: 'Pending Co' }],
      }),
    );
    await poll.execute();
    drop(
      'eod-2.xml',
      buildCamt({
        statementId: 'S4',
        account: ACCOUNT,
        entries: [{ ref: 'X-2', amount: '410.00', remitterName: 'Other Co' }],
      }),
    );
    await poll.execute();
    const rows = await prisma.statementEntry.findMany({ where: { bankReference: 'X-2' }, orderBy: { amount: 'asc' } });
    expect(rows.map((r) => [r.amount.toFixed(2), r.status])).toEqual([
      ['400.00', 'PDNG'],
      ['410.00', 'BOOK'],
    ]);
    expect(await prisma.reconcileQueueItem.count({ where: { entryId: rows[0].id } })).toBe(0);
    expect(await prisma.reconcileQueueItem.count({ where: { entryId: rows[1].id } })).toBe(1);
    const alert = await prisma.statementAlert.findFirstOrThrow({
      where: { kind: 'entry_key_collision', message: { contains: 'X-2' } },
    });
    expect(alert.message).toMatch(/already used by another entry \(CRDT 400.*kept as its own entry/);
  });

  it('quarantines a file that breaks half-way with the reason and keeps nothing of it', async () => {
    const good = credits(4000, 'Q');
    const xml = buildCamt({ statementId: 'S4', account: ACCOUNT, opening: '0.00', entries: good }).replace(
      '<Amt Ccy="EUR">3900.25</Amt>',
      '<Amt Ccy="EUR">39OO.25</Amt>',
    );
    drop('broken.xml', xml);
    const before = await entryCount();
    const [r] = await poll.execute();
    expect(r.outcome).toBe('quarantined');
    expect(r.detail).toMatch(/broken.xml.*Amt|amount/i);
    expect(await entryCount()).toBe(before);
    expect(readdirSync(path.join(inbox, 'failed'))).toEqual(
      expect.arrayContaining(['broken.xml', 'broken.xml.reason.txt']),
    );
    expect(readFileSync(path.join(inbox, 'failed', 'broken.xml.reason.txt'), 'utf8')).toMatch(/line \d+/);
    const f = await prisma.statementFile.findFirstOrThrow({ where: { fileName: 'broken.xml' } });
    expect(f.status).toBe('quarantined');
  });

  it('quarantines a file with an amount too large to store instead of retrying it forever', async () => {
    const entries = [...credits(3, 'BIG'), { ref: 'BIG-X', amount: '12345678901234567.00' }];
    drop('huge.xml', buildCamt({ statementId: 'S-BIG', account: ACCOUNT, opening: '0.00', entries }));
    const before = await entryCount();
    const [r] = await poll.execute();
    expect(r.outcome).toBe('quarantined');
    expect(r.detail).toMatch(/larger than any amount remitd stores/);
    expect(await entryCount()).toBe(before);
  });

  it('records balance breaks, sequence gaps and unbalanced statements as alerts and still ingests the entries', async () => {
    const e1 = credits(2, 'C1');
    drop(
      'c1.xml',
      buildCamt({
        statementId: 'C1',
        sequence: 10,
        date: '2026-11-10',
        account: ACCOUNT,
        opening: '1000.00',
        closing: closingFor('1000.00', e1),
        entries: e1,
      }),
    );
    await poll.execute();
    const e2 = credits(2, 'C2');
    // opening should be the previous closing (1201.50); sequence jumps 10 → 12; closing is wrong too
    drop(
      'c2.xml',
      buildCamt({
        statementId: 'C2',
        sequence: 12,
        date: '2026-11-11',
        account: ACCOUNT,
        opening: '1200.00',
        closing: '9.99',
        entries: e2,
      }),
    );
    await poll.execute();
    const c2 = await prisma.statementFile.findFirstOrThrow({ where: { fileName: 'c2.xml' } });
    const alerts = await prisma.statementAlert.findMany({ where: { fileId: c2.id } });
    const kinds = alerts.map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['balance_break', 'sequence_gap', 'unbalanced_statement']));
    expect(alerts.find((a) => a.kind === 'balance_break')!.message).toMatch(
      /1200.00 ≠ previous closing balance 1201.50/,
    );
    expect(await prisma.statementEntry.count({ where: { bankReference: { startsWith: 'C2-' } } })).toBe(2);
  });

  it('lets two replicas poll the same inbox: each file is ingested once', async () => {
    const entries = credits(300, 'R');
    drop(
      'replica.xml',
      buildCamt({
        statementId: 'S9',
        account: ACCOUNT,
        opening: '0.00',
        closing: closingFor('0.00', entries),
        entries,
      }),
    );
    const before = await entryCount();
    const results = await Promise.all([poll.execute(), poll.execute(), poll.execute()]);
    const outcomes = results
      .flat()
      .filter((r) => r.name === 'replica.xml')
      .map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'ingested')).toHaveLength(1);
    expect(await entryCount()).toBe(before + 300);
    expect(await prisma.statementFile.count({ where: { fileName: 'replica.xml' } })).toBe(1);
  });
});
