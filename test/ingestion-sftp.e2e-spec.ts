import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { PrismaService } from '@remitd/persistence';
import {
  LocalDirSource,
  PollStatementSourcesUseCase,
  SftpSource,
  StatementSourcesModule,
  type SftpSourceOptions,
  type StatementSource,
} from '@remitd/statement-sources';
import { RawFileStore } from '@remitd/statements';
import { buildCamt, closingFor, type CamtEntrySpec } from './support/camt-builder';
import { fingerprintOf, generateHostKey, sftpServerForSuite, SFTP_TEST_ACCOUNT } from './support/sftp-server';
import { createTestContext } from './support/test-app';

/**
 * Statement ingestion from a bank's SFTP inbox, end to end: a real SFTP server (ssh2, in
 * process, serving a temp directory), the real poller and ingestion, a real PostgreSQL.
 */

const ACCOUNT = SFTP_TEST_ACCOUNT;
const sftp = sftpServerForSuite('remitd-sftp-ingest-');

afterEach(() => {
  sftp.server.setDropAfterBytes(undefined);
  jest.restoreAllMocks();
});

function credits(n: number, prefix: string): CamtEntrySpec[] {
  return Array.from({ length: n }, (_, i) => ({
    ref: `${prefix}-${i}`,
    amount: `${100 + i}.50`,
    remitterName: `Remitter ${prefix} ${i}`,
    remitterIban: 'GB29NWBK60161331926819',
    ustrd: `invoice ${prefix}-${i} customer VA-${String(i).padStart(6, '0')}`,
  }));
}

function statement(id: string, entries: CamtEntrySpec[]): string {
  return buildCamt({
    statementId: id,
    account: ACCOUNT,
    opening: '0.00',
    closing: closingFor('0.00', entries),
    entries,
  });
}

/** A remote inbox of its own for each scenario: `<root>/<name>`, seen by the client as `/<name>`. */
async function remoteInbox(name: string): Promise<{ dir: string; remoteDir: string }> {
  const dir = path.join(sftp.root, name);
  await mkdir(dir, { recursive: true });
  return { dir, remoteDir: `/${name}` };
}

async function putRemote(dir: string, name: string, content: string, mtimeSec?: number): Promise<void> {
  await writeFile(path.join(dir, name), content);
  if (mtimeSec !== undefined) await utimes(path.join(dir, name), mtimeSec, mtimeSec);
}

/** regular files directly in dir (not processed/ and failed/) */
async function filesIn(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

function sftpSource(remoteDir: string, overrides: Partial<SftpSourceOptions> = {}): SftpSource {
  return new SftpSource({
    id: 'bank-sftp',
    ...sftp.server.client,
    remoteDir,
    connectTimeoutMs: 5_000,
    retries: 1,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    operationTimeoutMs: 20_000,
    ...overrides,
  });
}

/** a fingerprint that is not the server's: the pin of some other host */
const wrongPin = () => fingerprintOf(generateHostKey().publicKey);

/** Poller + ingestion over the given sources, on a database of its own. */
async function ingestion(sources: StatementSource[]) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'remitd-sftp-data-'));
  const t = await createTestContext([StatementSourcesModule.forRoot({ dataDir, sources })]);
  const prisma = t.get(PrismaService);
  await prisma.collectionAccount.create({
    data: { name: 'Main', iban: ACCOUNT, accountNumber: '0532013000', currencies: ['EUR'] },
  });
  return {
    poll: t.get(PollStatementSourcesUseCase),
    prisma,
    store: t.get(RawFileStore),
    close: async () => {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** errors the poller logs (one broken source is logged, not thrown) */
function captureErrors(): string[] {
  const messages: string[] = [];
  jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
    messages.push(String(message));
  });
  return messages;
}

