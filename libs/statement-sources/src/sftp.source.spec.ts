import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile, appendFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSshKeyPair, startSftpServer, type SftpServerHandle } from '../../../test/support/sftp-server';
import { SftpSource, parseHostKeyFingerprint, sshHostKeyFingerprint, type SftpSourceOptions } from './sftp.source';
import { SourceError } from './statement-source';

const USER = 'bank-a';
const PASSWORD = 'correct horse battery staple';
const clientKey = generateSshKeyPair();

let root: string;
let inbox: string;
let server: SftpServerHandle;
const sources: SftpSource[] = [];
const extraServers: { close(): Promise<void> }[] = [];

function source(
  overrides: Partial<SftpSourceOptions> = {},
  srv: { port: number; hostKeyFingerprint: string } = server,
) {
  const s = new SftpSource({
    id: 'bank-a',
    host: '127.0.0.1',
    port: srv.port,
    username: USER,
    password: PASSWORD,
    hostKeySha256: srv.hostKeyFingerprint,
    remoteDir: '/inbox',
    connectTimeoutMs: 5_000,
    retries: 2,
    retryBaseDelayMs: 5,
    ...overrides,
  });
  sources.push(s);
  return s;
}

async function put(name: string, content: Buffer | string, mtimeSec?: number) {
  const p = join(inbox, name);
  await writeFile(p, content);
  if (mtimeSec !== undefined) await utimes(p, mtimeSec, mtimeSec);
}

async function caught(p: Promise<unknown>): Promise<SourceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return e as SourceError;
  }
  throw new Error('expected a rejection');
}

/**
 * A TCP front that resets the first `failFirst` connections (or, with `silent`, accepts them
 * and never says a word), then forwards to `targetPort`.
 */
async function flakyProxy(targetPort: number, failFirst: number, silent = false) {
  let attempts = 0;
  const open = new Set<Socket>();
  const srv: NetServer = createServer((sock) => {
    attempts++;
    open.add(sock);
    sock.on('close', () => open.delete(sock));
    sock.on('error', () => undefined);
    if (attempts <= failFirst) return void (silent ? undefined : sock.destroy());
    const up = connect(targetPort, '127.0.0.1');
    open.add(up);
    up.on('close', () => open.delete(up));
    up.on('error', () => sock.destroy());
    sock.on('close', () => up.destroy());
    up.on('close', () => sock.destroy());
    sock.pipe(up).pipe(sock);
  });
  await new Promise<void>((res) => srv.listen(0, '127.0.0.1', res));
  const handle = {
    port: (srv.address() as AddressInfo).port,
    get attempts() {
      return attempts;
    },
    close: () =>
      new Promise<void>((res) => {
        srv.close(() => res());
        for (const s of open) s.destroy();
      }),
  };
  extraServers.push(handle);
  return handle;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sftp-source-'));
  inbox = join(root, 'inbox');
  server = await startSftpServer({ root, username: USER, password: PASSWORD, authorizedKey: clientKey.public });
});

beforeEach(async () => {
  await rm(inbox, { recursive: true, force: true });
  await mkdir(inbox);
  server.setDropAfterBytes(undefined);
  server.setStalled(false);
});

