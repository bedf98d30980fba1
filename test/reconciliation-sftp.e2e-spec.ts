import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Money } from '@remitd/money';
import { SftpSource } from '@remitd/statement-sources';
import { buildCamt, closingFor, type CamtEntrySpec } from './support/camt-builder';
import { startSftpServer, uploadAsBank, type SftpServerHandle } from './support/sftp-server';
import { startSystem, type TestSystem } from './support/system';

/**
 * The reconciliation path with the bank's real SFTP inbox as the statement source: the bank
 * uploads a camt.053 over SFTP, one turn of the daemon downloads it, ingests it, credits the
 * customers, settles their bills, e-mails them (SMTP) and moves the file to processed/ on the server.
 */

const COLLECTION = 'DE89370400440532013000';
const USER = 'remitd';
const PASSWORD = 'sftp secret for tests';
const eur = (s: string) => Money.fromStored(s, 'EUR').toString();

describe('reconciliation over SFTP: a statement uploaded to the bank inbox ends as credits, settled bills and e-mails', () => {
  let root: string;
  let server: SftpServerHandle;
  let sys: TestSystem;

  const upload = (name: string, content: string) =>
    uploadAsBank(server, { username: USER, password: PASSWORD }, name, content);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'remitd-sftp-bank-'));
    mkdirSync(path.join(root, 'inbox'));
    server = await startSftpServer({ root, username: USER, password: PASSWORD });
    sys = await startSystem({
      sources: () => [
        new SftpSource({
          id: 'bank-sftp',
          ...server.client,
          remoteDir: '/inbox',
          connectTimeoutMs: 10_000,
          retries: 2,
          retryBaseDelayMs: 50,
        }),
      ],
    });
  });
  afterAll(async () => {
    await sys.close(); // closes the SFTP source too
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('downloads, ingests and reconciles the statement, e-mails the customers and moves the file to processed/', async () => {
    const a = await sys.customer({ name: 'Sftp Alpha GmbH', email: 'alpha@sftp.example' });
    const b = await sys.customer({ name: 'Sftp Beta AG', email: 'beta@sftp.example' });
    const a1 = await sys.bill(a.id, '2026-08', '100.00');
    const a2 = await sys.bill(a.id, '2026-09', '200.00');
    const b1 = await sys.bill(b.id, '2026-09', '80.00');
    const entries: CamtEntrySpec[] = [
      {
        ref: 'SFTP-1',
        amount: '230.00',
        charges: '20.00',
        creditedAccount: a.virtualAccount,
        remitterName: 'Sftp Alpha GmbH',
        remitterIban: 'FR1420041010050500013M02606',
      },
      { ref: 'SFTP-2', amount: '100.00', remitterName: 'Beta Treasury', ustrd: `settlement ${b.reference}` },
      { ref: 'SFTP-3', amount: '12.34', remitterName: 'Somebody Unknown', ustrd: 'no idea' },
    ];
    const before = sys.smtp.messages.length;
    await upload(
      '2026-11-02.camt053.xml',
      buildCamt({
        statementId: 'SFTP-STMT-1',
        sequence: 1,
        account: COLLECTION,
        opening: '0.00',
        closing: closingFor('0.00', entries),
        entries,
      }),
    );
    expect(readdirSync(path.join(root, 'inbox'))).toContain('2026-11-02.camt053.xml');

    const t = await sys.tick();
    expect(t.files).toEqual([
      expect.objectContaining({ sourceId: 'bank-sftp', name: '2026-11-02.camt053.xml', outcome: 'ingested' }),
    ]);
    expect(t.reconciled).toMatchObject({ processed: 3, credited: 2, unmatched: 1 });

    // the file is gone from the inbox and sits in processed/ on the server
    expect(readdirSync(path.join(root, 'inbox')).filter((f) => f.endsWith('.xml'))).toEqual([]);
    expect(existsSync(path.join(root, 'inbox', 'processed', '2026-11-02.camt053.xml'))).toBe(true);
    const file = await sys.prisma.statementFile.findFirstOrThrow({ where: { fileName: '2026-11-02.camt053.xml' } });
    expect(file).toMatchObject({ status: 'ingested', format: 'camt.053', entryCount: 3 });

    // Alpha: 230 booked + 20 bank charges = 250 credited; 100 settles the August bill, 150 of September's 200
    const ra = await sys.prisma.remittance.findFirstOrThrow({ where: { customerId: a.id } });
    expect(ra).toMatchObject({ rule: 'virtual_account', state: 'credited' });
    expect(eur(ra.feeReimbursed.toString())).toBe('20.00');
    expect(await sys.prisma.bill.findUniqueOrThrow({ where: { id: a1.id } })).toMatchObject({ status: 'settled' });
    const a2after = await sys.prisma.bill.findUniqueOrThrow({ where: { id: a2.id } });
    expect(a2after.status).toBe('partly_paid');
    expect(eur(a2after.paid.toString())).toBe('150.00');
    expect(eur(await sys.cash(a.id))).toBe('0.00');
    // Beta: found by its customer reference; the bill is settled and 20 stays as balance
    const rb = await sys.prisma.remittance.findFirstOrThrow({ where: { customerId: b.id } });
    expect(rb).toMatchObject({ rule: 'customer_reference', state: 'credited' });
    expect(await sys.prisma.bill.findUniqueOrThrow({ where: { id: b1.id } })).toMatchObject({ status: 'settled' });
    expect(eur(await sys.cash(b.id))).toBe('20.00');
    // the unknown remitter waits in the queue
    const unknown = await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'SFTP-3' } });
    expect(await sys.prisma.remittance.findFirstOrThrow({ where: { entryId: unknown.id } })).toMatchObject({
      state: 'unmatched',
      flags: ['no_rule_matched'],
    });

    // e-mails over SMTP: both customers' "account created" and "payment received"
    expect(t.mail.failed).toBe(0);
    const mails = await sys.smtp.waitFor(before + 4);
    const received = (email: string) =>
      mails.filter((m) => JSON.stringify(m.to).includes(email) && /Payment received/.test(m.subject ?? ''));
    expect(received(a.email)).toHaveLength(1);
    expect(received(a.email)[0].text).toMatch(/250\.00/);
    expect(received(a.email)[0].text).toMatch(/20\.00/);
    expect(received(a.email)[0].text).toContain(`B-202608-${a.reference}`);
    expect(received(b.email)).toHaveLength(1);
    expect(await sys.prisma.notification.count({ where: { status: { not: 'sent' } } })).toBe(0);
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });
  });

  it('takes the same file uploaded again as a duplicate: moved to processed/, nothing credited twice', async () => {
    const c = await sys.customer({ name: 'Sftp Gamma Oy', email: 'gamma@sftp.example' });
    const entries: CamtEntrySpec[] = [{ ref: 'SFTP-G-1', amount: '70.00', creditedAccount: c.virtualAccount }];
    const xml = buildCamt({
      statementId: 'SFTP-STMT-2',
      sequence: 2,
      account: COLLECTION,
      opening: '0.00',
      closing: closingFor('0.00', entries),
      entries,
    });
    await upload('gamma-a.xml', xml);
    expect((await sys.tick()).files).toEqual([expect.objectContaining({ name: 'gamma-a.xml', outcome: 'ingested' })]);
    await upload('gamma-b.xml', xml);
    const t = await sys.tick();
    expect(t.files).toEqual([expect.objectContaining({ name: 'gamma-b.xml', outcome: 'duplicate' })]);
    expect(t.reconciled.processed).toBe(0);
    expect(readdirSync(path.join(root, 'inbox', 'processed')).sort()).toEqual(
      expect.arrayContaining(['gamma-a.xml', 'gamma-b.xml']),
    );
    expect(eur(await sys.cash(c.id))).toBe('70.00');
    expect(await sys.prisma.remittance.count({ where: { customerId: c.id } })).toBe(1);
    // nothing left on the server's inbox, and a turn with nothing to do does nothing
    expect((await sys.tick()).files).toEqual([]);
  });
});
