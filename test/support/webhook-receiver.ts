import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
}

export interface TestWebhookReceiver {
  url: string;
  /** every request, in order of arrival (failed answers included) */
  received: ReceivedWebhook[];
  /** answer the next `n` requests with this status instead of 200 */
  failNext(n: number, status?: number): void;
  close(): Promise<void>;
}

/** A plain node HTTP server standing in for the platform: records each webhook, answers 200 (or what it is told). */
export async function startWebhookReceiver(): Promise<TestWebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  let failStatus = 503;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: ReceivedWebhook['json'];
      try {
        json = JSON.parse(body);
      } catch {
        json = { id: '', type: '', occurredAt: '', data: {} };
      }
      received.push({ headers: req.headers, body, json });
      if (failures > 0) {
        failures--;
        res.writeHead(failStatus).end('try later');
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/remitd-webhooks`,
    received,
    failNext(n, status = 503) {
      failures = n;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
