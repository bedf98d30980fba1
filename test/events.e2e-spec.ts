import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { RemittanceEventsHub } from '../apps/admin-api/src/events/remittance-events.hub';
import { startTestAdminApi } from './support/admin-api';
import { buildCamt } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * What a browser's EventSource does, over plain HTTP: one GET that stays open, read as
 * `event:`/`data:` blocks separated by a blank line; comments (`: ping`) are kept apart.
 */
function openEventStream(app: INestApplication, key: string) {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const events: ServerSentEvent[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let ended = false;
  const notify = () => waiters.splice(0).forEach((w) => w());
  let request: http.ClientRequest | undefined;
  const opened = new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = (request = http.get({
      port,
      host: '127.0.0.1',
      path: '/events',
      headers: { Authorization: `Bearer ${key}` },
    }));
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const fields = { event: 'message', data: [] as string[] };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event:')) fields.event = line.slice(6).trim();
            else if (line.startsWith('data:')) fields.data.push(line.slice(5).trimStart());
          }
          if (fields.data.length) events.push({ event: fields.event, data: fields.data.join('\n') });
        }
        notify();
      });
      res.on('close', () => {
        ended = true;
        notify();
      });
      resolve(res);
    });
    req.on('error', reject);
  });
  const stream = {
    opened,
    events,
    comments,
    get ended() {
      return ended;
    },
    close: () => void request?.destroy(),
    /** resolves when `ok()` holds, checked on every chunk that arrives */
    until: (ok: () => boolean, what: string, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (ok()) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      }),
  };
  return stream;
}

/** resolves when `ok()` holds, looking again after each turn of the event loop (a signal, not a sleep) */
async function eventually(ok: () => boolean, what: string, turns = 10_000): Promise<void> {
  for (let n = 0; n < turns; n++) {
    if (ok()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`not ${what}`);
}

describe('events: live updates for the console as server-sent events', () => {
  let sys: TestSystem;
  let hub: RemittanceEventsHub;

  beforeAll(async () => {
    sys = await startSystem();
    hub = sys.api.get(RemittanceEventsHub);
  });
  afterAll(() => sys.close());

  it('streams a remittance the reconciler creates and its state and owner changes, pings, and frees the listener on disconnect', async () => {
    const key = await sys.keyFor('account_manager');
    const stream = openEventStream(sys.api, key);
    const res = await stream.opened;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['cache-control']).toContain('no-transform');
    expect(res.headers['content-encoding']).toBeUndefined();
    await stream.until(() => stream.comments.includes('connected'), 'greeting');
    expect(hub.clientCount).toBe(1);

    // the real path: a statement in the inbox, the reconciler's turn
    sys.drop(
      'events.xml',
      buildCamt({
        statementId: 'EV-1',
        account: 'DE89370400440532013000',
        entries: [{ ref: 'EV-UNKNOWN', amount: '1234.50', remitterName: 'Nobody We Know' }],
      }),
    );
    await sys.tick();
    const remittance = await sys.prisma.remittance.findFirstOrThrow({ where: { state: 'unmatched' } });
    const about = (kind: string, state: string) => () =>
      stream.events.some((e) => {
        const d = JSON.parse(e.data);
        return e.event === 'remittance' && d.id === remittance.id && d.kind === kind && d.state === state;
      });
    await stream.until(about('created', 'unmatched'), 'event for the new remittance');
    expect(JSON.parse(stream.events.find((e) => e.event === 'remittance')!.data)).toEqual({
      id: remittance.id,
      kind: 'created',
      state: 'unmatched',
      customerId: null,
      currency: 'EUR',
      remittedAmount: '1234.50',
      ownerId: null,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });

    // an owner taken, then a state change by an account manager
    await sys.http().post(`/remittances/${remittance.id}/owner`).set(sys.auth).send({ ownerId: 'me' }).expect(200);
    await stream.until(
      () => stream.events.some((e) => JSON.parse(e.data).ownerId?.startsWith('apikey:')),
      'event for the owner',
    );
    await sys
      .http()
      .post(`/remittances/${remittance.id}/return`)
      .set(sys.auth)
      .set('Idempotency-Key', 'events-return')
      .send({ reason: 'not our customer' })
      .expect(201);
    await stream.until(about('updated', 'return_requested'), 'event for the state change');
    // a comment changes neither state nor owner: no event
    const before = stream.events.length;
    await sys.http().post(`/remittances/${remittance.id}/comments`).set(sys.auth).send({ body: 'fyi' }).expect(201);

    hub.ping();
    await stream.until(() => stream.comments.includes('ping'), 'ping');
    expect(stream.events).toHaveLength(before);

    stream.close();
    await eventually(() => hub.clientCount === 0, 'freed after the client went away');
  });

  it('needs a staff key', async () => {
    expect((await sys.http().get('/events')).status).toBe(401);
    const member = await sys.keyFor('member', (await sys.customer({ name: 'Events Member' })).id);
    expect(
      (
        await sys
          .http()
          .get('/events')
          .set({ Authorization: `Bearer ${member}` })
      ).status,
    ).toBe(403);
  });

  it('ends open streams when the app shuts down, so it can stop', async () => {
    const api = await startTestAdminApi();
    const stream = openEventStream(api.app, api.superKey);
    await stream.opened;
    await stream.until(() => stream.comments.includes('connected'), 'greeting');
    await api.close();
    await stream.until(() => stream.ended, 'end of the stream');
  });
});
