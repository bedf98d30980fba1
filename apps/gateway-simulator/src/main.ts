/**
 * The payment gateway simulator: a separate HTTP server that behaves like a card / PayPal gateway
 * (tokens, authorizations, voids, idempotent charges, signed webhooks), so remitd's payments cross
 * a real network boundary in `npm start` and in the tests. Protocol: docs/gateway-simulator.md.
 *
 * Behaviour is chosen per token (when the test creates it) or for the whole server through the
 * control endpoint: latency, declines (by token or by an amount pattern), timeouts (the charge is
 * made but the answer never comes) and late webhooks (held until flushed).
 *
 * Environment: REMITD_GATEWAY_PORT (3002; 0 = any free port), GATEWAY_LATENCY_MS (0),
 * GATEWAY_WEBHOOK_URL, GATEWAY_WEBHOOK_SECRET, GATEWAY_WEBHOOK_DELAY_MS (0), GATEWAY_HOLD_MS
 * (how long a "timeout" charge keeps the connection open, 60000).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { stopWithParent } from '../../../libs/core/src/processes';

type ChargeBehavior = 'approve' | 'decline' | 'timeout' | 'error';
type WebhookBehavior = 'immediate' | 'held' | 'none';

interface Behavior {
  charge: ChargeBehavior;
  authorize: 'approve' | 'decline';
  webhook: WebhookBehavior;
}

interface Token {
  token: string;
  kind: 'card' | 'paypal';
  brand: string;
  last4: string | null;
  expiry: string | null;
  behavior: Behavior;
}

interface Charge {
  id: string;
  idempotencyKey: string;
  token: string;
  amount: string;
  currency: string;
  status: 'succeeded' | 'declined';
  reason: string | null;
  createdAt: string;
}

interface Settings {
  latencyMs: number;
  webhookUrl: string | null;
  webhookSecret: string;
  webhookDelayMs: number;
  holdMs: number;
  /** a regular expression: charges and authorizations whose amount matches are declined */
  declineAmounts: string | null;
}

const settings: Settings = {
  latencyMs: Number(process.env.GATEWAY_LATENCY_MS ?? 0),
  webhookUrl: process.env.GATEWAY_WEBHOOK_URL || null,
  webhookSecret: process.env.GATEWAY_WEBHOOK_SECRET ?? 'gateway-simulator-secret',
  webhookDelayMs: Number(process.env.GATEWAY_WEBHOOK_DELAY_MS ?? 0),
  holdMs: Number(process.env.GATEWAY_HOLD_MS ?? 60_000),
  declineAmounts: null,
};

const tokens = new Map<string, Token>();
const charges = new Map<string, Charge>();
const chargeRequests = new Map<string, string>();
const authorizations = new Map<string, { id: string; token: string; amount: string; status: string }>();
const heldWebhooks: Charge[] = [];
const held = new Set<ServerResponse>();
let chargeCalls = 0;

const AMOUNT = /^\d{1,16}(\.\d{1,4})?$/;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!chunks.length) return {};
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'malformed_json', 'body must be a JSON object');
}

function text(body: Record<string, unknown>, field: string, required = true): string | null {
  const v = body[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw new HttpError(400, 'missing_field', `${field} is required`);
    return null;
  }
  if (typeof v !== 'string') throw new HttpError(400, 'invalid_field', `${field} must be a string`);
  return v;
}

function moneyOf(body: Record<string, unknown>): { amount: string; currency: string } {
  const amount = text(body, 'amount')!;
  if (!AMOUNT.test(amount)) throw new HttpError(400, 'invalid_field', 'amount must be a decimal string like "12.34"');
  const currency = text(body, 'currency')!;
  if (!/^[A-Z]{3}$/.test(currency)) throw new HttpError(400, 'invalid_field', 'currency must be ISO 4217');
  return { amount, currency };
}

/** Load tests: a token `tok_test_card_…` / `tok_test_paypal_…` is a card / PayPal account that approves, without creating it. */
const TEST_TOKEN = /^tok_test_(card|paypal)_[A-Za-z0-9_-]+$/;

function tokenOf(body: Record<string, unknown>): Token {
  const name = text(body, 'token')!;
  const t = tokens.get(name);
  if (t) return t;
  const test = TEST_TOKEN.exec(name);
  if (!test) throw new HttpError(404, 'token_not_found', 'unknown token');
  const kind = test[1] as 'card' | 'paypal';
  return {
    token: name,
    kind,
    brand: kind === 'card' ? 'visa' : 'paypal',
    last4: kind === 'card' ? '4242' : null,
    expiry: null,
    behavior: DEFAULT_BEHAVIOR,
  };
}

const pause = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