describe('statement ingestion from a bank SFTP inbox (real SFTP server, real PostgreSQL)', () => {
  it('ingests the files in the remote inbox and moves them to processed/ on the server', async () => {
    const { dir, remoteDir } = await remoteInbox('happy');
    await putRemote(dir, 'stmt-day1.xml', statement('S-1', credits(7, 'H1')), 1_790_000_000);
    await putRemote(dir, 'stmt-day2.xml', statement('S-2', credits(5, 'H2')), 1_790_000_100);
    const app = await ingestion([sftpSource(remoteDir)]);
    try {
      const polled = await app.poll.execute();
      expect(polled).toEqual([
        { sourceId: 'bank-sftp', name: 'stmt-day1.xml', outcome: 'ingested', detail: undefined },
        { sourceId: 'bank-sftp', name: 'stmt-day2.xml', outcome: 'ingested', detail: undefined },
      ]);

      expect(await filesIn(dir)).toEqual([]);
      expect(await filesIn(path.join(dir, 'processed'))).toEqual(['stmt-day1.xml', 'stmt-day2.xml']);

      const files = await app.prisma.statementFile.findMany({ orderBy: { fileName: 'asc' } });
      expect(files.map((f) => [f.fileName, f.sourceId, f.status, f.entryCount, f.newEntryCount])).toEqual([
        ['stmt-day1.xml', 'bank-sftp', 'ingested', 7, 7],
        ['stmt-day2.xml', 'bank-sftp', 'ingested', 5, 5],
      ]);
      // the raw bytes are kept, content-addressed, exactly as the bank sent them
      const raw = await readFile(files[0].storedPath);
      expect(raw.equals(await readFile(path.join(dir, 'processed', 'stmt-day1.xml')))).toBe(true);
      expect(files[0].sha256).toBe(createHash('sha256').update(raw).digest('hex'));

      expect(await app.prisma.statementEntry.count()).toBe(12);
      const entry = await app.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'H1-3' } });
      expect(entry).toMatchObject({
        currency: 'EUR',
        direction: 'CRDT',
        status: 'BOOK',
        remitterName: 'Remitter H1 3',
      });
      expect(entry.amount.toString()).toBe('103.5');
      expect(entry.collectionAccountId).not.toBeNull();

      // nothing left to do: the next poll lists nothing and ingests nothing
      expect(await app.poll.execute()).toEqual([]);
      expect(await app.prisma.statementEntry.count()).toBe(12);
    } finally {
      await app.close();
    }
  });

  it('refuses a server whose host key does not match the pin: nothing is ingested, the file stays in the inbox', async () => {
    const { dir, remoteDir } = await remoteInbox('wrong-key');
    const xml = statement('S-K', credits(3, 'K'));
    await putRemote(dir, 'stmt.xml', xml);
    const source = sftpSource(remoteDir, { hostKeySha256: wrongPin() });
    const app = await ingestion([source]);
    try {
      const errors = captureErrors();
      const authBefore = sftp.server.authAttempts;

      expect(await app.poll.execute()).toEqual([]);

      expect(errors.join('\n')).toMatch(/statement source bank-sftp failed \[HOST_KEY_MISMATCH\]/);
      expect(errors.join('\n')).toContain(sftp.server.hostKeyFingerprint); // names the key the server presented
      await expect(source.list()).rejects.toMatchObject({ code: 'HOST_KEY_MISMATCH', retryable: false });
      expect(sftp.server.authAttempts).toBe(authBefore); // the password never went to the impostor
      expect(await filesIn(dir)).toEqual(['stmt.xml']);
      expect(await readFile(path.join(dir, 'stmt.xml'), 'utf8')).toBe(xml);
      expect(existsSync(path.join(dir, 'processed'))).toBe(false);
      expect(await app.prisma.statementFile.count()).toBe(0);
      expect(await app.prisma.statementEntry.count()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('leaves nothing half-ingested when the server drops the connection mid-download, and ingests the file once when it is healthy again', async () => {
    const { dir, remoteDir } = await remoteInbox('flaky');
    const xml = statement('S-F', credits(400, 'F'));
    expect(Buffer.byteLength(xml)).toBeGreaterThan(200_000);
    await putRemote(dir, 'big.xml', xml);
    const sha256 = createHash('sha256').update(xml).digest('hex');
    const app = await ingestion([sftpSource(remoteDir)]);
    try {
      sftp.server.setDropAfterBytes(100_000);
      const dropsBefore = sftp.server.drops;

      const [failed] = await app.poll.execute();
      expect(failed).toMatchObject({ sourceId: 'bank-sftp', name: 'big.xml', outcome: 'error' });
      expect(failed.detail).toMatch(/connection lost|INCOMPLETE|received \d+ bytes|unreachable/i);
      expect(sftp.server.drops).toBeGreaterThan(dropsBefore);

      expect(await app.prisma.statementFile.count()).toBe(0);
      expect(await app.prisma.statement.count()).toBe(0);
      expect(await app.prisma.statementEntry.count()).toBe(0);
      expect(existsSync(app.store.pathFor(sha256))).toBe(false); // not even the raw copy of a partial download
      expect(await filesIn(dir)).toEqual(['big.xml']);
      expect(await readFile(path.join(dir, 'big.xml'), 'utf8')).toBe(xml);

      sftp.server.setDropAfterBytes(undefined);
      const [ok] = await app.poll.execute();
      expect(ok).toMatchObject({ name: 'big.xml', outcome: 'ingested' });
      expect(await app.poll.execute()).toEqual([]);

      const files = await app.prisma.statementFile.findMany();
      expect(files).toHaveLength(1);
      expect(files[0]).toMatchObject({ sha256, status: 'ingested', entryCount: 400, newEntryCount: 400 });
      expect(await app.prisma.statementEntry.count()).toBe(400);
      expect(await filesIn(dir)).toEqual([]);
      expect(await filesIn(path.join(dir, 'processed'))).toEqual(['big.xml']);
    } finally {
      await app.close();
    }
  });

  it('moves a malformed file to failed/ on the server with its reason file', async () => {
    const { dir, remoteDir } = await remoteInbox('malformed');
    const broken = statement('S-M', credits(50, 'M')).replace(
      '<Amt Ccy="EUR">130.50</Amt>',
      '<Amt Ccy="EUR">13O.50</Amt>',
    );
    expect(broken).toContain('13O.50');
    await putRemote(dir, 'broken.xml', broken);
    const app = await ingestion([sftpSource(remoteDir)]);
    try {
      const [r] = await app.poll.execute();
      expect(r).toMatchObject({ sourceId: 'bank-sftp', name: 'broken.xml', outcome: 'quarantined' });

      expect(await filesIn(dir)).toEqual([]);
      expect(await filesIn(path.join(dir, 'failed'))).toEqual(['broken.xml', 'broken.xml.reason.txt']);
      expect(await readFile(path.join(dir, 'failed', 'broken.xml'), 'utf8')).toBe(broken);
      const reason = await readFile(path.join(dir, 'failed', 'broken.xml.reason.txt'), 'utf8');
      expect(reason).toContain(r.detail!);
      expect(reason).toMatch(/broken\.xml.*line \d+/);
      expect(reason).toMatch(/source: bank-sftp/);

      const file = await app.prisma.statementFile.findFirstOrThrow({ where: { fileName: 'broken.xml' } });
      expect(file).toMatchObject({ status: 'quarantined', sourceId: 'bank-sftp' });
      expect(file.error).toBe(r.detail);
      expect(await app.prisma.statementEntry.count()).toBe(0);
      expect(await app.prisma.statement.count()).toBe(0);

      // the same bytes uploaded again are recognised and go straight to failed/
      await putRemote(dir, 'broken-again.xml', broken);
      const [again] = await app.poll.execute();
      expect(again).toMatchObject({ name: 'broken-again.xml', outcome: 'duplicate' });
      expect(await filesIn(path.join(dir, 'failed'))).toEqual(
        expect.arrayContaining(['broken-again.xml', 'broken-again.xml.reason.txt']),
      );
      expect(await app.prisma.statementFile.count()).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('keeps ingesting from a healthy local inbox when an SFTP source configured before it is broken', async () => {
    const { dir, remoteDir } = await remoteInbox('broken-neighbour');
    await putRemote(dir, 'remote.xml', statement('S-R', credits(2, 'R')));
    const local = await mkdtemp(path.join(tmpdir(), 'remitd-local-inbox-'));
    const broken = sftpSource(remoteDir, { id: 'bank-broken', hostKeySha256: wrongPin() });
    const app = await ingestion([broken, new LocalDirSource({ id: 'local', dir: local })]);
    try {
      await writeFile(path.join(local, 'local.xml'), statement('S-L', credits(4, 'L')));
      const errors = captureErrors();

      const polled = await app.poll.execute();

      expect(polled).toEqual([{ sourceId: 'local', name: 'local.xml', outcome: 'ingested', detail: undefined }]);
      expect(errors.join('\n')).toMatch(/statement source bank-broken failed \[HOST_KEY_MISMATCH\]/);
      expect(await filesIn(local)).toEqual([]);
      expect(await filesIn(path.join(local, 'processed'))).toEqual(['local.xml']);
      expect(await filesIn(dir)).toEqual(['remote.xml']);
      const files = await app.prisma.statementFile.findMany();
      expect(files.map((f) => [f.sourceId, f.fileName, f.status])).toEqual([['local', 'local.xml', 'ingested']]);
      expect(await app.prisma.statementEntry.count()).toBe(4);

      // and again on the next poll: the broken source does not wedge the poller
      await writeFile(path.join(local, 'local-2.xml'), statement('S-L2', credits(3, 'L2')));
      expect((await app.poll.execute()).map((p) => [p.sourceId, p.name, p.outcome])).toEqual([
        ['local', 'local-2.xml', 'ingested'],
      ]);
      expect(await app.prisma.statementEntry.count()).toBe(7);
    } finally {
      await app.close();
      await rm(local, { recursive: true, force: true });
    }
  });
});
