import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';

/**
 * A real SMTP server on 127.0.0.1 (random port) for tests: plain SMTP, no STARTTLS, AUTH
 * optional and allowed without TLS (any credentials are accepted). Every accepted message is parsed with mailparser
 * and kept in `messages`, in order of acceptance, with its SMTP envelope in `envelopes`.
 */
export interface SmtpServerOptions {
  /** The first N transactions that reach the end of DATA get "451 temporary failure". */
  failFirst?: number;
  /** Recipients refused at RCPT TO with "550 5.1.1 mailbox unavailable" (case-insensitive). */
  rejectRecipients?: string[];
}

export interface SmtpEnvelope {
  from: string | null;
  to: string[];
}

export interface TestSmtpServer {
  port: number;
  messages: ParsedMail[];
  envelopes: SmtpEnvelope[];
  /** Resolves with the messages once at least n have arrived; rejects after timeoutMs. */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** While down, every new connection and every MAIL FROM gets "421 service not available". */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const envelopes: SmtpEnvelope[] = [];
  const rejected = new Set((options.rejectRecipients ?? []).map((r) => r.toLowerCase()));
  let failuresLeft = options.failFirst ?? 0;
  let down = false;
  let waiters: Array<() => void> = [];

  const notify = () => {
    const current = waiters;
    waiters = [];
    current.forEach((w) => w());
  };

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 200,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onConnect(_session: SMTPServerSession, callback) {
      callback(down ? smtpError(421, 'Service not available, try again later') : null);
    },
    onMailFrom(_address: SMTPServerAddress, _session: SMTPServerSession, callback) {
      callback(down ? smtpError(421, 'Service not available, try again later') : null);
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback) {
      callback(rejected.has(address.address.toLowerCase()) ? smtpError(550, '5.1.1 Mailbox unavailable') : null);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const envelope: SmtpEnvelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
      };
      simpleParser(stream).then(
        (parsed) => {
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
            return;
          }
          messages.push(parsed);
          envelopes.push(envelope);
          callback(null, 'OK: message accepted');
          notify();
        },
        (err: Error) => {
          stream.resume();
          callback(smtpError(554, `Could not parse message: ${err.message}`));
        },
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  // Errors of single client connections (resets during tests) must not crash the run.
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages,
    envelopes,
    waitFor(n, timeoutMs = 5000) {
      return new Promise<ParsedMail[]>((resolve, reject) => {
        const state: { timer?: NodeJS.Timeout } = {};
        const check = () => {
          if (messages.length >= n) {
            if (state.timer) clearTimeout(state.timer);
            resolve(messages.slice());
            return true;
          }
          return false;
        };
        if (check()) return;
        const waiter = () => {
          if (!check()) waiters.push(waiter);
        };
        state.timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${n} message(s); received ${messages.length}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    setDown(value) {
      down = value;
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
