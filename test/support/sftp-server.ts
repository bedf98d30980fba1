import SftpClient from 'ssh2-sftp-client';
/**
 * A real, in-process SFTP server (ssh2's pure-JS Server) serving a directory on disk, for
 * tests of code that talks to a bank's SFTP inbox. Paths are jailed to `root`, which the
 * client sees as "/" (also its login directory).
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, rename, rm, rmdir, stat, unlink, utimes, chmod } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { Server, utils } from 'ssh2';
import type { AuthContext, Attributes, Connection, FileEntry, SFTPWrapper } from 'ssh2';

const { OPEN_MODE, STATUS_CODE } = utils.sftp;

export interface SftpServerOptions {
  /** directory served as "/" */
  root: string;
  username: string;
  /** accepted password (omit to disable password auth) */
  password?: string;
  /** OpenSSH public key line ("ssh-ed25519 AAAA...") accepted for public-key auth */
  authorizedKey?: string;
  /**
   * After this many bytes of one file have been served by READ, the client's TCP connection
   * is destroyed (the last chunk is cut at that point). Can be changed later with setDropAfterBytes.
   */
  dropAfterBytes?: number;
  /** host private key (OpenSSH format); default: a fresh ed25519 key. Pass one to keep the fingerprint across restarts. */
  hostKey?: string;
  /** port to listen on (default 0 = any free port) */
  port?: number;
}

export interface SftpServerHandle {
  port: number;
  /** how a client reaches and trusts this server (SftpSource options): address, credentials, pinned host key */
  client: { host: string; port: number; username: string; password?: string; hostKeySha256: string };
  /** "SHA256:<base64>" of the host public key blob, as `ssh-keygen -lf` prints it */
  hostKeyFingerprint: string;
  /** the host key as an OpenSSH public key line */
  hostPublicKey: string;
  /** the host private key (to restart a server with the same identity) */
  hostPrivateKey: string;
  /** number of authentication requests received (any method, including "none") */
  readonly authAttempts: number;
  /** number of TCP connections accepted */
  readonly connections: number;
  /** number of connections dropped because of dropAfterBytes */
  readonly drops: number;
  setDropAfterBytes(bytes: number | undefined): void;
  /** while true, SFTP requests are accepted but never answered (a hung server) */
  setStalled(stalled: boolean): void;
  /** destroys every open client connection (the server keeps listening) */
  dropConnections(): void;
  close(): Promise<void>;
}

type Handle = { kind: 'file'; fh: FileHandle; served: number } | { kind: 'dir'; path: string; sent: boolean };

/**
 * An ed25519 key pair in OpenSSH format that ssh2 can read back. ssh2's generator drops the
 * leading zero byte of a public key that starts with one (about 1 key in 256), and parseKey then
 * refuses both halves as malformed (mscdex/ssh2 issues 1390 and 1513, open): such a pair is drawn
 * again.
 */
export function generateSshKeyPair(): { private: string; public: string } {
  for (;;) {
    const pair = utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(pair.public) instanceof Error) && !(utils.parseKey(pair.private) instanceof Error))
      return pair;
  }
}

export function generateHostKey(): { privateKey: string; publicKey: string } {
  const pair = generateSshKeyPair();
  return { privateKey: pair.private, publicKey: pair.public };
}

