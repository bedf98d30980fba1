import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { buildCamt, closingFor, type CamtEntrySpec } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';
import { createTestDatabase } from './support/test-database';

const ROOT = path.resolve(__dirname, '..');
const ACCOUNT = 'DE89370400440532013000';

/** An app started as `npm start` starts it, its stdout a pipe (not a terminal), until `ready` shows up. */
async function runApp(entry: string, env: Record<string, string>, ready: RegExp) {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: ROOT,
    // FORCE_COLOR: Nest's console logger coloured every line even into a file
    env: { ...process.env, ...env, FORCE_COLOR: '1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (ready.test(stdout)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`${entry} exited ${code}: ${stdout}\n${stderr}`));
    });
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const jsonLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { level: number; msg: string; context?: string; service: string });

describe('logs item 11: JSON lines off a terminal, no colour codes, no route-mapping chatter; duplicates and re-sent statements told apart', () => {
  it("a child app's stdout (a pipe, not a terminal) is one JSON object per line: no ANSI escapes, no route-mapping lines", async () => {
    const db = await createTestDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), 'remitd-logs-'));
    const env = { DATABASE_URL: db.url, REMITD_DATA_DIR: dir, ADMIN_API_PORT: '0', RECONCILER_PORT: '0' };
    const [api, reconciler] = await Promise.all([
      runApp('apps/admin-api/src/main.ts', env, /listening on http:\/\/127\.0\.0\.1:\d+/),
      runApp('apps/reconciler/src/main.ts', env, /running; health on/),
    ]);
    try {
      const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(api.stdout())![1]);
      expect((await fetch(`http://127.0.0.1:${port}/customers`)).status).toBe(401);
      // the request line is written when the response finishes, and read through a pipe
      for (let i = 0; i < 100 && !/GET \/customers 401/.test(api.stdout()); i++)
        await new Promise((r) => setTimeout(r, 20));
      for (const app of [api, reconciler]) {
        const out = app.stdout();
        expect(out).not.toMatch(/\x1b\[/);
        const lines = jsonLines(out); // throws on any line that is not JSON
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.every((l) => typeof l.level === 'number' && typeof l.msg === 'string')).toBe(true);
        expect(
          lines.filter((l) => /Mapped \{|RoutesResolver|RouterExplorer|dependencies initialized/.test(l.msg)),
        ).toEqual([]);
        expect(
          lines.filter((l) => ['RoutesResolver', 'RouterExplorer', 'InstanceLoader'].includes(l.context ?? '')),
        ).toEqual([]);
        // Nest's own start-up, ~80 lines before, is down to a handful
        expect(lines.length).toBeLessThan(15);
      }
      const apiLines = jsonLines(api.stdout());
      expect(apiLines).toContainEqual(
        expect.objectContaining({
          service: 'admin-api',
          context: 'admin-api',
          msg: expect.stringMatching(/^listening on/),
        }),
      );
      // one structured line per request, without the API key header
      expect(apiLines).toContainEqual(
        expect.objectContaining({ msg: expect.stringMatching(/^GET \/customers 401/), req: expect.any(Object) }),
      );
      expect(apiLines.filter((l) => JSON.stringify(l).includes('headers'))).toEqual([]);
      expect(jsonLines(reconciler.stdout())).toContainEqual(
        expect.objectContaining({ service: 'reconciler', msg: expect.stringMatching(/^running; health on/) }),
      );
    } finally {
      await Promise.all([api.stop(), reconciler.stop()]);
      await db.drop();
    }
  });

  it('a start-up failure (database unreachable) is one fatal JSON line and exit 1, not a coloured stack trace', async () => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/admin-api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        FORCE_COLOR: '1',
        DATABASE_URL: 'postgresql://nobody:none@127.0.0.1:1/none',
        REMITD_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'remitd-logs-')),
        ADMIN_API_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(stdout + stderr).not.toMatch(/\x1b\[/);
    expect(stderr).toBe('');
    expect(jsonLines(stdout)).toEqual([
      expect.objectContaining({ level: 60, service: 'admin-api', msg: expect.stringMatching(/127\.0\.0\.1:1/) }),
    ]);
  });

  describe('on a running system', () => {
    let sys: TestSystem;
    beforeAll(async () => {
      sys = await startSystem();
    });
    afterAll(() => sys.close());

    const alerts = async () =>
      (await sys.http().get('/statement-alerts').query({ show: 'all' }).set(sys.auth)).body.items as {
        kind: string;
        message: string;
        fileId: string;
      }[];

    it('a statement the bank sends again (another file, same statement) raises duplicate_statement, not balance_break; a file sent twice is listed as a duplicate', async () => {
      const entries: CamtEntrySpec[] = [{ ref: 'RESENT-1', amount: '120.00', remitterName: 'Again & Again' }];
      const statement = {
        statementId: 'RS-1',
        sequence: 41,
        account: ACCOUNT,
        opening: '1000.00',
        closing: closingFor('1000.00', entries),
        date: '2026-10-05',
        entries,
      };
      sys.drop('resent-a.xml', buildCamt({ ...statement, msgId: 'MSG-A' }));
      await sys.tick();
      // the bank's second delivery: a new message id, so other bytes, but the same statement
      sys.drop('resent-b.xml', buildCamt({ ...statement, msgId: 'MSG-B' }));
      const t = await sys.tick();
      expect(t.files).toEqual([expect.objectContaining({ name: 'resent-b.xml', outcome: 'ingested' })]);
      const b = await sys.prisma.statementFile.findFirstOrThrow({ where: { fileName: 'resent-b.xml' } });
      expect(b.newEntryCount).toBe(0);
      const ofB = (await alerts()).filter((a) => a.fileId === b.id);
      expect(ofB.map((a) => a.kind)).toEqual(['duplicate_statement']);
      expect(ofB[0].message).toMatch(/RS-1.*already received in file resent-a\.xml/);

      // the very same bytes a third time: not ingested, but listed, naming the file it repeats
      const a = await sys.prisma.statementFile.findFirstOrThrow({ where: { fileName: 'resent-a.xml' } });
      sys.drop('resent-a-again.xml', buildCamt({ ...statement, msgId: 'MSG-A' }));
      expect((await sys.tick()).files).toEqual([
        expect.objectContaining({ name: 'resent-a-again.xml', outcome: 'duplicate' }),
      ]);
      const list = await sys.http().get('/statement-files').set(sys.auth);
      expect(list.status).toBe(200);
      expect(list.body.items[0]).toMatchObject({
        fileName: 'resent-a-again.xml',
        status: 'duplicate',
        sha256: a.sha256,
        duplicateOf: { id: a.id, fileName: 'resent-a.xml', status: 'ingested' },
      });
      expect(list.body.items.map((f: { fileName: string }) => f.fileName)).toEqual(
        expect.arrayContaining(['resent-a.xml', 'resent-b.xml', 'resent-a-again.xml']),
      );
      const only = await sys.http().get('/statement-files').query({ status: 'duplicate' }).set(sys.auth);
      expect(only.body.items.map((f: { fileName: string }) => f.fileName)).toEqual(['resent-a-again.xml']);
    });

    it('a quarantined file logs no continuity alert (its alerts were rolled back with it)', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        // first statement: opening 5.00 breaks the chain of RS-1 (closing 1120.00); the second one
        // has an amount EUR cannot hold, so the whole file is quarantined
        const first = buildCamt({
          statementId: 'Q-1',
          sequence: 42,
          account: ACCOUNT,
          opening: '5.00',
          closing: '5.00',
          date: '2026-10-06',
          entries: [],
        });
        const second = buildCamt({
          statementId: 'Q-2',
          sequence: 43,
          account: ACCOUNT,
          opening: '5.00',
          closing: '5.00',
          date: '2026-10-07',
          entries: [{ ref: 'Q-BAD', amount: '12.345' }],
        });
        const stmt2 = second.slice(second.indexOf('<Stmt>'), second.indexOf('</Stmt>') + '</Stmt>'.length);
        sys.drop('two-statements.xml', first.replace('</Stmt>', `</Stmt>${stmt2}`));
        const t = await sys.tick();
        expect(t.files).toEqual([expect.objectContaining({ name: 'two-statements.xml', outcome: 'quarantined' })]);
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/quarantined two-statements\.xml/));
        expect(warn).not.toHaveBeenCalledWith(expect.stringMatching(/continuity|balance/));
        expect((await alerts()).filter((a) => a.kind === 'balance_break')).toEqual([]);
      } finally {
        warn.mockRestore();
      }
    });
  });
});
