import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpSmsChannel } from './http-sms.channel';
import { isPermanentSendError } from './channels';

/** The REST SMS adapter against a real HTTP server standing in for the provider. */
describe('HttpSmsChannel', () => {
  const received: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(data) });
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `sms-${received.length}` }));
    });
  });
  let channel: HttpSmsChannel;

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    channel = new HttpSmsChannel({ url: `http://127.0.0.1:${port}/v1/messages`, token: 't0k', from: 'remitd' });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const msg = {
    dedupeKey: 'resource:1:expiring:x',
    recipient: '+6591234567',
    subject: 's',
    text: 'Your CKafka expires',
    html: '',
  };

  it('posts the text with the dedupe key as Idempotency-Key and returns the provider id', async () => {
    status = 200;
    expect(await channel.send(msg)).toEqual({ providerMessageId: 'sms-1' });
    expect(received[0].body).toEqual({ to: '+6591234567', from: 'remitd', text: 'Your CKafka expires' });
    expect(received[0].headers['idempotency-key']).toBe('resource:1:expiring:x');
    expect(received[0].headers.authorization).toBe('Bearer t0k');
  });

  it('a refused number is permanent, a throttled or failing provider retries', async () => {
    status = 400;
    const refused = await channel.send(msg).catch((e: unknown) => e);
    expect(isPermanentSendError(refused)).toBe(true);
    status = 429;
    expect(isPermanentSendError(await channel.send(msg).catch((e: unknown) => e))).toBe(false);
    status = 503;
    expect(isPermanentSendError(await channel.send(msg).catch((e: unknown) => e))).toBe(false);
  });
});
