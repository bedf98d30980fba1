import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { freePort } from '../../../test/support/free-port';
import { startSmtpServer, TestSmtpServer } from '../../../test/support/smtp-server';
import {
  FileEmailChannel,
  LoggingSmsChannel,
  NotificationSendError,
  OutboundMessage,
  SmtpEmailChannel,
  emlFileNameFor,
  isPermanentSendError,
  messageIdFor,
} from './channels';
import { renderTemplate, TemplateRenderError } from './templates';

const FROM = 'Billing <billing@provider.example>';

function message(dedupeKey: string, recipient = 'customer@example.com'): OutboundMessage {
  const rendered = renderTemplate('bills-settled', {
    customerName: 'Acme <Widgets> & Co',
    currency: 'USD',
    bills: [{ billReference: 'INV-1', cycle: '2025-03', amountPaid: '1234567.5', status: 'paid' }],
    settledOn: '2025-03-14',
  });
  return { dedupeKey, recipient, ...rendered };
}

async function sendError(p: Promise<unknown>): Promise<NotificationSendError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(NotificationSendError);
    return err as NotificationSendError;
  }
  throw new Error('expected the send to fail');
}

describe('messageIdFor / emlFileNameFor', () => {
  it('derives a stable, valid Message-ID from the dedupe key', () => {
    expect(messageIdFor('funds-received:txn_123')).toBe('<funds-received=3Atxn_123@remitd>');
    expect(messageIdFor('funds-received:txn_123')).toBe(messageIdFor('funds-received:txn_123'));
    expect(messageIdFor('a:b')).not.toBe(messageIdFor('a_b'));
    expect(messageIdFor('a:b')).not.toBe(messageIdFor('a=3Ab'));
    expect(messageIdFor('k <x>@"y" é', 'mail.example.com')).toMatch(/^<[A-Za-z0-9_+=-]+@mail\.example\.com>$/);
    expect(messageIdFor('x'.repeat(500))).toMatch(/^<h\.[0-9a-f]{64}@remitd>$/);
  });

  it('derives a portable file name', () => {
    expect(emlFileNameFor('../../etc/passwd')).toBe('=2E=2E=2F=2E=2E=2Fetc=2Fpasswd.eml');
    expect(emlFileNameFor('va-created:cust/1')).toMatch(/^[A-Za-z0-9_+=-]+\.eml$/);
  });
});

describe('isPermanentSendError', () => {
  const smtpErr = (code: string, responseCode?: number, command?: string) =>
    Object.assign(new Error('x'), { code, responseCode, command });

  it.each([
    [smtpErr('EENVELOPE', 550, 'RCPT TO'), true],
    [smtpErr('EENVELOPE', 553, 'RCPT TO'), true],
    [smtpErr('EMESSAGE', 554, 'DATA'), true],
    [smtpErr('EENVELOPE', undefined, 'API'), true],
    [smtpErr('EENVELOPE', 450, 'RCPT TO'), false],
    [smtpErr('EMESSAGE', 451, 'DATA'), false],
    [smtpErr('EENVELOPE', 503, 'RCPT TO'), false],
    [smtpErr('EENVELOPE', 550, 'MAIL FROM'), false],
    [smtpErr('ECONNECTION', 421, 'CONN'), false],
    [smtpErr('ESOCKET'), false],
    [smtpErr('ETIMEDOUT'), false],
    [smtpErr('EAUTH', 535, 'AUTH PLAIN'), false],
    [new Error('something else'), false],
    ['a string', false],
    [null, false],
    [new TemplateRenderError('INVALID_PAYLOAD', 'funds-received', 'bad'), true],
    [new NotificationSendError('x', true, { channel: 'email' }), true],
    [new NotificationSendError('x', false, { channel: 'email' }), false],
  ])('%#', (err, permanent) => {
    expect(isPermanentSendError(err)).toBe(permanent);
  });
});