function amountDeclined(amount: string): boolean {
  return settings.declineAmounts !== null && new RegExp(settings.declineAmounts).test(amount);
}

function sign(body: string, at = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', settings.webhookSecret).update(`${at}.${body}`).digest('hex');
  return `t=${at},v1=${mac}`;
}

async function deliver(charge: Charge): Promise<boolean> {
  if (!settings.webhookUrl) return false;
  const body = JSON.stringify({
    id: `evt_${randomUUID()}`,
    type: charge.status === 'succeeded' ? 'charge.succeeded' : 'charge.declined',
    created: new Date().toISOString(),
    data: charge,
  });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(settings.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'gateway-signature': sign(body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return true;
    } catch {
      // retried
    }
    await pause(200 * 2 ** attempt);
  }
  return false;
}

function notify(charge: Charge, behavior: WebhookBehavior): void {
  if (behavior === 'none') return;
  if (behavior === 'held') {
    heldWebhooks.push(charge);
    return;
  }
  setTimeout(() => void deliver(charge), settings.webhookDelayMs).unref();
}

const DEFAULT_BEHAVIOR: Behavior = { charge: 'approve', authorize: 'approve', webhook: 'immediate' };

function createToken(body: Record<string, unknown>): Token {
  const kind = text(body, 'kind');
  if (kind !== 'card' && kind !== 'paypal') throw new HttpError(400, 'invalid_field', 'kind must be card or paypal');
  const b = (body.behavior ?? {}) as Partial<Behavior>;
  const behavior: Behavior = { ...DEFAULT_BEHAVIOR, ...b };
  if (!['approve', 'decline', 'timeout', 'error'].includes(behavior.charge))
    throw new HttpError(400, 'invalid_field', 'behavior.charge must be approve, decline, timeout or error');
  if (!['approve', 'decline'].includes(behavior.authorize))
    throw new HttpError(400, 'invalid_field', 'behavior.authorize must be approve or decline');
  if (!['immediate', 'held', 'none'].includes(behavior.webhook))
    throw new HttpError(400, 'invalid_field', 'behavior.webhook must be immediate, held or none');
  let brand: string;
  let last4: string | null = null;
  let expiry: string | null = null;
  if (kind === 'card') {
    const number = (text(body, 'number') ?? '').replace(/\s+/g, '');
    if (!/^\d{12,19}$/.test(number)) throw new HttpError(400, 'invalid_field', 'number must be 12 to 19 digits');
    expiry = text(body, 'expiry')!;
    if (!/^(0[1-9]|1[0-2])\/\d{2}$/.test(expiry)) throw new HttpError(400, 'invalid_field', 'expiry must be MM/YY');
    last4 = number.slice(-4);
    brand = number.startsWith('4')
      ? 'visa'
      : /^5[1-5]/.test(number)
        ? 'mastercard'
        : /^3[47]/.test(number)
          ? 'amex'
          : 'card';
  } else {
    text(body, 'email');
    brand = 'paypal';
  }
  const token: Token = { token: `tok_${randomUUID().replace(/-/g, '')}`, kind, brand, last4, expiry, behavior };
  tokens.set(token.token, token);
  return token;
}

const describe = (t: Token) => ({ token: t.token, kind: t.kind, brand: t.brand, last4: t.last4, expiry: t.expiry });

