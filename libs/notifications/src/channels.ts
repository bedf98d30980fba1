import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type {
  Mail,
  SendMailOptions,
  SMTPSentMessageInfo,
  SMTPTransportOptions,
  StreamSentMessageInfo,
  StreamTransportOptions,
} from 'nodemailer';
import { TemplateRenderError } from './templates';

/**
 * Delivery channels for outbox notifications. A channel sends one rendered message; the
 * outbox worker owns retries (see retry-policy.ts) and uses isPermanentSendError() to decide
 * between "retry later" and "give up". Sending is at-least-once: a crash between a
 * successful send and marking the row sent resends the message, so every channel derives
 * whatever identifies the message (Message-ID, file name) from the dedupe key alone, making
 * the resend recognisable as a duplicate.
 */

export type ChannelName = 'email' | 'sms';

export interface OutboundMessage {
  /** The outbox row's dedupe key; identical for every attempt of the same notification. */
  dedupeKey: string;
  /** E-mail address, or phone number for SMS. */
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

export interface SendResult {
  /** What the provider/receiver knows the message by (Message-ID, file path), if anything. */
  providerMessageId: string | null;
}

export interface NotificationChannel {
  readonly name: ChannelName;
  send(msg: OutboundMessage): Promise<SendResult>;
  /** Releases connections/resources; the channel is not used afterwards. */
  close?(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Errors

export interface SendErrorDetails {
  channel: ChannelName;
  /** Library/system error code, e.g. ECONNECTION, ETIMEDOUT, EENVELOPE, ENOSPC. */
  code?: string;
  /** SMTP reply code, when the server answered. */
  responseCode?: number;
  /** The SMTP command that failed. */
  command?: string;
}

/** A failed send, classified: `permanent` means retrying the same message cannot succeed. */
export class NotificationSendError extends Error {
  readonly channel: ChannelName;
  readonly code?: string;
  readonly responseCode?: number;
  readonly command?: string;

  constructor(
    message: string,
    readonly permanent: boolean,
    details: SendErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NotificationSendError';
    this.channel = details.channel;
    this.code = details.code;
    this.responseCode = details.responseCode;
    this.command = details.command;
  }
}

function isPermanentSmtpReply(responseCode: number): boolean {
  // RFC 5321: 5yz is a permanent negative completion; 503 (bad sequence) is a session-state
  // problem, not a verdict on the message.
  return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}

/**
 * Whether a send failure is permanent (mark the notification failed) rather than retryable
 * (schedule another attempt).
 *
 * Permanent: the message itself or its recipient was refused with a 5xx reply (RCPT TO or
 * DATA, e.g. "550 mailbox unavailable", "554 message rejected"), or the recipient address /
 * message was rejected before sending (invalid address, message too large), an invalid
 * outbound message (e.g. empty dedupe key), or a template/payload error.
 *
 * Retryable: connection refused/reset/closed, DNS failures, timeouts, every 4xx reply
 * (421 service unavailable, 450/451/452), 503, and problems of our own configuration that an
 * operator can fix while the message waits (authentication, TLS, sender address rejected).
 * Unknown errors are retryable too; the retry window (retry-policy.ts) bounds them.
 */
export function isPermanentSendError(err: unknown): boolean {
  if (err instanceof NotificationSendError) return err.permanent;
  if (err instanceof TemplateRenderError) return true;
  if (err === null || typeof err !== 'object') return false;
  const { code, responseCode, command, message } = err as {
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
    message?: unknown;
  };
  const replyIsPermanent = typeof responseCode !== 'number' || isPermanentSmtpReply(responseCode);
  if (code === 'EMESSAGE') return replyIsPermanent;
  if (code === 'EENVELOPE') {
    const aboutSender =
      command === 'MAIL FROM' || (typeof message === 'string' && message.startsWith('Invalid sender'));
    return !aboutSender && replyIsPermanent;
  }
  return false;
}

function toSendError(channel: ChannelName, err: unknown): NotificationSendError {
  if (err instanceof NotificationSendError) return err;
  const e = (err ?? {}) as { message?: unknown; code?: unknown; responseCode?: unknown; command?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(err);
  return new NotificationSendError(
    `${channel} send failed: ${message}`,
    isPermanentSendError(err),
    {
      channel,
      code: typeof e.code === 'string' ? e.code : undefined,
      responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
      command: typeof e.command === 'string' ? e.command : undefined,
    },
    { cause: err },
  );
}

// ---------------------------------------------------------------------------------------------
// Deterministic identifiers from the dedupe key

const MAX_KEY_LENGTH = 1000;

function checkMessage(channel: ChannelName, msg: OutboundMessage): void {
  const problems: string[] = [];
  if (typeof msg.dedupeKey !== 'string' || msg.dedupeKey.length === 0) problems.push('dedupeKey is empty');
  else if (/[\u0000-\u001f\u007f]/.test(msg.dedupeKey)) problems.push('dedupeKey contains control characters');
  else if (msg.dedupeKey.length > MAX_KEY_LENGTH)
    problems.push(`dedupeKey is longer than ${MAX_KEY_LENGTH} characters`);
  if (typeof msg.recipient !== 'string' || msg.recipient.trim() === '') problems.push('recipient is empty');
  if (problems.length > 0) {
    throw new NotificationSendError(`Invalid ${channel} message: ${problems.join(', ')}`, true, {
      channel,
      code: 'EINVALID',
    });
  }
}

/**
 * Encodes every byte outside `safe` as `=HH` (and '=' itself), which keeps distinct keys
 * distinct. Long results are replaced by a SHA-256 of the key, prefixed 'h.' ('.' never
 * occurs in the encoded form, so the two forms cannot collide).
 */
function encodeKey(dedupeKey: string, maxLength: number): string {
  let out = '';
  for (const byte of Buffer.from(dedupeKey, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /^[A-Za-z0-9_+-]$/.test(ch) ? ch : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out.length <= maxLength ? out : `h.${createHash('sha256').update(dedupeKey, 'utf8').digest('hex')}`;
}

/** The Message-ID for a dedupe key: `<key@remitd>`, with the key reduced to safe msg-id characters. */
export function messageIdFor(dedupeKey: string, domain = 'remitd'): string {
  return `<${encodeKey(dedupeKey, 200)}@${domain}>`;
}

/** The .eml file name for a dedupe key (portable characters only, at most ~200 characters). */
export function emlFileNameFor(dedupeKey: string): string {
  return `${encodeKey(dedupeKey, 200)}.eml`;
}

export const DEDUPE_KEY_HEADER = 'X-Remitd-Dedupe-Key';

function buildMail(msg: OutboundMessage, from: string, messageIdDomain: string): SendMailOptions {
  return {
    from,
    to: msg.recipient.trim(),
    subject: msg.subject,
    text: msg.text,
    html: msg.html,
    messageId: messageIdFor(msg.dedupeKey, messageIdDomain),
    headers: { [DEDUPE_KEY_HEADER]: msg.dedupeKey },
  };
}

function checkDomain(domain: string): string {
  if (!/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/.test(domain)) {
    throw new Error(`Invalid Message-ID domain ${JSON.stringify(domain)}`);
  }
  return domain;
}

// ---------------------------------------------------------------------------------------------
// SMTP

export interface SmtpEmailChannelConfig {
  host: string;
  port: number;
  /** Implicit TLS (usually port 465). */
  secure: boolean;
  /** Require STARTTLS when not `secure`; without it STARTTLS is used only if the server offers it. */
  requireTls?: boolean;
  user?: string;
  pass?: string;
  /** From address, e.g. 'Billing <billing@example.com>'. */
  from: string;
  /** Right-hand side of generated Message-IDs, 'remitd' by default. */
  messageIdDomain?: string;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** Extra TLS options (ca, servername, ...). */
  tls?: ConnectionOptions;
}

/**
 * Sends over SMTP with nodemailer, one connection per message (no pool, so nothing stays
 * open between outbox batches). The Message-ID is derived from the dedupe key, so a resend
 * after a crash carries the same Message-ID and receivers can recognise the duplicate.
 */
export class SmtpEmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport: Mail<SMTPSentMessageInfo, SMTPTransportOptions>;
  private readonly messageIdDomain: string;

  constructor(private readonly config: SmtpEmailChannelConfig) {
    if ((config.user === undefined) !== (config.pass === undefined)) {
      throw new Error('SmtpEmailChannel: user and pass must be given together');
    }
    this.messageIdDomain = checkDomain(config.messageIdDomain ?? 'remitd');
    const options: SMTPTransportOptions = {
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: config.requireTls ?? false,
      auth: config.user !== undefined ? { user: config.user, pass: config.pass } : undefined,
      connectionTimeout: config.connectionTimeoutMs ?? 15_000,
      greetingTimeout: config.greetingTimeoutMs ?? 15_000,
      socketTimeout: config.socketTimeoutMs ?? 60_000,
      tls: config.tls,
      logger: false,
    };
    this.transport = createTransport(options);
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    checkMessage(this.name, msg);
    const mail = buildMail(msg, this.config.from, this.messageIdDomain);
    try {
      const info = await this.transport.sendMail(mail);
      return { providerMessageId: info.messageId || (mail.messageId as string) };
    } catch (err) {
      throw toSendError(this.name, this.explainTls(err));
    }
  }

  /**
   * A server that offers no STARTTLS (or a man in the middle who stripped it) while TLS is
   * required: nothing, credentials included, was sent. Retryable: an operator fixes the server
   * or the setting while the message waits.
   */
  private explainTls(err: unknown): unknown {
    const e = err as { code?: unknown; message?: unknown } | null;
    if (!this.config.requireTls || this.config.secure || e?.code !== 'ETLS') return err;
    return Object.assign(
      new Error(
        `the SMTP server did not upgrade the connection with STARTTLS and SMTP_REQUIRE_TLS is on, so nothing was sent in clear (${String(e.message)})`,
      ),
      { code: 'ETLS' },
    );
  }

  /** Connects (and authenticates) once, to check the configuration at startup. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (err) {
      throw toSendError(this.name, this.explainTls(err));
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Files

export interface FileEmailChannelConfig {
  /** Directory the .eml files are written to (created when missing). */
  dir: string;
  from?: string;
  messageIdDomain?: string;
}

/**
 * The embedded default e-mail channel: writes each message as a complete RFC 822 message
 * (`<encoded dedupe key>.eml`, CRLF line endings) that any mail client opens. The file is
 * written to a temporary name and renamed into place, so readers never see half a message
 * and sending the same dedupe key again replaces the file instead of adding a second one.
 * providerMessageId is the file's path.
 */
export class FileEmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport: Mail<StreamSentMessageInfo, StreamTransportOptions>;
  private readonly dir: string;
  private readonly from: string;
  private readonly messageIdDomain: string;

  constructor(config: FileEmailChannelConfig) {
    this.dir = path.resolve(config.dir);
    this.from = config.from ?? 'remitd <no-reply@localhost>';
    this.messageIdDomain = checkDomain(config.messageIdDomain ?? 'remitd');
    this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  /** Where the message for this dedupe key is (or would be) written. */
  pathFor(dedupeKey: string): string {
    return path.join(this.dir, emlFileNameFor(dedupeKey));
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    checkMessage(this.name, msg);
    const target = this.pathFor(msg.dedupeKey);
    const tmp = path.join(this.dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const info = await this.transport.sendMail(buildMail(msg, this.from, this.messageIdDomain));
      if (!Buffer.isBuffer(info.message)) throw new Error('stream transport did not return a buffer');
      await mkdir(this.dir, { recursive: true });
      await writeFile(tmp, info.message);
      await rename(tmp, target);
      return { providerMessageId: target };
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw toSendError(this.name, err);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

// ---------------------------------------------------------------------------------------------
// SMS

/** An SMS channel sends `text` (subject and html are ignored) to the phone number in `recipient`. */
export interface SmsChannel extends NotificationChannel {
  readonly name: 'sms';
}

/** Shows only the last 4 digits of a phone number. */
function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? '****' : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/**
 * MOCK SMS channel: delivers nothing. No SMS provider is integrated yet, so this stands in
 * for one: it validates the message, logs one line (masked phone number, dedupe key,
 * subject, text length; not the text itself, which holds personal data) and reports success
 * with providerMessageId null. Replace it with a real provider's SmsChannel before relying
 * on SMS notifications.
 */
export class LoggingSmsChannel implements SmsChannel {
  readonly name = 'sms' as const;
  private readonly log: (line: string) => void;

  constructor(options: { log?: (line: string) => void } = {}) {
    const logger = new Logger('LoggingSmsChannel');
    this.log = options.log ?? ((line) => logger.log(line));
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    checkMessage(this.name, msg);
    this.log(
      `[mock SMS, not delivered] to=${maskPhone(msg.recipient)} dedupeKey=${JSON.stringify(msg.dedupeKey)} ` +
        `subject=${JSON.stringify(msg.subject)} textLength=${msg.text.length}`,
    );
    return { providerMessageId: null };
  }
}