describe('SmtpEmailChannel against a real SMTP server', () => {
  let server: TestSmtpServer;
  let channel: SmtpEmailChannel;

  beforeAll(async () => {
    server = await startSmtpServer({ rejectRecipients: ['Nobody@Example.com'] });
    channel = new SmtpEmailChannel({ host: '127.0.0.1', port: server.port, secure: false, from: FROM });
  });

  afterAll(async () => {
    await channel.close();
    await server.close();
  });

  it('delivers the message with subject, text, html, deterministic Message-ID and dedupe header', async () => {
    const msg = message('bills-settled:pay_001');
    const result = await channel.send(msg);
    expect(result.providerMessageId).toBe('<bills-settled=3Apay_001@remitd>');

    const [mail] = await server.waitFor(1, 5000);
    expect(mail.subject).toBe(msg.subject);
    expect(mail.subject).toBe('Bill INV-1 has been paid');
    expect(mail.text).toBe(msg.text);
    expect(mail.text).toContain('1,234,567.50 USD');
    expect(mail.html).toBe(msg.html);
    expect(mail.html).toContain('Acme &lt;Widgets&gt; &amp; Co');
    expect(mail.messageId).toBe('<bills-settled=3Apay_001@remitd>');
    expect(mail.headers.get('x-remitd-dedupe-key')).toBe('bills-settled:pay_001');
    expect(mail.from?.value).toEqual([
      expect.objectContaining({ name: 'Billing', address: 'billing@provider.example' }),
    ]);
    expect(server.envelopes[0]).toEqual({ from: 'billing@provider.example', to: ['customer@example.com'] });
  });

  it('sends the same Message-ID again when the same dedupe key is resent', async () => {
    const before = server.messages.length;
    await channel.send(message('bills-settled:pay_002'));
    await channel.send(message('bills-settled:pay_002'));
    const mails = await server.waitFor(before + 2, 5000);
    expect(mails[before].messageId).toBe('<bills-settled=3Apay_002@remitd>');
    expect(mails[before + 1].messageId).toBe(mails[before].messageId);
  });

  it('gives a retryable error while the server is down, then succeeds once it is back', async () => {
    const before = server.messages.length;
    server.setDown(true);
    try {
      const err = await sendError(channel.send(message('bills-settled:pay_003')));
      expect(err.permanent).toBe(false);
      expect(isPermanentSendError(err)).toBe(false);
      expect(err.responseCode).toBe(421);
      expect(err.channel).toBe('email');
    } finally {
      server.setDown(false);
    }
    await channel.send(message('bills-settled:pay_003'));
    const mails = await server.waitFor(before + 1, 5000);
    expect(mails).toHaveLength(before + 1);
    expect(mails[before].messageId).toBe('<bills-settled=3Apay_003@remitd>');
  });

  it('classifies a rejected recipient as permanent', async () => {
    const err = await sendError(channel.send(message('bills-settled:pay_004', 'nobody@example.com')));
    expect(err.permanent).toBe(true);
    expect(isPermanentSendError(err)).toBe(true);
    expect(err.responseCode).toBe(550);
    expect(err.code).toBe('EENVELOPE');
  });

  it('classifies an invalid message as permanent without contacting the server', async () => {
    const err = await sendError(channel.send(message('')));
    expect(err.permanent).toBe(true);
    expect(err.code).toBe('EINVALID');
    expect((await sendError(channel.send(message('k\r\nBcc: x')))).permanent).toBe(true);
  });
});