async function charge(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
  chargeCalls++;
  const key = text(body, 'idempotencyKey')!;
  const token = tokenOf(body);
  const { amount, currency } = moneyOf(body);
  const fingerprint = `${token.token}|${amount}|${currency}`;
  const previous = charges.get(key);
  if (previous) {
    // the same key answers the first outcome, never a second charge
    if (chargeRequests.get(key) !== fingerprint)
      throw new HttpError(409, 'idempotency_key_reused', 'this idempotency key was used for another charge');
    send(res, 201, previous, { 'idempotent-replay': 'true' });
    return;
  }
  if (token.behavior.charge === 'error')
    throw new HttpError(503, 'unavailable', 'the gateway is unavailable; nothing was charged');
  const declined = token.behavior.charge === 'decline' || amountDeclined(amount);
  const record: Charge = {
    id: `ch_${randomUUID().replace(/-/g, '')}`,
    idempotencyKey: key,
    token: token.token,
    amount,
    currency,
    status: declined ? 'declined' : 'succeeded',
    reason: declined ? 'card_declined' : null,
    createdAt: new Date().toISOString(),
  };
  charges.set(key, record);
  chargeRequests.set(key, fingerprint);
  notify(record, token.behavior.webhook);
  if (token.behavior.charge === 'timeout') {
    // the charge is made; the answer never comes (the client times out and must ask again)
    held.add(res);
    setTimeout(() => {
      held.delete(res);
      res.destroy();
    }, settings.holdMs).unref();
    return;
  }
  send(res, 201, record);
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  const parts = url.pathname.split('/').filter(Boolean);
  const method = req.method ?? 'GET';
  if (!parts[0]?.startsWith('_') && parts[0] !== 'health') await pause(settings.latencyMs);
  if (method === 'GET' && url.pathname === '/health') return send(res, 200, { ok: true });
  if (method === 'POST' && url.pathname === '/tokens')
    return send(res, 201, describe(createToken(await readJson(req))));
  if (method === 'GET' && parts[0] === 'tokens' && parts.length === 2) {
    const t = tokens.get(parts[1]);
    if (!t) throw new HttpError(404, 'token_not_found', 'unknown token');
    return send(res, 200, describe(t));
  }
  if (method === 'POST' && url.pathname === '/authorizations') {
    const body = await readJson(req);
    const token = tokenOf(body);
    const { amount, currency } = moneyOf(body);
    if (token.behavior.authorize === 'decline' || amountDeclined(amount))
      return send(res, 402, { status: 'declined', reason: 'authorization_declined', amount, currency });
    const auth = { id: `auth_${randomUUID().replace(/-/g, '')}`, token: token.token, amount, status: 'authorized' };
    authorizations.set(auth.id, auth);
    return send(res, 201, { ...auth, currency });
  }
  if (method === 'POST' && parts[0] === 'authorizations' && parts[2] === 'void' && parts.length === 3) {
    const auth = authorizations.get(parts[1]);
    if (!auth) throw new HttpError(404, 'authorization_not_found', 'unknown authorization');
    auth.status = 'voided';
    return send(res, 200, auth);
  }
  if (method === 'POST' && url.pathname === '/charges') return charge(req, res, await readJson(req));
  if (method === 'GET' && url.pathname === '/charges') {
    const key = url.searchParams.get('idempotencyKey');
    if (!key) throw new HttpError(400, 'missing_field', 'idempotencyKey is required');
    const found = charges.get(key);
    if (!found) throw new HttpError(404, 'charge_not_found', 'no charge with this idempotency key');
    return send(res, 200, found);
  }
  if (method === 'POST' && url.pathname === '/_control') {
    const body = await readJson(req);
    for (const k of Object.keys(body)) {
      if (!(k in settings)) throw new HttpError(400, 'invalid_field', `unknown setting ${k}`);
      (settings as unknown as Record<string, unknown>)[k] = body[k];
    }
    return send(res, 200, { ...settings, webhookSecret: undefined });
  }
  if (method === 'POST' && url.pathname === '/_control/webhooks/flush') {
    const batch = heldWebhooks.splice(0);
    const results = await Promise.all(batch.map((c) => deliver(c)));
    return send(res, 200, { sent: results.filter(Boolean).length, failed: results.filter((r) => !r).length });
  }
  if (method === 'GET' && url.pathname === '/_control/stats') {
    let succeeded = 0;
    for (const c of charges.values()) if (c.status === 'succeeded') succeeded++;
    return send(res, 200, {
      chargeCalls,
      charges: charges.size,
      succeeded,
      heldWebhooks: heldWebhooks.length,
      authorizations: authorizations.size,
      voided: [...authorizations.values()].filter((a) => a.status === 'voided').length,
    });
  }
  if (method === 'GET' && url.pathname === '/_control/charges') {
    const token = url.searchParams.get('token');
    return send(res, 200, {
      items: [...charges.values()].filter((c) => !token || c.token === token),
    });
  }
  throw new HttpError(404, 'route_not_found', `${method} ${url.pathname}`);
}

const server = createServer((req, res) => {
  route(req, res).catch((e: unknown) => {
    if (res.headersSent) return;
    if (e instanceof HttpError) send(res, e.status, { error: { code: e.code, message: e.message } });
    else send(res, 500, { error: { code: 'internal', message: String((e as Error)?.message ?? e) } });
  });
});
server.keepAliveTimeout = 60_000;

const stop = () =>
  new Promise<void>((resolve) => {
    for (const res of held) res.destroy();
    server.close(() => resolve());
    server.closeAllConnections();
  });

const port = Number(process.env.REMITD_GATEWAY_PORT ?? 3002);
server.listen(port, '127.0.0.1', () => {
  const actual = (server.address() as { port: number }).port;
  console.log(`[gateway-simulator] listening on http://127.0.0.1:${actual}`);
});
process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
process.on('SIGINT', () => void stop().then(() => process.exit(0)));
stopWithParent(stop, (m) => console.error(`[gateway-simulator] ${m}`));
