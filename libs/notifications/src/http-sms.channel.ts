import { NotificationSendError, type OutboundMessage, type SendResult, type SmsChannel } from './channels';

export interface HttpSmsChannelConfig {
  /** the provider's send endpoint, e.g. https://sms.example.com/v1/messages */
  url: string;
  /** sent as `Authorization: Bearer <token>` */
  token: string;
  /** the sender shown on the phone */
  from: string;
  timeoutMs?: number;
}

/**
 * SMS through a provider's REST API, behind the same interface as SMPP: `POST {to, from, text}`
 * as JSON with the outbox's dedupe key as `Idempotency-Key`, so a resend after a crash is one
 * message at providers that honour it. The answer's `id` (or `messageId`) is the providerMessageId.
 * 4xx other than 408/429 are permanent (the message or number is refused); the rest retry.
 */
export class HttpSmsChannel implements SmsChannel {
  readonly name = 'sms' as const;

  constructor(private readonly config: HttpSmsChannelConfig) {}

  async send(msg: OutboundMessage): Promise<SendResult> {
    const to = msg.recipient.trim();
    if (!/^\+?[0-9]{5,15}$/.test(to))
      throw new NotificationSendError(`Invalid sms message: recipient ${to} is not a phone number`, true, {
        channel: 'sms',
        code: 'EINVALID',
      });
    let res: Response;
    try {
      res = await fetch(this.config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.config.token}`,
          'idempotency-key': msg.dedupeKey,
        },
        body: JSON.stringify({ to, from: this.config.from, text: msg.text.trim() }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      throw new NotificationSendError(`sms send failed: ${err.cause?.code ?? err.message}`, false, {
        channel: 'sms',
        code: err.cause?.code ?? err.name,
      });
    }
    const body = (await res.json().catch(() => ({}))) as { id?: unknown; messageId?: unknown };
    if (!res.ok) {
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
      throw new NotificationSendError(`sms send failed: HTTP ${res.status}`, permanent, {
        channel: 'sms',
        code: `HTTP_${res.status}`,
        responseCode: res.status,
      });
    }
    const id = body.id ?? body.messageId;
    return { providerMessageId: id === undefined || id === null ? null : String(id) };
  }
}