describe('SmtpEmailChannel failures', () => {
  it('classifies a refused connection as retryable', async () => {
    const port = await freePort();
    const channel = new SmtpEmailChannel({ host: '127.0.0.1', port, secure: false, from: FROM });
    try {
      const err = await sendError(channel.send(message('bills-settled:pay_005')));
      expect(err.permanent).toBe(false);
      expect(err.code).toBe('ESOCKET');
    } finally {
      await channel.close();
    }
  });

  it('classifies a temporary 451 after DATA as retryable, and the retry succeeds', async () => {
    const server = await startSmtpServer({ failFirst: 1 });
    const channel = new SmtpEmailChannel({ host: '127.0.0.1', port: server.port, secure: false, from: FROM });
    try {
      const err = await sendError(channel.send(message('bills-settled:pay_006')));
      expect(err.permanent).toBe(false);
      expect(err.responseCode).toBe(451);
      await channel.send(message('bills-settled:pay_006'));
      const mails = await server.waitFor(1, 5000);
      expect(mails).toHaveLength(1);
    } finally {
      await channel.close();
      await server.close();
    }
  });

  it('authenticates when credentials are configured', async () => {
    const server = await startSmtpServer();
    const channel = new SmtpEmailChannel({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      user: 'remitd',
      pass: 'secret',
      from: FROM,
    });
    try {
      await channel.verify();
      await channel.send(message('bills-settled:pay_007'));
      expect(await server.waitFor(1, 5000)).toHaveLength(1);
    } finally {
      await channel.close();
      await server.close();
    }
  });

  it('rejects half-given credentials', () => {
    expect(() => new SmtpEmailChannel({ host: 'h', port: 25, secure: false, from: FROM, user: 'u' })).toThrow(
      /together/,
    );
  });
});

describe('FileEmailChannel', () => {
  let dir: string;
  let channel: FileEmailChannel;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'notifications-eml-'));
    channel = new FileEmailChannel({ dir: path.join(dir, 'outbox'), from: FROM });
  });

  afterAll(async () => {
    await channel.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a readable RFC 822 .eml named after the dedupe key', async () => {
    const msg = message('bills-settled:pay_101');
    const result = await channel.send(msg);
    const file = path.join(dir, 'outbox', 'bills-settled=3Apay_101.eml');
    expect(result.providerMessageId).toBe(file);
    expect(channel.pathFor('bills-settled:pay_101')).toBe(file);

    const raw = await readFile(file);
    expect(raw.toString('latin1')).toMatch(/\r\n\r\n/);
    expect(raw.toString('latin1')).toMatch(/^Message-ID: <bills-settled=3Apay_101@remitd>\r$/m);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(msg.subject);
    expect(mail.text).toBe(msg.text);
    expect(mail.html).toBe(msg.html);
    expect(mail.messageId).toBe('<bills-settled=3Apay_101@remitd>');
    expect(mail.headers.get('x-remitd-dedupe-key')).toBe('bills-settled:pay_101');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : null).toBe('customer@example.com');
  });

  it('overwrites instead of duplicating when the same dedupe key is sent twice', async () => {
    const first = message('bills-settled:pay_102');
    await channel.send(first);
    await channel.send({ ...first, subject: 'Second attempt' });
    const files = (await readdir(path.join(dir, 'outbox'))).filter((f) => f.includes('pay_102'));
    expect(files).toEqual(['bills-settled=3Apay_102.eml']);
    const mail = await simpleParser(await readFile(path.join(dir, 'outbox', files[0])));
    expect(mail.subject).toBe('Second attempt');
    expect((await readdir(path.join(dir, 'outbox'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails retryably when the directory cannot be written', async () => {
    const blocked = new FileEmailChannel({ dir: path.join(dir, 'outbox', 'bills-settled=3Apay_101.eml', 'sub') });
    try {
      const err = await sendError(blocked.send(message('bills-settled:pay_103')));
      expect(err.permanent).toBe(false);
    } finally {
      await blocked.close();
    }
  });
});

describe('LoggingSmsChannel (mock)', () => {
  it('logs a masked line without the text and reports no provider id', async () => {
    const lines: string[] = [];
    const sms = new LoggingSmsChannel({ log: (line) => lines.push(line) });
    expect(sms.name).toBe('sms');
    const result = await sms.send({ ...message('sms:1'), recipient: '+1 415 555 0123' });
    expect(result).toEqual({ providerMessageId: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('not delivered');
    expect(lines[0]).toContain('*******0123');
    expect(lines[0]).not.toContain('415');
    expect(lines[0]).not.toContain('1,234,567.50');
  });
});
