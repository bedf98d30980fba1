import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Money } from '@remitd/money';
import { gatewayUnavailable, invalidWebhookSignature } from './payments.errors';
import type { ChargeOutcome, GatewayEvent, GatewayMethod, PaymentGateway } from './payment-gateway';

interface WireCharge {
  id: string;
  idempotencyKey: string;
  status: 'succeeded' | 'declined';
  reason: string | null;
}

const outcomeOf = (c: WireCharge): ChargeOutcome =>
  c.status === 'succeeded'
    ? { status: 'succeeded', chargeId: c.id }
    : { status: 'declined', chargeId: c.id, reason: c.reason ?? 'declined' };

/** A webhook older (or newer) than this is refused: a replayed capture cannot be fed back later. */
const SIGNATURE_TOLERANCE_S = 300;

/**
 * The gateway over HTTP (the simulator's protocol, docs/gateway-simulator.md). Every call is
 * bounded by `timeoutMs`; a charge that outlives it is `unknown`, never retried here.
 */
export class HttpPaymentGateway implements PaymentGateway {
  /** keep-alive connections, many at once: a month-end sweep sends thousands of charges a second */
  private readonly agent: http.Agent;

  constructor(private readonly opts: { url: string; timeoutMs: number; webhookSecret: string }) {
    const Agent = opts.url.startsWith('https:') ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 512 });
  }

  /** closes the idle keep-alive connections (at shutdown) */
  close(): void {
    this.agent.destroy();
  }

  private call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(`${this.opts.url}${path}`);
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(
        url,
        {
          method,
          agent: this.agent,
          headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: Record<string, unknown> = {};
            try {
              parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              parsed = { raw: text };
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      const timer = setTimeout(
        () => req.destroy(new Error(`no answer within ${this.opts.timeoutMs} ms`)),
        this.opts.timeoutMs,
      );
      req.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.end(payload);
    });
  }

  /** calls whose failure changes nothing at the gateway: a network error is "unavailable" */
  private async safeCall(method: string, path: string, body?: unknown) {
    try {
      return await this.call(method, path, body);
    } catch (e) {
      throw gatewayUnavailable((e as Error).message);
    }
  }

  async describe(token: string): Promise<GatewayMethod | null> {
    const r = await this.safeCall('GET', `/tokens/${encodeURIComponent(token)}`);
    if (r.status === 404) return null;
    if (r.status !== 200) throw gatewayUnavailable(`GET /tokens answered ${r.status}`);
    return r.body as unknown as GatewayMethod;
  }

  async authorize(input: { token: string; amount: Money; idempotencyKey: string }) {
    const r = await this.safeCall('POST', '/authorizations', {
      token: input.token,
      amount: input.amount.toString(),
      currency: input.amount.currency,
      idempotencyKey: input.idempotencyKey,
    });
    if (r.status === 201) return { authorized: true as const, authorizationId: String(r.body.id) };
    if (r.status === 402 || r.status === 404)
      return { authorized: false as const, reason: String(r.body.reason ?? (r.body.error as { code?: string })?.code) };
    throw gatewayUnavailable(`POST /authorizations answered ${r.status}`);
  }

  async void(authorizationId: string): Promise<void> {
    const r = await this.safeCall('POST', `/authorizations/${encodeURIComponent(authorizationId)}/void`);
    if (r.status !== 200) throw gatewayUnavailable(`void answered ${r.status}`);
  }

  async charge(input: { token: string; amount: Money; idempotencyKey: string }): Promise<ChargeOutcome> {
    let r: { status: number; body: Record<string, unknown> };
    try {
      r = await this.call('POST', '/charges', {
        token: input.token,
        amount: input.amount.toString(),
        currency: input.amount.currency,
        idempotencyKey: input.idempotencyKey,
      });
    } catch (e) {
      // a timeout or a dropped connection: the gateway may have charged
      return { status: 'unknown', reason: (e as Error).message };
    }
    if (r.status === 201) return outcomeOf(r.body as unknown as WireCharge);
    if (r.status === 404) return { status: 'declined', chargeId: null, reason: 'token_not_found' };
    // a 5xx may come from a proxy after the gateway charged: only the key can tell
    return { status: 'unknown', reason: `POST /charges answered ${r.status}` };
  }

  async findCharge(idempotencyKey: string): Promise<ChargeOutcome | null> {
    const r = await this.safeCall('GET', `/charges?idempotencyKey=${encodeURIComponent(idempotencyKey)}`);
    if (r.status === 404) return null;
    if (r.status !== 200) throw gatewayUnavailable(`GET /charges answered ${r.status}`);
    return outcomeOf(r.body as unknown as WireCharge);
  }

  verifyWebhook(rawBody: Buffer, signature: string | undefined, now = new Date()): GatewayEvent {
    if (!signature) throw invalidWebhookSignature('missing');
    const parts = Object.fromEntries(signature.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
    const at = Number(parts.t);
    if (!Number.isInteger(at) || !parts.v1) throw invalidWebhookSignature('malformed (expected t=…,v1=…)');
    if (Math.abs(now.getTime() / 1000 - at) > SIGNATURE_TOLERANCE_S)
      throw invalidWebhookSignature('timestamp outside the tolerance');
    const expected = createHmac('sha256', this.opts.webhookSecret).update(`${at}.`).update(rawBody).digest();
    const given = Buffer.from(parts.v1, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw invalidWebhookSignature('does not match');
    const event = JSON.parse(rawBody.toString('utf8')) as { id: string; type: string; data: WireCharge };
    if (event.type !== 'charge.succeeded' && event.type !== 'charge.declined')
      throw invalidWebhookSignature(`unknown event type ${event.type}`);
    return {
      id: event.id,
      type: event.type,
      idempotencyKey: event.data.idempotencyKey,
      chargeId: event.data.id,
      reason: event.data.reason,
    };
  }
}
