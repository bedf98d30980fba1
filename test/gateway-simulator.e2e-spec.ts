import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { HttpPaymentGateway } from '@remitd/payments';
import { Money } from '@remitd/money';
import { startGatewaySimulator, type RunningGateway } from './support/gateway-simulator';

/** The simulator's protocol (docs/gateway-simulator.md), through remitd's HTTP gateway client. */
describe('gateway simulator', () => {
  let gw: RunningGateway;
  let client: HttpPaymentGateway;
  let hooks: Server;
  const received: { body: Buffer; signature: string }[] = [];
  const waiters: (() => void)[] = [];
  const SECRET = 'test-secret';

  beforeAll(async () => {
    hooks = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks), signature: String(req.headers['gateway-signature']) });
        res.writeHead(200).end('{}');
        for (const w of waiters.splice(0)) w();
      });
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', () => r()));
    const port = (hooks.address() as { port: number }).port;
    gw = await startGatewaySimulator({
      GATEWAY_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
      GATEWAY_WEBHOOK_SECRET: SECRET,
    });
    client = new HttpPaymentGateway({ url: gw.url, timeoutMs: 500, webhookSecret: SECRET });
  });
  afterAll(async () => {
    await gw?.stop();
    await new Promise((r) => hooks.close(r));
  });

  const usd = (a: string) => Money.of(a, 'USD');
  const nextWebhook = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (received.length >= count ? resolve() : waiters.push(check));
      check();
    });

  it('describes a card by its token: brand, last four digits, expiry; never the number', async () => {
    const t = await gw.token({ kind: 'card', number: '5555555555554444', expiry: '01/30' });
    expect(await client.describe(t.token)).toEqual({
      token: t.token,
      kind: 'card',
      brand: 'mastercard',
      last4: '4444',
      expiry: '01/30',
    });
    expect(await client.describe('tok_unknown')).toBeNull();
  });

  it('the same idempotency key never charges twice and answers the first outcome', async () => {
    const t = await gw.token({ kind: 'card', number: '4242424242424242', expiry: '12/29' });
    const first = await client.charge({ token: t.token, amount: usd('10.00'), idempotencyKey: 'same-key' });
    const again = await client.charge({ token: t.token, amount: usd('10.00'), idempotencyKey: 'same-key' });
    expect(first).toEqual(again);
    expect(first.status).toBe('succeeded');
    expect(await gw.charges(t.token)).toHaveLength(1);
    const reused = await fetch(`${gw.url}/charges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: t.token, amount: '11.00', currency: 'USD', idempotencyKey: 'same-key' }),
    });
    expect(reused.status).toBe(409);
    expect(await client.findCharge('same-key')).toEqual(first);
    expect(await client.findCharge('never-sent')).toBeNull();
  });

  it('declines by token and by amount pattern; authorizations are voided', async () => {
    const declining = await gw.token({
      kind: 'card',
      number: '4000000000000002',
      expiry: '12/29',
      behavior: { charge: 'decline' },
    });
    expect((await client.charge({ token: declining.token, amount: usd('5.00'), idempotencyKey: 'd1' })).status).toBe(
      'declined',
    );
    await gw.control({ declineAmounts: '\\.13$' });
    const ok = await gw.token({ kind: 'paypal', email: 'p@example.com' });
    expect((await client.charge({ token: ok.token, amount: usd('5.13'), idempotencyKey: 'd2' })).status).toBe(
      'declined',
    );
    expect((await client.authorize({ token: ok.token, amount: usd('1.13'), idempotencyKey: 'a0' })).authorized).toBe(
      false,
    );
    await gw.control({ declineAmounts: null });
    const auth = await client.authorize({ token: ok.token, amount: usd('1.00'), idempotencyKey: 'a1' });
    expect(auth.authorized).toBe(true);
    if (auth.authorized) await client.void(auth.authorizationId);
    expect((await gw.stats()).voided).toBe(1);
  });

  it('a timeout leaves the outcome unknown; the key query and a late, signed webhook tell it', async () => {
    const t = await gw.token({
      kind: 'card',
      number: '4242424242424242',
      expiry: '12/29',
      behavior: { charge: 'timeout', webhook: 'held' },
    });
    const outcome = await client.charge({ token: t.token, amount: usd('99.00'), idempotencyKey: 'slow' });
    expect(outcome.status).toBe('unknown');
    expect(await client.findCharge('slow')).toMatchObject({ status: 'succeeded' });
    const before = received.length;
    expect(await gw.flushWebhooks()).toEqual({ sent: 1, failed: 0 });
    await nextWebhook(before + 1);
    const hook = received[before];
    const event = client.verifyWebhook(hook.body, hook.signature);
    expect(event).toMatchObject({ type: 'charge.succeeded', idempotencyKey: 'slow' });
    // HMAC-SHA256 over "<t>.<body>"
    const t0 = hook.signature.split(',')[0].slice(2);
    expect(hook.signature).toBe(
      `t=${t0},v1=${createHmac('sha256', SECRET).update(`${t0}.${hook.body.toString()}`).digest('hex')}`,
    );
    expect(() =>
      client.verifyWebhook(Buffer.from(hook.body.toString().replace('99.00', '1.00')), hook.signature),
    ).toThrow(/does not match/);
    expect(() => client.verifyWebhook(hook.body, hook.signature, new Date(Date.now() + 3600_000))).toThrow(/tolerance/);
    expect(await gw.charges(t.token)).toHaveLength(1);
  });

  it('adds the configured latency to every call', async () => {
    await gw.control({ latencyMs: 20 });
    const t = await gw.token({ kind: 'card', number: '4242424242424242', expiry: '12/29' });
    const outcome = await client.charge({ token: t.token, amount: usd('1.00'), idempotencyKey: 'lat' });
    expect(outcome.status).toBe('succeeded');
    await gw.control({ latencyMs: 0 });
  });
});