/** "SHA256:<base64>" of an OpenSSH public key line, computed the way ssh-keygen -lf does. */
export function fingerprintOf(publicKeyLine: string): string {
  const blob = Buffer.from(publicKeyLine.trim().split(/\s+/)[1], 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export async function startSftpServer(opts: SftpServerOptions): Promise<SftpServerHandle> {
  const root = resolve(opts.root);
  let privateKey: string;
  let publicKey: string;
  if (opts.hostKey) {
    const parsed = utils.parseKey(opts.hostKey);
    if (parsed instanceof Error) throw parsed;
    privateKey = opts.hostKey;
    publicKey = `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`;
  } else {
    ({ privateKey, publicKey } = generateHostKey());
  }
  const authorized = opts.authorizedKey ? utils.parseKey(opts.authorizedKey) : undefined;
  if (authorized instanceof Error) throw authorized;

  let dropAfterBytes = opts.dropAfterBytes;
  let stalled = false;
  let authAttempts = 0;
  let connections = 0;
  let drops = 0;
  const sockets = new Map<number, Socket>(); // by remote port

  const ssh = new Server({ hostKeys: [privateKey] }, (client: Connection, info) => {
    const socket = sockets.get(info.port);
    client.on('error', () => undefined); // client vanished; nothing to do
    client.on('authentication', (ctx: AuthContext) => {
      authAttempts++;
      if (ctx.username !== opts.username) return ctx.reject();
      if (ctx.method === 'password' && opts.password !== undefined && ctx.password === opts.password)
        return ctx.accept();
      if (ctx.method === 'publickey' && authorized) {
        const matches =
          ctx.key.algo === authorized.type && Buffer.compare(ctx.key.data, authorized.getPublicSSH()) === 0;
        if (!matches) return ctx.reject();
        if (!ctx.signature) return ctx.accept(); // "would you accept this key?" probe
        if (ctx.blob && authorized.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true) return ctx.accept();
        return ctx.reject();
      }
      const methods: ('password' | 'publickey')[] = [];
      if (opts.password !== undefined) methods.push('password');
      if (authorized) methods.push('publickey');
      return ctx.reject(methods);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('sftp', (acceptSftp) => {
          const sftp = acceptSftp();
          serveSftp(sftp, root, {
            stalled: () => stalled,
            dropAfter: () => dropAfterBytes,
            drop: () => {
              drops++;
              socket?.destroy();
            },
          });
        });
      });
    });
  });

  const tcp = createServer((socket) => {
    connections++;
    const port = socket.remotePort ?? -1;
    sockets.set(port, socket);
    socket.on('close', () => sockets.delete(port));
    socket.on('error', () => undefined);
    ssh.injectSocket(socket);
  });
  await new Promise<void>((res, rej) => {
    tcp.once('error', rej);
    tcp.listen(opts.port ?? 0, '127.0.0.1', () => res());
  });

  const port = (tcp.address() as AddressInfo).port;
  return {
    port,
    client: {
      host: '127.0.0.1',
      port,
      username: opts.username,
      password: opts.password,
      hostKeySha256: fingerprintOf(publicKey),
    },
    hostKeyFingerprint: fingerprintOf(publicKey),
    hostPublicKey: publicKey,
    hostPrivateKey: privateKey,
    get authAttempts() {
      return authAttempts;
    },
    get connections() {
      return connections;
    },
    get drops() {
      return drops;
    },
    setDropAfterBytes(bytes) {
      dropAfterBytes = bytes;
    },
    setStalled(value) {
      stalled = value;
    },
    dropConnections() {
      for (const s of sockets.values()) s.destroy();
    },
    close: () =>
      new Promise<void>((res) => {
        tcp.close(() => res());
        for (const s of sockets.values()) s.destroy();
      }),
  };
}

interface ServeControl {
  stalled(): boolean;
  dropAfter(): number | undefined;
  drop(): void;
}

