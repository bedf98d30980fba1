import { createHash, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { posix } from 'node:path';
import { finished } from 'node:stream/promises';
import { utils as sshUtils } from 'ssh2';
import type { ConnectConfig, SyncHostVerifier } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';
import { plural } from '@remitd/core';
import {
  assertOwnFile,
  compareOldestFirst,
  isCandidate,
  reasonFileContent,
  reasonFileName,
  statelessPattern,
  suffixedName,
} from './file-naming';
import { SourceError } from './statement-source';
import type { RemoteFile, SourceErrorCode, StatementSource } from './statement-source';

export interface SftpSourceOptions {
  id: string;
  host: string;
  /** default 22 */
  port?: number;
  username: string;
  password?: string;
  /** OpenSSH/PEM private key (content, not a path) */
  privateKey?: string | Buffer;
  passphrase?: string;
  /**
   * Pinned SHA-256 fingerprint of the server's host key, either as printed by
   * `ssh-keygen -lf` ("SHA256:<base64>") or as 64 hex digits (colons allowed).
   * Several may be given while the bank rotates its key.
   */
  hostKeySha256: string | readonly string[];
  /** the inbox, e.g. "/out/statements" (relative paths are relative to the login directory) */
  remoteDir: string;
  /** default `<remoteDir>/processed` */
  processedDir?: string;
  /** default `<remoteDir>/failed` */
  failedDir?: string;
  /** only names matching this are listed (default: all) */
  pattern?: RegExp;
  /** TCP connect + SSH handshake + authentication, per attempt (default 20 s) */
  connectTimeoutMs?: number;
  /** extra connection attempts after the first on network errors (default 3) */
  retries?: number;
  /** first backoff delay; doubles per attempt, with jitter (default 1 s) */
  retryBaseDelayMs?: number;
  /** cap for one backoff delay (default 30 s) */
  retryMaxDelayMs?: number;
  /**
   * Upper bound for one operation (list, one download, one move) on an open connection; a
   * server that stops answering is cut off after this (default 5 min, 0 = no limit).
   */
  operationTimeoutMs?: number;
}

interface Connection {
  client: SftpClient;
  alive: boolean;
  /** first raw ssh2 error seen on this connection (carries `level`) */
  lastError: (Error & { level?: string; code?: unknown }) | null;
  /** fingerprint the server presented when it did not match the pin */
  rejectedHostKey: string | null;
}

const CONNECTION_LOSS_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ERR_NOT_CONNECTED']);
const CONNECTION_LOSS_MESSAGE =
  /No response from server|Unexpected (close|end) event|No SFTP connection|Connection lost|Not connected|socket hang up|Channel (open failure|closed)/i;
/** SFTP status codes NO_CONNECTION / CONNECTION_LOST */
const SFTP_CONNECTION_LOSS_STATUS = new Set([6, 7]);

/**
 * A bank's SFTP inbox. The host key is pinned (never trust-on-first-use), the connection is
 * opened lazily, reused across calls and reopened after it breaks. Connection attempts are
 * retried with exponential backoff and jitter on network errors; host-key and authentication
 * failures are never retried.
 */
export class SftpSource implements StatementSource {
  readonly id: string;
  private readonly opts: SftpSourceOptions;
  private readonly pinned: readonly Buffer[];
  private readonly remoteDir: string;
  private readonly processedDir: string;
  private readonly failedDir: string;
  private readonly pattern: RegExp | undefined;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly connectTimeoutMs: number;
  private readonly operationTimeoutMs: number;

  private conn: Connection | null = null;
  private connecting: Promise<Connection> | null = null;
  private readonly closing = new Set<Promise<void>>();

  constructor(opts: SftpSourceOptions) {
    const invalid = (msg: string) =>
      new SourceError('INVALID_CONFIG', `sftp source ${opts.id || '?'}: ${msg}`, {
        retryable: false,
        sourceId: opts.id,
      });
    if (!opts.id) throw invalid('id is required');
    if (!opts.host) throw invalid('host is required');
    if (!opts.username) throw invalid('username is required');
    if (!opts.remoteDir) throw invalid('remoteDir is required');
    if (opts.password === undefined && opts.privateKey === undefined)
      throw invalid('password or privateKey is required');
    if (opts.privateKey !== undefined) {
      const parsed = sshUtils.parseKey(opts.privateKey, opts.passphrase);
      const key = Array.isArray(parsed) ? (parsed[0] as unknown) : parsed;
      if (key instanceof Error) throw invalid(`privateKey cannot be used: ${key.message}`);
      if (!(key as { isPrivateKey(): boolean }).isPrivateKey()) throw invalid('privateKey is not a private key');
    }
    const pins = typeof opts.hostKeySha256 === 'string' ? [opts.hostKeySha256] : [...opts.hostKeySha256];
    if (pins.length === 0) throw invalid('hostKeySha256 is required');
    try {
      this.pinned = pins.map(parseHostKeyFingerprint);
    } catch (e) {
      throw invalid((e as Error).message);
    }

    this.id = opts.id;
    this.opts = opts;
    this.remoteDir = opts.remoteDir;
    this.processedDir = opts.processedDir ?? posix.join(opts.remoteDir, 'processed');
    this.failedDir = opts.failedDir ?? posix.join(opts.remoteDir, 'failed');
    this.pattern = statelessPattern(opts.pattern);
    this.retries = Math.max(0, opts.retries ?? 3);
    this.baseDelayMs = Math.max(0, opts.retryBaseDelayMs ?? 1000);
    this.maxDelayMs = Math.max(this.baseDelayMs, opts.retryMaxDelayMs ?? 30_000);
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 20_000;
    this.operationTimeoutMs = opts.operationTimeoutMs ?? 300_000;
  }

  list(): Promise<RemoteFile[]> {
    return this.run('list', async (client) => {
      const entries = await client.list(this.remoteDir);
      return entries
        .filter((e) => e.type === '-' && isCandidate(e.name, this.pattern))
        .map((e): RemoteFile => ({
          sourceId: this.id,
          name: e.name,
          size: e.size,
          modifiedAt: Number.isFinite(e.modifyTime) && e.modifyTime > 0 ? new Date(e.modifyTime) : null,
        }))
        .sort(compareOldestFirst);
    });
  }

  async download(file: RemoteFile): Promise<Buffer> {
    assertOwnFile(this.id, file);
    return this.run(
      `download ${file.name}`,
      async (client) => {
        const content = toBuffer(await client.get(this.inboxPath(file.name)));
        if (content.length !== file.size) {
          throw new SourceError(
            'INCOMPLETE_DOWNLOAD',
            `${file.name}: received ${content.length} bytes but ${file.size} were listed`,
            { retryable: true, sourceId: this.id },
          );
        }
        return content;
      },
      'INCOMPLETE_DOWNLOAD',
    );
  }

  async downloadTo(file: RemoteFile, localPath: string): Promise<void> {
    assertOwnFile(this.id, file);
    return this.run(
      `download ${file.name}`,
      async (client) => {
        const out = createWriteStream(localPath);
        try {
          await client.get(this.inboxPath(file.name), out);
          // get() settles when the remote read ends, which can be before the local file is
          // even open: wait until every byte is written
          await finished(out);
          const size = (await stat(localPath)).size;
          if (size !== file.size) {
            throw new SourceError(
              'INCOMPLETE_DOWNLOAD',
              `${file.name}: received ${size} bytes but ${file.size} were listed`,
              { retryable: true, sourceId: this.id },
            );
          }
        } catch (e) {
          // closed first: a file still being opened would otherwise appear after the unlink
          if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()).destroy());
          await unlink(localPath).catch(() => undefined);
          throw e;
        }
      },
      'INCOMPLETE_DOWNLOAD',
    );
  }

  async markProcessed(file: RemoteFile): Promise<void> {
    assertOwnFile(this.id, file);
    return this.run(`move ${file.name} to ${this.processedDir}`, async (client) => {
      await this.moveInto(client, file.name, this.processedDir);
    });
  }

  async markFailed(file: RemoteFile, reason: string): Promise<void> {
    assertOwnFile(this.id, file);
    return this.run(`move ${file.name} to ${this.failedDir}`, async (client) => {
      const moved = await this.moveInto(client, file.name, this.failedDir);
      // Already gone (an earlier attempt moved it): write the reason only if it sits there under its own name.
      const target = moved ?? ((await client.exists(posix.join(this.failedDir, file.name))) === '-' ? file.name : null);
      if (target === null) return;
      const content = Buffer.from(reasonFileContent(file, reason, new Date()), 'utf8');
      await client.put(content, posix.join(this.failedDir, reasonFileName(target)));
    });
  }

  async close(): Promise<void> {
    if (this.connecting) await this.connecting.catch(() => undefined);
    const conn = this.conn;
    if (conn) this.discard(conn);
    await Promise.all([...this.closing]);
  }

  // ---------------------------------------------------------------- internals

  private inboxPath(name: string): string {
    return posix.join(this.remoteDir, name);
  }

  /**
   * Runs an operation on the shared connection. When a reused connection turns out to be
   * dead (the server closed an idle session), the operation is retried once on a fresh one.
   */
  private async run<T>(
    what: string,
    fn: (client: SftpClient) => Promise<T>,
    lostCode: SourceErrorCode = 'CONNECTION_LOST',
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const { conn, reused } = await this.acquire();
      try {
        return await this.withDeadline(fn(conn.client));
      } catch (e) {
        if (e instanceof OperationTimeout) {
          this.discard(conn);
          throw new SourceError(lostCode, `${this.id}: ${what}: no answer within ${this.operationTimeoutMs} ms`, {
            retryable: true,
            sourceId: this.id,
          });
        }
        const lost = !conn.alive || isConnectionLoss(e);
        if (lost) {
          this.discard(conn);
          if (reused && attempt === 0) continue;
          throw new SourceError(lostCode, `${this.id}: ${what}: connection lost: ${messageOf(e)}`, {
            retryable: true,
            sourceId: this.id,
            cause: e,
          });
        }
        if (e instanceof SourceError) throw e;
        throw this.operationError(what, e);
      }
    }
  }

  private async withDeadline<T>(op: Promise<T>): Promise<T> {
    if (!(this.operationTimeoutMs > 0)) return op;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OperationTimeout()), this.operationTimeoutMs);
    });
    try {
      // race() subscribes to op, so its later rejection (once the connection is torn down) is handled
      return await Promise.race([op, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async acquire(): Promise<{ conn: Connection; reused: boolean }> {
    if (this.conn?.alive) return { conn: this.conn, reused: true };
    if (this.conn) this.discard(this.conn);
    this.connecting ??= this.connectWithRetry()
      .then((c) => (this.conn = c))
      .finally(() => {
        this.connecting = null;
      });
    return { conn: await this.connecting, reused: false };
  }

  private async connectWithRetry(): Promise<Connection> {
    let last: SourceError | undefined;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoff(attempt));
      try {
        return await this.connectOnce();
      } catch (e) {
        const err = e instanceof SourceError ? e : this.connectError(null, e);
        if (!err.retryable) throw err;
        last = err;
      }
    }
    throw new SourceError(
      'SOURCE_UNREACHABLE',
      `${this.id}: ${this.opts.host}:${this.opts.port ?? 22} unreachable after ${plural(this.retries + 1, 'attempt')}: ${last?.message ?? 'unknown error'}`,
      { retryable: true, sourceId: this.id, cause: last },
    );
  }

  /** delay before attempt n (n >= 1): base * 2^(n-1), capped, with "equal jitter" (50-100 %) */
  private backoff(attempt: number): number {
    const exp = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  private async connectOnce(): Promise<Connection> {
    const silent = () => undefined; // the default callbacks write to the console
    const conn: Connection = {
      client: new SftpClient(`statement-source:${this.id}`, { error: silent, end: silent, close: silent }),
      alive: false,
      lastError: null,
      rejectedHostKey: null,
    };
    conn.client.on('error', (err: Error) => {
      conn.lastError ??= err;
      conn.alive = false;
    });
    conn.client.on('end', () => (conn.alive = false));
    conn.client.on('close', () => (conn.alive = false));

    const hostVerifier: SyncHostVerifier = (key: Buffer) => {
      const actual = createHash('sha256').update(key).digest();
      let ok = 0;
      for (const pin of this.pinned) ok |= pin.length === actual.length && timingSafeEqual(pin, actual) ? 1 : 0;
      if (!ok) conn.rejectedHostKey = `SHA256:${actual.toString('base64').replace(/=+$/, '')}`;
      return ok === 1;
    };
    const config: ConnectConfig = {
      host: this.opts.host,
      port: this.opts.port ?? 22,
      username: this.opts.username,
      password: this.opts.password,
      privateKey: this.opts.privateKey,
      passphrase: this.opts.passphrase,
      readyTimeout: this.connectTimeoutMs,
      hostVerifier,
      tryKeyboard: false,
    };
    try {
      await conn.client.connect(config);
    } catch (e) {
      this.discard(conn);
      throw this.connectError(conn, e);
    }
    conn.alive = true;
    return conn;
  }

  private connectError(conn: Connection | null, e: unknown): SourceError {
    const where = `${this.opts.host}:${this.opts.port ?? 22}`;
    const base = { sourceId: this.id, cause: e };
    if (conn?.rejectedHostKey) {
      return new SourceError(
        'HOST_KEY_MISMATCH',
        `${this.id}: host key of ${where} (${conn.rejectedHostKey}) does not match the pinned fingerprint; refusing to connect`,
        { ...base, retryable: false },
      );
    }
    const raw = conn?.lastError ?? (e as { level?: string; message?: string } | null);
    if (raw?.level === 'client-authentication' || /authentication methods failed/i.test(messageOf(e))) {
      return new SourceError('AUTH_FAILED', `${this.id}: ${where} rejected the credentials for ${this.opts.username}`, {
        ...base,
        retryable: false,
      });
    }
    return new SourceError('SOURCE_UNREACHABLE', `${this.id}: cannot connect to ${where}: ${messageOf(raw ?? e)}`, {
      ...base,
      retryable: true,
    });
  }

  private operationError(what: string, e: unknown): SourceError {
    const code = (e as { code?: unknown } | null)?.code;
    const base = { sourceId: this.id, cause: e };
    const msg = `${this.id}: ${what}: ${messageOf(e)}`;
    if (code === 2 || code === 'ENOENT') return new SourceError('NOT_FOUND', msg, { ...base, retryable: false });
    if (code === 3 || code === 'EACCES')
      return new SourceError('PERMISSION_DENIED', msg, { ...base, retryable: false });
    return new SourceError('IO_ERROR', msg, { ...base, retryable: true });
  }

  /** Forget a connection and end it in the background (close() waits for that). */
  private discard(conn: Connection): void {
    conn.alive = false;
    if (this.conn === conn) this.conn = null;
    const p = endClient(conn.client).finally(() => this.closing.delete(p));
    this.closing.add(p);
  }

  /** Moves inbox/name into dir; returns the name it got there, or null if it was already gone. */
  private async moveInto(client: SftpClient, name: string, dir: string): Promise<string | null> {
    const src = this.inboxPath(name);
    await client.mkdir(dir, true); // no-op when it exists
    if ((await client.exists(src)) === false) return null;
    const now = new Date();
    for (let attempt = 0; attempt < 100; attempt++) {
      const targetName = attempt === 0 ? name : suffixedName(name, now, attempt);
      const target = posix.join(dir, targetName);
      if ((await client.exists(target)) !== false) continue;
      try {
        await client.rename(src, target);
        return targetName;
      } catch (e) {
        if ((await client.exists(src)) === false) return null; // someone else moved it
        if ((await client.exists(target)) !== false) continue; // target appeared meanwhile
        throw e;
      }
    }
    throw new SourceError('IO_ERROR', `${this.id}: no free name for ${name} in ${dir}`, {
      retryable: true,
      sourceId: this.id,
    });
  }
}

/**
 * Parses a pinned host key fingerprint: "SHA256:<base64>" (as printed by `ssh-keygen -lf`,
 * padding optional) or 64 hex digits (colons/spaces allowed). Returns the 32 digest bytes.
 */
export function parseHostKeyFingerprint(value: string): Buffer {
  const v = value.trim();
  const b64 = /^SHA256:([A-Za-z0-9+/]{43})=?$/i.exec(v);
  if (b64) return Buffer.from(b64[1], 'base64');
  const hex = v.replace(/^SHA256:/i, '').replace(/[:\s]/g, '');
  if (/^[0-9a-fA-F]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  throw new Error(`hostKeySha256 ${JSON.stringify(value)} is neither "SHA256:<base64>" nor 64 hex digits`);
}

/**
 * "SHA256:<base64>" fingerprint (the `ssh-keygen -lf` format) of an SSH public key, given as
 * an OpenSSH line ("ssh-ed25519 AAAA... comment", e.g. from ssh-keyscan) or the raw key blob.
 */
export function sshHostKeyFingerprint(publicKey: string | Buffer): string {
  let blob: Buffer;
  if (Buffer.isBuffer(publicKey)) {
    blob = publicKey;
  } else {
    const fields = publicKey.trim().split(/\s+/);
    const b64 = fields.find((f) => /^AAAA[A-Za-z0-9+/]+=*$/.test(f));
    if (!b64) throw new Error('not an OpenSSH public key line');
    blob = Buffer.from(b64, 'base64');
  }
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

class OperationTimeout extends Error {}

function isConnectionLoss(e: unknown): boolean {
  if (e instanceof SourceError) return false;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_LOSS_CODES.has(code)) return true;
  if (typeof code === 'number' && SFTP_CONNECTION_LOSS_STATUS.has(code)) return true;
  return CONNECTION_LOSS_MESSAGE.test(messageOf(e));
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e) return String(e.message);
  return String(e);
}

/** client.get() without a destination resolves with a Buffer; an empty file comes back as []. */
function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data) && data.length === 0) return Buffer.alloc(0);
  if (typeof data === 'string') return Buffer.from(data, 'binary');
  if (data instanceof Uint8Array) return Buffer.from(data);
  throw new Error(`unexpected download result ${Object.prototype.toString.call(data)}`);
}

const END_TIMEOUT_MS = 2_000;

/** Ends an SFTP client; if the server does not answer the close in time, the socket is destroyed. */
async function endClient(client: SftpClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.end().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, END_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    // ssh2's Client is reachable as `client.client`; make sure no socket outlives us
    const ssh = (client as unknown as { client?: { destroy?: () => void } }).client;
    try {
      ssh?.destroy?.();
    } catch {
      // already gone
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
