import { connect, createServer, type Socket } from 'node:net';

/**
 * The one stable endpoint the apps connect to, as a load balancer or pgbouncer gives in
 * production: every connection is piped to the current target port. `repoint` moves it (to a
 * promoted standby) and cuts every connection still open to the old one, as HAProxy does with
 * `on-marked-down shutdown-sessions`; the apps then reconnect through the same address.
 */
export async function startTcpProxy(targetPort: number) {
  let target = targetPort;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    open.add(client).add(upstream);
    const done = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    repoint: (port: number) => {
      target = port;
      for (const s of open) s.destroy();
    },
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
