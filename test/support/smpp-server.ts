import type { AddressInfo } from 'node:net';
import * as smpp from 'smpp';

export interface ReceivedSms {
  messageId: string;
  from: string;
  to: string;
  text: string;
}

export interface TestSmppServer {
  port: number;
  url: string;
  systemId: string;
  password: string;
  messages: ReceivedSms[];
  /** receipts the client acknowledged (message ids) */
  acknowledgedReceipts: string[];
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedSms[]>;
  close(): Promise<void>;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  const message = (value as { message?: unknown } | null)?.message;
  return message === undefined ? '' : text(message);
}

/**
 * A real SMPP 3.4 server (SMSC) on 127.0.0.1 for tests (npm `smpp`): accepts bind_transceiver
 * with the given credentials, answers submit_sm with a message id, keeps every message, and
 * sends a delivery receipt (deliver_sm, esm_class 0x04, stat:DELIVRD) for each one that asked.
 */
export async function startSmppServer(opts: { systemId?: string; password?: string } = {}): Promise<TestSmppServer> {
  const systemId = opts.systemId ?? 'remitd';
  const password = opts.password ?? 'secret';
  const messages: ReceivedSms[] = [];
  const acknowledgedReceipts: string[] = [];
  const sessions = new Set<smpp.Session>();
  let waiters: Array<() => void> = [];
  let n = 0;
  const server = smpp.createServer((session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => sessions.delete(session));
    session.on('bind_transceiver', (pdu: smpp.Pdu) => {
      if (pdu.system_id !== systemId || pdu.password !== password) {
        session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
        session.close();
        return;
      }
      session.send(pdu.response());
    });
    session.on('enquire_link', (pdu: smpp.Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: smpp.Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: smpp.Pdu) => {
      const messageId = `smsc-${++n}`;
      const body = text(pdu.short_message) || text(pdu.message_payload);
      messages.push({ messageId, from: String(pdu.source_addr), to: String(pdu.destination_addr), text: body });
      session.send(pdu.response({ message_id: messageId }));
      const current = waiters;
      waiters = [];
      current.forEach((w) => w());
      if (Number(pdu.registered_delivery) & 1) {
        setImmediate(() =>
          session.deliver_sm(
            {
              source_addr: pdu.destination_addr,
              destination_addr: pdu.source_addr,
              esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
              short_message: `id:${messageId} sub:001 dlvrd:001 submit date:2701010000 done date:2701010000 stat:DELIVRD err:000 text:`,
            },
            (resp) => {
              if (resp.command_status === smpp.ESME_ROK) acknowledgedReceipts.push(messageId);
            },
          ),
        );
      }
    });
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `smpp://127.0.0.1:${port}`,
    systemId,
    password,
    messages,
    acknowledgedReceipts,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Timed out waiting for ${count} SMS; received ${messages.length}`)),
          timeoutMs,
        );
        const check = () => {
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve(messages.slice());
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}