afterEach(async () => {
  await Promise.all(sources.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await Promise.all(extraServers.map((s) => s.close()));
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('SftpSource against a real SFTP server', () => {
  it('lists complete files oldest first and skips partial uploads, dotfiles and directories', async () => {
    await put('b-newer.xml', '<b/>', 1_700_000_200);
    await put('a-older.xml', '<a/>!', 1_700_000_100);
    await put('c-same-time.xml', '<c/>', 1_700_000_200);
    await put('upload.xml.part', 'half');
    await put('upload2.xml.tmp', 'half');
    await put('.upload3.xml', 'hidden');
    await put('notes.txt', 'not a statement');
    await mkdir(join(inbox, 'archive'));

    const files = await source().list();
    expect(files.map((f) => f.name)).toEqual(['a-older.xml', 'b-newer.xml', 'c-same-time.xml', 'notes.txt']);
    expect(files[0]).toEqual({
      sourceId: 'bank-a',
      name: 'a-older.xml',
      size: 5,
      modifiedAt: new Date(1_700_000_100_000),
    });

    const onlyXml = await source({ pattern: /\.xml$/g }).list();
    expect(onlyXml.map((f) => f.name)).toEqual(['a-older.xml', 'b-newer.xml', 'c-same-time.xml']);
    // a /g pattern must not make matching stateful
    expect((await source({ pattern: /\.xml$/g }).list()).length).toBe(3);
  });

  it('downloads byte-exact, including binary, multi-chunk and empty files', async () => {
    const big = randomBytes(300_000);
    await put('big.bin', big);
    await put('empty.txt', Buffer.alloc(0));
    await put('latin1.mt940', Buffer.from([0x3a, 0x32, 0x30, 0x3a, 0xe4, 0xf6, 0xfc, 0x0d, 0x0a]));

    const src = source();
    const files = await src.list();
    const byName = Object.fromEntries(files.map((f) => [f.name, f]));
    expect(byName['big.bin'].size).toBe(300_000);

    const got = await src.download(byName['big.bin']);
    expect(Buffer.compare(got, big)).toBe(0);
    expect(await src.download(byName['empty.txt'])).toEqual(Buffer.alloc(0));
    expect(await src.download(byName['latin1.mt940'])).toEqual(await readFile(join(inbox, 'latin1.mt940')));
  });

  it('reuses one connection for a whole poll', async () => {
    await put('one.xml', '1');
    await put('two.xml', '2');
    const before = server.connections;
    const src = source();
    for (const f of await src.list()) {
      await src.download(f);
      await src.markProcessed(f);
    }
    expect(server.connections - before).toBe(1);
  });

  it('moves processed files to processed/ (created on demand), idempotently, never overwriting', async () => {
    await put('stmt.xml', 'first');
    const src = source();
    const [file] = await src.list();
    await src.markProcessed(file);
    expect(await readdir(inbox)).toEqual(['processed']);
    expect(await readFile(join(inbox, 'processed', 'stmt.xml'), 'utf8')).toBe('first');

    await src.markProcessed(file); // already gone: no error, nothing changes
    expect(await readdir(join(inbox, 'processed'))).toEqual(['stmt.xml']);

    await put('stmt.xml', 'second delivery, same name');
    const [again] = await src.list();
    await src.markProcessed(again);
    const processed = (await readdir(join(inbox, 'processed'))).sort();
    expect(processed).toHaveLength(2);
    expect(processed).toContain('stmt.xml');
    const suffixed = processed.find((n) => n !== 'stmt.xml')!;
    expect(suffixed).toMatch(/^stmt\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.xml$/);
    expect(await readFile(join(inbox, 'processed', suffixed), 'utf8')).toBe('second delivery, same name');
    expect(await readFile(join(inbox, 'processed', 'stmt.xml'), 'utf8')).toBe('first');
  });

  it('moves failed files to failed/ with a reason file next to them', async () => {
    await put('broken.xml', '<not-camt');
    const src = source();
    const [file] = await src.list();
    await src.markFailed(file, 'camt.053: unexpected end of document at line 1');

    expect(existsSync(join(inbox, 'broken.xml'))).toBe(false);
    expect(await readFile(join(inbox, 'failed', 'broken.xml'), 'utf8')).toBe('<not-camt');
    const reason = await readFile(join(inbox, 'failed', 'broken.xml.reason.txt'), 'utf8');
    expect(reason).toContain('camt.053: unexpected end of document at line 1');
    expect(reason).toContain('source: bank-a');

    await src.markFailed(file, 'second attempt'); // idempotent
    expect((await readdir(join(inbox, 'failed'))).sort()).toEqual(['broken.xml', 'broken.xml.reason.txt']);
    expect(await src.list()).toEqual([]);
  });

  it('honours custom processed/failed directories', async () => {
    await mkdir(join(root, 'archive'), { recursive: true });
    await put('x.xml', 'x');
    await put('y.xml', 'y');
    const src = source({ processedDir: '/archive/ok', failedDir: '/archive/bad' });
    const [x, y] = await src.list();
    await src.markProcessed(x);
    await src.markFailed(y, 'nope');
    expect(await readdir(join(root, 'archive', 'ok'))).toEqual(['x.xml']);
    expect((await readdir(join(root, 'archive', 'bad'))).sort()).toEqual(['y.xml', 'y.xml.reason.txt']);
  });

  it('refuses a server whose host key does not match the pin, before authenticating, without retrying', async () => {
    await put('secret.xml', 'do not leak');
    const wrong = `SHA256:${randomBytes(32).toString('base64').replace(/=+$/, '')}`;
    const authBefore = server.authAttempts;
    const connBefore = server.connections;

    const err = await caught(source({ hostKeySha256: wrong, retries: 3 }).list());
    expect(err.code).toBe('HOST_KEY_MISMATCH');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(server.hostKeyFingerprint); // tells the operator what the server presented
    expect(server.authAttempts).toBe(authBefore); // credentials were never sent
    expect(server.connections - connBefore).toBe(1); // no retries
  });

  it('accepts the pin as hex and as a list during key rotation', async () => {
    await put('a.xml', 'a');
    const hex = parseHostKeyFingerprint(server.hostKeyFingerprint).toString('hex');
    expect(await source({ hostKeySha256: hex }).list()).toHaveLength(1);
    const colonHex = hex.match(/../g)!.join(':').toUpperCase();
    expect(await source({ hostKeySha256: colonHex }).list()).toHaveLength(1);
    const old = `SHA256:${randomBytes(32).toString('base64').replace(/=+$/, '')}`;
    expect(await source({ hostKeySha256: [old, server.hostKeyFingerprint] }).list()).toHaveLength(1);
  });

  it('reports a wrong password as AUTH_FAILED without retrying', async () => {
    const connBefore = server.connections;
    const err = await caught(source({ password: 'wrong', retries: 3 }).list());
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.retryable).toBe(false);
    expect(server.connections - connBefore).toBe(1);
  });

  it('authenticates with a private key', async () => {
    await put('k.xml', 'key auth');
    const src = source({ password: undefined, privateKey: clientKey.private });
    const [file] = await src.list();
    expect((await src.download(file)).toString()).toBe('key auth');

    const otherKey = generateSshKeyPair();
    const err = await caught(source({ password: undefined, privateKey: otherKey.private }).list());
    expect(err.code).toBe('AUTH_FAILED');
  });

  it('surfaces a connection dropped mid-download as a retryable error, leaves the file, and succeeds once healthy', async () => {
    const content = randomBytes(200_000);
    await put('large.xml', content);
    const src = source();
    const [file] = await src.list();
    expect(file.size).toBe(200_000);

    server.setDropAfterBytes(50_000);
    const dropsBefore = server.drops;
    const err = await caught(src.download(file));
    expect(['INCOMPLETE_DOWNLOAD', 'SOURCE_UNREACHABLE']).toContain(err.code);
    expect(err.retryable).toBe(true);
    expect(server.drops).toBeGreaterThan(dropsBefore);
    expect(await readdir(inbox)).toEqual(['large.xml']);
    expect(await readFile(join(inbox, 'large.xml'))).toEqual(content);

    server.setDropAfterBytes(undefined);
    const again = await src.download(file);
    expect(Buffer.compare(again, content)).toBe(0);
    await src.markProcessed(file);
    expect(await readdir(join(inbox, 'processed'))).toEqual(['large.xml']);
  });

  it('rejects content whose length differs from the listed size (file still growing)', async () => {
    await put('growing.xml', 'part one');
    const src = source();
    const [file] = await src.list();
    await appendFile(join(inbox, 'growing.xml'), ' and part two');
    const err = await caught(src.download(file));
    expect(err.code).toBe('INCOMPLETE_DOWNLOAD');
    expect(err.retryable).toBe(true);
    const [relisted] = await src.list();
    expect((await src.download(relisted)).toString()).toBe('part one and part two');
  });

  it('reconnects transparently when the server closed an idle connection', async () => {
    await put('a.xml', 'a');
    const src = source();
    expect(await src.list()).toHaveLength(1);
    server.dropConnections();
    await new Promise((r) => setTimeout(r, 20));
    expect(await src.list()).toHaveLength(1);
  });

  it('retries connecting with backoff and then succeeds', async () => {
    await put('a.xml', 'a');
    const proxy = await flakyProxy(server.port, 2);
    const src = source({ retries: 3 }, { port: proxy.port, hostKeyFingerprint: server.hostKeyFingerprint });
    expect(await src.list()).toHaveLength(1);
    expect(proxy.attempts).toBe(3);
  });

  it('gives up with SOURCE_UNREACHABLE after the configured retries', async () => {
    const proxy = await flakyProxy(server.port, Number.POSITIVE_INFINITY);
    const err = await caught(
      source({ retries: 2 }, { port: proxy.port, hostKeyFingerprint: server.hostKeyFingerprint }).list(),
    );
    expect(err.code).toBe('SOURCE_UNREACHABLE');
    expect(err.retryable).toBe(true);
    expect(proxy.attempts).toBe(3);

    // nothing listening at all
    const closedPort = await new Promise<number>((res) => {
      const tmp = createServer().listen(0, '127.0.0.1', () => {
        const port = (tmp.address() as AddressInfo).port;
        tmp.close(() => res(port));
      });
    });
    const down = await caught(
      source({ retries: 2 }, { port: closedPort, hostKeyFingerprint: server.hostKeyFingerprint }).list(),
    );
    expect(down.code).toBe('SOURCE_UNREACHABLE');
    expect(down.message).toMatch(/3 attempt/);
  });

  it('treats a server that never completes the handshake as unreachable (connect timeout, retried)', async () => {
    const proxy = await flakyProxy(server.port, Number.POSITIVE_INFINITY, true);
    const err = await caught(
      source(
        { retries: 1, connectTimeoutMs: 150 },
        { port: proxy.port, hostKeyFingerprint: server.hostKeyFingerprint },
      ).list(),
    );
    expect(err.code).toBe('SOURCE_UNREACHABLE');
    expect(err.message).toMatch(/Timed out/i);
    expect(proxy.attempts).toBe(2);
  });

  it('cuts off a server that stops answering mid-session and recovers on the next call', async () => {
    await put('a.xml', 'a');
    // generous: under a loaded CI machine a healthy answer must never hit the cut-off
    const src = source({ operationTimeoutMs: 2000 });
    const [file] = await src.list();
    server.setStalled(true);
    try {
      const err = await caught(src.download(file));
      expect(err.code).toBe('INCOMPLETE_DOWNLOAD');
      expect(err.retryable).toBe(true);
      expect(err.message).toMatch(/no answer within 2000 ms/);
    } finally {
      server.setStalled(false);
    }
    expect((await src.download(file)).toString()).toBe('a');
  });

  it('reports a missing inbox as NOT_FOUND', async () => {
    const err = await caught(source({ remoteDir: '/no-such-dir' }).list());
    expect(err.code).toBe('NOT_FOUND');
    expect(err.retryable).toBe(false);
  });

  it('refuses files of other sources and unsafe names', async () => {
    const src = source();
    await expect(src.download({ sourceId: 'other', name: 'a.xml', size: 1, modifiedAt: null })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(
      src.markProcessed({ sourceId: 'bank-a', name: '../etc/passwd', size: 1, modifiedAt: null }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('validates its configuration up front', () => {
    const base = { id: 'x', host: 'h', port: 22, username: 'u', password: 'p', remoteDir: '/in' };
    expect(() => new SftpSource({ ...base, hostKeySha256: 'SHA256:tooShort' })).toThrow(/hostKeySha256/);
    expect(() => new SftpSource({ ...base, hostKeySha256: [] })).toThrow(SourceError);
    expect(() => new SftpSource({ ...base, password: undefined, hostKeySha256: server.hostKeyFingerprint })).toThrow(
      /password or privateKey/,
    );
    expect(
      () => new SftpSource({ ...base, privateKey: 'not a key', hostKeySha256: server.hostKeyFingerprint }),
    ).toThrow(/privateKey/);
  });

  it('computes fingerprints the way ssh-keygen -lf does', () => {
    expect(sshHostKeyFingerprint(server.hostPublicKey)).toBe(server.hostKeyFingerprint);
    // `ssh-keygen -lf` prints "256 SHA256:Ing0qceauckYeg0ljvpyhbLESTNiKpEBR4pfoUuqudo no comment (ED25519)" for this key
    const line = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICw1L4MsdNqB24jscLRixDYZJCE86rzPH5rk2bQv0sxy';
    expect(sshHostKeyFingerprint(line)).toBe('SHA256:Ing0qceauckYeg0ljvpyhbLESTNiKpEBR4pfoUuqudo');
    expect(sshHostKeyFingerprint(`${line} bank-a host key`)).toBe('SHA256:Ing0qceauckYeg0ljvpyhbLESTNiKpEBR4pfoUuqudo');
  });
});
