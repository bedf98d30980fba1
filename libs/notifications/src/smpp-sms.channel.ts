import { Logger } from '@nestjs/common';
import * as smpp from 'smpp';
import { NotificationSendError, type OutboundMessage, type SendResult, type SmsChannel } from './channels';

export interface SmppSmsChannelConfig {
  /** smpp://host:port (ssmpp:// for TLS) */
  url: string;
  systemId: string;
  password: string;
  /** the sender shown on the phone (alphanumeric or a number) */
  sourceAddr: string;
  timeoutMs?: number;
}

export interface DeliveryReceipt {
  /** the message_id the SMSC gave in submit_sm_resp */
  providerMessageId: string;
  /** DELIVRD, UNDELIV, EXPIRED, REJECTD, … */
  status: string;
  raw: string;
}

/** A channel that hears back about delivery (SMPP deliver_sm receipts): the dispatcher records them. */
export interface ReceiptingChannel {
  onDeliveryReceipt(handler: (receipt: DeliveryReceipt) => Promise<void>): void;
}

export function isReceiptingChannel(c: unknown): c is ReceiptingChannel {
  return typeof (c as ReceiptingChannel | null)?.onDeliveryReceipt === 'function';
}

/** SMPP 3.4 short_message holds at most 254 octets; longer texts travel in the message_payload TLV. */
const SHORT_MESSAGE_MAX = 254;

/** `id:<id> sub:001 dlvrd:001 submit date:… done date:… stat:DELIVRD err:000 text:…` (SMPP 3.4 appendix B). */
export function parseReceipt(text: string): { id: string; stat: string } | null {
  const id = /\bid:(\S+)/i.exec(text)?.[1];
  const stat = /\bstat:(\S+)/i.exec(text)?.[1];
  return id && stat ? { id, stat: stat.toUpperCase() } : null;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  const message = (value as { message?: unknown } | null)?.message;
  return message === undefined ? '' : text(message);
}

/**
 * SMS over SMPP 3.4 (npm `smpp`): one bound transceiver session, opened on the first message
 * and reopened after a drop, so the SMSC's delivery receipts (deliver_sm) come back on it.
 * submit_sm asks for a receipt (registered_delivery 1); the SMSC's message_id is the
 * providerMessageId the receipts point at. SMPP has no idempotency key: a crash between the
 * SMSC's answer and the outbox row marked sent resends the SMS (at least once); the outbox's
 * dedupe key keeps the same event from being queued twice.
 */
export class SmppSmsChannel implements SmsChannel, ReceiptingChannel {
  readonly name = 'sms' as const;
  private readonly logger = new Logger('smpp');
  private session: Promise<smpp.Session> | null = null;
  private receiptHandler: ((r: DeliveryReceipt) => Promise<void>) | null = null;
  private closed = false;

  constructor(private readonly config: SmppSmsChannelConfig) {}

  onDeliveryReceipt(handler: (receipt: DeliveryReceipt) => Promise<void>): void {
    this.receiptHandler = handler;
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    const to = msg.recipient.trim();
    if (!/^\+?[0-9]{5,15}$/.test(to))
      throw new NotificationSendError(`Invalid sms message: recipient ${to} is not a phone number`, true, {
        channel: 'sms',
        code: 'EINVALID',
      });
    const session = await this.bound();
    const body = msg.text.trim();
    const options: Record<string, unknown> = {
      source_addr: this.config.sourceAddr,
      destination_addr: to.replace(/^\+/, ''),
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      registered_delivery: 1,
    };
    // the library sends text beyond Latin-1 (a Chinese message) as UCS-2: two octets a character
    const octets = /[^\u0000-\u00ff]/.test(body) ? body.length * 2 : Buffer.byteLength(body, 'latin1');
    if (octets <= SHORT_MESSAGE_MAX) options.short_message = body;
    else options.message_payload = body;
    const resp = await this.request(session, (done) => session.submit_sm(options, done));
    if (resp.command_status !== smpp.ESME_ROK) {
      const permanent = resp.command_status === smpp.ESME_RINVDSTADR;
      throw new NotificationSendError(
        `sms send failed: submit_sm status 0x${resp.command_status.toString(16)}`,
        permanent,
        {
          channel: 'sms',
          code: `SMPP_${resp.command_status}`,
        },
      );
    }
    return { providerMessageId: String(resp.message_id) };
  }

