import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface ChannelListener {
  stop(): Promise<void>;
}

/**
 * PostgreSQL NOTIFY on one channel, as they commit, over a connection of its own (LISTEN does not
 * work through a pool). `onUp` when listening starts, `onDown` when the connection is lost
 * (notifications may then be missed: the caller must stop trusting what it cached). Reconnects
 * every 500 ms until `stop()`.
 */
export function listenToChannel(
  url: string,
  channel: string,
  handlers: { onPayload(payload: string): void; onUp(): void; onDown(): void },
  log: Logger,
): ChannelListener {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new Client({ connectionString: url });
    client = c;
    const lost = (why: string) => {
      if (client !== c) return;
      client = null;
      handlers.onDown();
      c.end().catch(() => undefined);
      if (stopped) return;
      log.warn(`notifications on ${channel} lost (${why}); reconnecting`);
      retry = setTimeout(() => void connect(), 500);
      retry.unref();
    };
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload) handlers.onPayload(n.payload);
    });
    c.on('error', (e) => lost(e.message));
    c.on('end', () => lost('connection ended'));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (client === c) handlers.onUp();
    } catch (e) {
      lost((e as Error).message);
    }
  };
  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
