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
  type StatementSource,
} from '@remitd/statement-sources';
import { DEFAULT_PARSER_LIMITS, IngestStatementFileUseCase, RawFileStore, type ParserLimits } from '@remitd/statements';
import { buildCamt, closingFor, type CamtEntrySpec } from './support/camt-builder';
import { sftpServerForSuite, SFTP_TEST_ACCOUNT } from './support/sftp-server';
import { createTestContext } from './support/test-app';

/**
 * How files arrive (items 5 and 6 of the files work): a real SFTP server, a local inbox, the
 * real poller and ingestion, a real PostgreSQL.
 */

const ACCOUNT = SFTP_TEST_ACCOUNT;
const sftp = sftpServerForSuite('remitd-arrival-');

afterEach(() => jest.restoreAllMocks());

const entries: CamtEntrySpec[] = [
  { ref: 'ARR-1', amount: '100.50', remitterName: 'Remitter', remitterIban: 'GB29NWBK60161331926819', ustrd: 'x' },
];
const camt = (id: string) =>
  buildCamt({ statementId: id, account: ACCOUNT, opening: '0.00', closing: closingFor('0.00', entries), entries });

async function ingestion(sources: StatementSource[], limits?: ParserLimits) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'remitd-arrival-data-'));
  const t = await createTestContext([StatementSourcesModule.forRoot({ dataDir, sources, limits })]);
  const prisma = t.get(PrismaService);
  await prisma.collectionAccount.create({
    data: { name: 'Main', iban: ACCOUNT, accountNumber: '0532013000', currencies: ['EUR'] },
  });
  return {
    poll: t.get(PollStatementSourcesUseCase),
    ingest: t.get(IngestStatementFileUseCase),
    store: t.get(RawFileStore),
    prisma,
    close: async () => {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const quiet = () => {
  jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
};

describe('files item 5: a remote file already ingested whose move failed is moved, not downloaded again', () => {
  it('remembers name + size + mtime in PostgreSQL and on the next poll only moves the file', async () => {
    quiet();
    const dir = path.join(sftp.root, 'moves');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'day1.xml'), camt('S-MOVE-1'));
    await utimes(path.join(dir, 'day1.xml'), 1_790_000_000, 1_790_000_000);
    const source = new SftpSource({ id: 'bank-sftp', ...sftp.server.client, remoteDir: '/moves', retries: 0 });
    const app = await ingestion([source]);
    try {
      const downloads = jest.spyOn(source, 'downloadTo');
      jest.spyOn(source, 'markProcessed').mockRejectedValueOnce(new Error('permission denied on processed/'));

      const [first] = await app.poll.execute();
      expect(first).toMatchObject({ name: 'day1.xml', outcome: 'error' });
      expect(existsSync(path.join(dir, 'day1.xml'))).toBe(true); // the move failed: still in the inbox
      expect(await app.prisma.statementFile.count({ where: { status: 'ingested' } })).toBe(1);

      const [second] = await app.poll.execute();
      expect(second).toMatchObject({ name: 'day1.xml', outcome: 'moved' });
      expect(downloads).toHaveBeenCalledTimes(1); // the first poll's, none since
      expect(await readdir(path.join(dir, 'processed'))).toEqual(['day1.xml']);
      expect(await app.poll.execute()).toEqual([]);

      // the same name with other content (another size) is a new file: downloaded and ingested
      await writeFile(path.join(dir, 'day1.xml'), camt('S-MOVE-2-LONGER'));
      await utimes(path.join(dir, 'day1.xml'), 1_790_000_000, 1_790_000_000);
      const [third] = await app.poll.execute();
      expect(third).toMatchObject({ name: 'day1.xml', outcome: 'ingested' });
      expect(downloads).toHaveBeenCalledTimes(2);
      expect(await app.prisma.sourceFileReceipt.count()).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('does not ingest an SFTP file whose bytes received differ from the listed size', async () => {
    quiet();
    const dir = path.join(sftp.root, 'short');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'day2.xml'), camt('S-SHORT'));
    const source = new SftpSource({ id: 'bank-sftp', ...sftp.server.client, remoteDir: '/short', retries: 0 });
    const app = await ingestion([source]);
    try {
      // the server lists the file, then the uploader is still appending when it is read
      const list = source.list.bind(source);
      jest.spyOn(source, 'list').mockImplementation(async () => {
        const files = await list();
        await writeFile(path.join(dir, 'day2.xml'), camt('S-SHORT') + '\n<!-- still writing -->');
        return files;
      });
      const [polled] = await app.poll.execute();
      expect(polled.outcome).toBe('error');
      expect(polled.detail).toMatch(/received \d+ bytes but \d+ were listed/);
      expect(await app.prisma.statementFile.count()).toBe(0);
      expect(existsSync(path.join(dir, 'day2.xml'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('files item 6: beyond the resource limits a file is quarantined with the reason, the process carries on', () => {
  it('sends a file larger than the maximum size to failed/ without reading it', async () => {
    quiet();
    const inbox = await mkdtemp(path.join(tmpdir(), 'remitd-arrival-inbox-'));
    const app = await ingestion([new LocalDirSource({ id: 'inbox', dir: inbox })], {
      ...DEFAULT_PARSER_LIMITS,
      maxFileBytes: 1000,
    });
    try {
      const big = camt('S-BIG');
      expect(big.length).toBeGreaterThan(1000);
      await writeFile(path.join(inbox, 'big.xml'), big);
      const [polled] = await app.poll.execute();
      expect(polled).toMatchObject({ name: 'big.xml', outcome: 'quarantined' });
      expect(polled.detail).toBe(
        `big.xml: the file is ${big.length} bytes, more than the 1000 bytes accepted (REMITD_MAX_FILE_BYTES)`,
      );
      expect((await readdir(path.join(inbox, 'failed'))).sort()).toEqual(['big.xml', 'big.xml.reason.txt']);
      expect(await readFile(path.join(inbox, 'failed', 'big.xml.reason.txt'), 'utf8')).toMatch(/REMITD_MAX_FILE_BYTES/);
      expect(await app.prisma.statementFile.count()).toBe(0);

      // a file that reaches ingestion some other way is checked there too, and quarantined in the database
      const stored = await app.store.putBuffer(Buffer.from(big));
      const outcome = await app.ingest.execute({
        sourceId: 'cli',
        fileName: 'big.xml',
        storedPath: stored.path,
        ...stored,
      });
      expect(outcome).toMatchObject({ status: 'quarantined', reason: expect.stringMatching(/REMITD_MAX_FILE_BYTES/) });
    } finally {
      await app.close();
      await rm(inbox, { recursive: true, force: true });
    }
  });

  it('quarantines XML nested too deep and an MT940 line too long, naming the limit', async () => {
    quiet();
    const inbox = await mkdtemp(path.join(tmpdir(), 'remitd-arrival-inbox-'));
    const app = await ingestion([new LocalDirSource({ id: 'inbox', dir: inbox })]);
    try {
      await writeFile(path.join(inbox, 'deep.xml'), '<Document><BkToCstmrStmt>' + '<Ntry>'.repeat(200_000));
      await utimes(path.join(inbox, 'deep.xml'), 1_790_000_000, 1_790_000_000);
      await writeFile(path.join(inbox, 'long.sta'), ':20:STMT\n:25:DE89370400440532013000\n:86:' + 'z'.repeat(200_000));
      const polled = await app.poll.execute();
      expect(polled.map((p) => [p.name, p.outcome, p.detail])).toEqual([
        ['deep.xml', 'quarantined', 'deep.xml at line 1: resource limit: elements nested more than 64 deep'],
        [
          'long.sta',
          'quarantined',
          'long.sta at line 3: resource limit: a line longer than the 65536 characters accepted',
        ],
      ]);
      expect(await app.prisma.statementFile.count({ where: { status: 'quarantined' } })).toBe(2);
    } finally {
      await app.close();
      await rm(inbox, { recursive: true, force: true });
    }
  });
});