  private request(session: smpp.Session, send: (done: (pdu: smpp.Pdu) => void) => void): Promise<smpp.Pdu> {
    return new Promise<smpp.Pdu>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.drop(session);
        reject(
          new NotificationSendError('sms send failed: the SMSC did not answer in time', false, {
            channel: 'sms',
            code: 'ETIMEDOUT',
          }),
        );
      }, this.config.timeoutMs ?? 10_000);
      send((pdu) => {
        clearTimeout(timer);
        resolve(pdu);
      });
    });
  }

  private bound(): Promise<smpp.Session> {
    if (this.closed) return Promise.reject(new NotificationSendError('sms channel closed', false, { channel: 'sms' }));
    if (this.session) return this.session;
    const opening = new Promise<smpp.Session>((resolve, reject) => {
      const session = smpp.connect({ url: this.config.url, auto_enquire_link_period: 30_000 });
      const fail = (e: Error) => {
        if (this.session === opening) this.session = null;
        reject(
          new NotificationSendError(`sms send failed: ${e.message}`, false, { channel: 'sms', code: 'ECONNECTION' }),
        );
      };
      session.on('error', fail);
      session.on('close', () => {
        if (this.session === opening) this.session = null;
        reject(new NotificationSendError('sms send failed: the SMSC closed the connection', false, { channel: 'sms' }));
      });
      session.on('deliver_sm', (pdu: smpp.Pdu) => void this.receive(session, pdu));
      session.on('enquire_link', (pdu: smpp.Pdu) => session.send(pdu.response()));
      session.on('unbind', (pdu: smpp.Pdu) => {
        session.send(pdu.response());
        this.drop(session);
      });
      session.on('connect', () => {
        session.bind_transceiver({ system_id: this.config.systemId, password: this.config.password }, (pdu) => {
          if (pdu.command_status === smpp.ESME_ROK) resolve(session);
          else {
            this.drop(session);
            fail(new Error(`bind_transceiver refused (status 0x${pdu.command_status.toString(16)})`));
          }
        });
      });
    });
    this.session = opening;
    return opening;
  }

  /** A receipt is acknowledged once recorded; a failure to record leaves it unacknowledged, and the SMSC sends it again. */
  private async receive(session: smpp.Session, pdu: smpp.Pdu): Promise<void> {
    const esm = Number(pdu.esm_class ?? 0);
    if (!(esm & smpp.ESM_CLASS.MC_DELIVERY_RECEIPT)) {
      session.send(pdu.response());
      return;
    }
    const raw = text(pdu.short_message) || text(pdu.message_payload);
    const parsed = parseReceipt(raw);
    const id = (pdu.receipted_message_id as string | undefined) ?? parsed?.id;
    try {
      if (id && parsed && this.receiptHandler)
        await this.receiptHandler({ providerMessageId: String(id), status: parsed.stat, raw });
      session.send(pdu.response());
    } catch (e) {
      this.logger.warn(`delivery receipt of ${id} not recorded: ${(e as Error).message}`);
      session.send(pdu.response({ command_status: smpp.ESME_RSYSERR }));
    }
  }

  private drop(session: smpp.Session): void {
    this.session = null;
    try {
      session.destroy();
    } catch {
      /* already gone */
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const current = this.session;
    this.session = null;
    if (!current) return;
    const session = await current.catch(() => null);
    if (!session) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        session.destroy();
        resolve();
      }, 1000);
      session.unbind({}, () => {
        clearTimeout(t);
        session.close(() => resolve());
      });
    });
  }
}