function serveSftp(sftp: SFTPWrapper, root: string, control: ServeControl): void {
  const handles = new Map<number, Handle>();
  let nextHandle = 1;
  let dropped = false;

  const toReal = (p: string): string => join(root, posix.resolve('/', p || '.'));
  const toVirtual = (p: string): string => posix.resolve('/', p || '.');
  const newHandle = (h: Handle): Buffer => {
    const id = nextHandle++;
    handles.set(id, h);
    const buf = Buffer.alloc(4);
    buf.writeUInt32BE(id, 0);
    return buf;
  };
  const getHandle = (buf: Buffer): Handle | undefined =>
    buf.length === 4 ? handles.get(buf.readUInt32BE(0)) : undefined;
  const fail = (reqId: number, e: unknown): void => {
    if (dropped) return;
    const code = (e as { code?: string } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE, 'No such file');
    else if (code === 'EACCES' || code === 'EPERM')
      sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, 'Permission denied');
    else sftp.status(reqId, STATUS_CODE.FAILURE, (e as Error)?.message ?? 'Failure');
  };
  const ok = (reqId: number): void => {
    if (!dropped) sftp.status(reqId, STATUS_CODE.OK);
  };
  /** runs an async handler, turning rejections into SFTP status replies */
  const handle = (reqId: number, fn: () => Promise<void>): void => {
    if (control.stalled()) return;
    fn().catch((e: unknown) => fail(reqId, e));
  };

  sftp.on('OPEN', (reqId, filename, flags, attrs) =>
    handle(reqId, async () => {
      const mode = typeof attrs?.mode === 'number' ? attrs.mode & 0o777 : 0o644;
      const fh = await openForSftp(toReal(filename), flags, mode);
      sftp.handle(reqId, newHandle({ kind: 'file', fh, served: 0 }));
    }),
  );

  sftp.on('READ', (reqId, hbuf, offset, length) =>
    handle(reqId, async () => {
      const h = getHandle(hbuf);
      if (h?.kind !== 'file') return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      if (dropped) return;
      const buf = Buffer.alloc(length);
      const { bytesRead } = await h.fh.read(buf, 0, length, offset);
      if (dropped) return;
      if (bytesRead === 0) return sftp.status(reqId, STATUS_CODE.EOF);
      let chunk = buf.subarray(0, bytesRead);
      const limit = control.dropAfter();
      if (limit !== undefined && h.served + chunk.length >= limit) {
        chunk = chunk.subarray(0, Math.max(0, limit - h.served));
        if (chunk.length > 0) sftp.data(reqId, chunk);
        dropped = true;
        // give the partial chunk a moment to reach the client, then cut the wire
        setTimeout(() => control.drop(), 10);
        return;
      }
      h.served += chunk.length;
      sftp.data(reqId, chunk);
    }),
  );

  sftp.on('WRITE', (reqId, hbuf, offset, data) =>
    handle(reqId, async () => {
      const h = getHandle(hbuf);
      if (h?.kind !== 'file') return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      await h.fh.write(data, 0, data.length, offset);
      ok(reqId);
    }),
  );

  sftp.on('FSTAT', (reqId, hbuf) =>
    handle(reqId, async () => {
      const h = getHandle(hbuf);
      if (h?.kind !== 'file') return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      sftp.attrs(reqId, toAttrs(await h.fh.stat()));
    }),
  );

  sftp.on('FSETSTAT', (reqId, hbuf, attrs) =>
    handle(reqId, async () => {
      const h = getHandle(hbuf);
      if (h?.kind !== 'file') return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      if (typeof attrs.mode === 'number') await h.fh.chmod(attrs.mode & 0o7777);
      if (typeof attrs.atime === 'number' && typeof attrs.mtime === 'number')
        await h.fh.utimes(attrs.atime, attrs.mtime);
      ok(reqId);
    }),
  );

  sftp.on('CLOSE', (reqId, hbuf) =>
    handle(reqId, async () => {
      const h = getHandle(hbuf);
      if (!h) return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      handles.delete(hbuf.readUInt32BE(0));
      if (h.kind === 'file') await h.fh.close();
      ok(reqId);
    }),
  );

  sftp.on('OPENDIR', (reqId, path) =>
    handle(reqId, async () => {
      const real = toReal(path);
      const st = await stat(real);
      if (!st.isDirectory()) return sftp.status(reqId, STATUS_CODE.FAILURE, 'Not a directory');
      sftp.handle(reqId, newHandle({ kind: 'dir', path: real, sent: false }));
    }),
  );

  sftp.on('READDIR', (reqId, hbuf) =>
    handle(reqId, async () => {
      const h = getHandle(hbuf);
      if (h?.kind !== 'dir') return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      if (h.sent) return sftp.status(reqId, STATUS_CODE.EOF);
      h.sent = true;
      const names: FileEntry[] = [];
      for (const name of ['.', '..', ...(await readdir(h.path))]) {
        try {
          const st = await lstat(join(h.path, name));
          names.push({ filename: name, longname: longname(name, st), attrs: toAttrs(st) });
        } catch {
          // vanished meanwhile
        }
      }
      if (dropped) return;
      sftp.name(reqId, names);
    }),
  );

  const statHandler = (fn: typeof stat) => (reqId: number, path: string) =>
    handle(reqId, async () => {
      const st = await fn(toReal(path));
      if (!dropped) sftp.attrs(reqId, toAttrs(st));
    });
  sftp.on('STAT', statHandler(stat));
  sftp.on('LSTAT', statHandler(lstat));

  sftp.on('SETSTAT', (reqId, path, attrs) =>
    handle(reqId, async () => {
      const real = toReal(path);
      if (typeof attrs.mode === 'number') await chmod(real, attrs.mode & 0o7777);
      if (typeof attrs.atime === 'number' && typeof attrs.mtime === 'number')
        await utimes(real, attrs.atime, attrs.mtime);
      ok(reqId);
    }),
  );

  sftp.on('REALPATH', (reqId, path) =>
    handle(reqId, async () => {
      const v = toVirtual(path);
      let attrs: Attributes = { mode: 0, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 };
      try {
        attrs = toAttrs(await stat(toReal(v)));
      } catch {
        // OpenSSH (pre 8.x) resolves paths that do not exist too
      }
      sftp.name(reqId, [{ filename: v, longname: v, attrs }]);
    }),
  );

  sftp.on('RENAME', (reqId, oldPath, newPath) =>
    handle(reqId, async () => {
      const from = toReal(oldPath);
      const to = toReal(newPath);
      await lstat(from); // NO_SUCH_FILE when the source is missing
      // SSH_FXP_RENAME never overwrites (OpenSSH implements it with link + unlink)
      const exists = await lstat(to).then(
        () => true,
        () => false,
      );
      if (exists) return sftp.status(reqId, STATUS_CODE.FAILURE, 'Target exists');
      await rename(from, to);
      ok(reqId);
    }),
  );

  sftp.on('MKDIR', (reqId, path, attrs) =>
    handle(reqId, async () => {
      await mkdir(toReal(path), typeof attrs?.mode === 'number' ? attrs.mode & 0o777 : 0o755);
      ok(reqId);
    }),
  );

  sftp.on('REMOVE', (reqId, path) =>
    handle(reqId, async () => {
      await unlink(toReal(path));
      ok(reqId);
    }),
  );

  sftp.on('RMDIR', (reqId, path) =>
    handle(reqId, async () => {
      await rmdir(toReal(path));
      ok(reqId);
    }),
  );

  const unsupported = (reqId: number) => sftp.status(reqId, STATUS_CODE.OP_UNSUPPORTED, 'Unsupported');
  sftp.on('READLINK', unsupported);
  sftp.on('SYMLINK', unsupported);
  sftp.on('EXTENDED', unsupported);

  sftp.on('close', () => {
    for (const h of handles.values()) if (h.kind === 'file') void h.fh.close().catch(() => undefined);
    handles.clear();
  });
}

/** Opens a file the way an SFTP OPEN request asks for (SSH_FXF_* flags). */
async function openForSftp(path: string, flags: number, mode: number): Promise<FileHandle> {
  const read = (flags & OPEN_MODE.READ) !== 0;
  const write = (flags & OPEN_MODE.WRITE) !== 0;
  const append = (flags & OPEN_MODE.APPEND) !== 0;
  const creat = (flags & OPEN_MODE.CREAT) !== 0;
  const trunc = (flags & OPEN_MODE.TRUNC) !== 0;
  const excl = (flags & OPEN_MODE.EXCL) !== 0;
  const plus = read ? '+' : '';
  if (!write && !append) return open(path, 'r');
  if (append) return open(path, `${excl ? 'ax' : 'a'}${plus}`, mode);
  if (creat && excl) return open(path, `wx${plus}`, mode);
  if (creat && trunc) return open(path, `w${plus}`, mode);
  try {
    return await open(path, 'r+'); // positional writes, keep the content
  } catch (e) {
    if (creat && (e as { code?: string }).code === 'ENOENT') return open(path, 'wx+', mode);
    throw e;
  }
}

function toAttrs(st: Stats): Attributes {
  return {
    mode: st.mode,
    uid: st.uid,
    gid: st.gid,
    size: st.size,
    atime: Math.floor(st.atimeMs / 1000),
    mtime: Math.floor(st.mtimeMs / 1000),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `ls -l`-style line, as OpenSSH sends it (ssh2-sftp-client derives the entry type from its first char). */
function longname(name: string, st: Stats): string {
  const type = st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : st.isFile() ? '-' : '?';
  const bits = 'rwxrwxrwx';
  let perms = '';
  for (let i = 0; i < 9; i++) perms += st.mode & (1 << (8 - i)) ? bits[i] : '-';
  const m = st.mtime;
  const date = `${MONTHS[m.getUTCMonth()]} ${String(m.getUTCDate()).padStart(2, ' ')} ${String(m.getUTCHours()).padStart(2, '0')}:${String(m.getUTCMinutes()).padStart(2, '0')}`;
  return `${type}${perms} 1 ${st.uid} ${st.gid} ${String(st.size).padStart(8, ' ')} ${date} ${name}`;
}

/** The bank account, user and password the SFTP ingestion suites share. */
export const SFTP_TEST_ACCOUNT = 'DE89370400440532013000';
export const SFTP_TEST_USER = 'bank-ops';
export const SFTP_TEST_PASSWORD = 'sftp test password';

/**
 * One real SFTP server for a whole test file, serving a fresh temp directory: started before the
 * file's tests and removed after them. Read `root` and `server` inside tests (they are set then).
 */
export function sftpServerForSuite(prefix: string): { root: string; server: SftpServerHandle } {
  const suite = {} as { root: string; server: SftpServerHandle };
  beforeAll(async () => {
    suite.root = await mkdtemp(join(tmpdir(), prefix));
    suite.server = await startSftpServer({ root: suite.root, username: SFTP_TEST_USER, password: SFTP_TEST_PASSWORD });
  });
  afterAll(async () => {
    await suite.server?.close();
    await rm(suite.root, { recursive: true, force: true });
  });
  return suite;
}

/**
 * The bank's side of an SFTP inbox: connects with the server's pinned host key, uploads under a
 * temporary name and renames when complete, as banks do.
 */
export async function uploadAsBank(
  server: SftpServerHandle,
  login: { username: string; password: string },
  name: string,
  content: string | Buffer,
): Promise<void> {
  const bank = new SftpClient();
  await bank.connect({
    host: '127.0.0.1',
    port: server.port,
    username: login.username,
    password: login.password,
    hostVerifier: (key: Buffer) => fingerprintOf(`ssh-ed25519 ${key.toString('base64')}`) === server.hostKeyFingerprint,
  });
  try {
    await bank.put(Buffer.from(content), `/inbox/${name}.part`);
    await bank.rename(`/inbox/${name}.part`, `/inbox/${name}`);
  } finally {
    await bank.end();
  }
}
