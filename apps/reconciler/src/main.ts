import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, type RemitdConfig } from '@remitd/config';
import { OutboxRepository } from '@remitd/notifications';
import { ensurePrivateDir, stopWithParent } from '@remitd/core';
import { PrismaService } from '@remitd/persistence';
import { Metrics } from './metrics';
import { ReconcilerModule, type ReconcilerOptions } from './reconciler.module';

/** The daemon: no HTTP API, only /health and /metrics for operators. */
export async function startReconciler(config: RemitdConfig, opts: ReconcilerOptions & { logger?: false } = {}) {
  const ctx = await NestFactory.createApplicationContext(ReconcilerModule.forRoot(config, opts), {
    logger: opts.logger ?? ['log', 'warn', 'error'],
  });
  ctx.enableShutdownHooks();
  const server = healthServer(ctx);
  await new Promise<void>((r) => server.listen(config.reconcilerPort, '127.0.0.1', r));
  return {
    ctx,
    port: (server.address() as { port: number }).port,
    close: async () => {
      await new Promise((r) => server.close(r));
      await ctx.close();
    },
  };
}

function healthServer(ctx: INestApplicationContext): Server {
  return createServer((req, res) => {
    void (async () => {
      if (req.url === '/health') {
        try {
          await ctx.get(PrismaService).$queryRaw`SELECT 1`;
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ status: 'ok', service: 'reconciler', database: 'ok' }));
        } catch (e) {
          res
            .writeHead(503, { 'content-type': 'application/json' })
            .end(JSON.stringify({ status: 'error', error: (e as Error).message }));
        }
      } else if (req.url === '/metrics') {
        const metrics = ctx.get(Metrics);
        // issue 11 item 16: given-up e-mails are visible (alert on remitd_notifications_failed > 0)
        try {
          const outbox = await ctx.get(OutboxRepository).statusCounts();
          metrics.set('notifications_failed', outbox.failed);
          metrics.set('notifications_pending', outbox.pending);
        } catch {
          // the database is down: /health says so; the counters are still worth scraping
        }
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics.render());
      } else {
        res.writeHead(404).end();
      }
    })();
  });
}

async function main() {
  const config: RemitdConfig = loadConfig();
  ensurePrivateDir(config.dataDir);
  const r = await startReconciler(config);
  stopWithParent(
    () => r.close(),
    (m) => new Logger('reconciler').warn(m),
  );
  new Logger('reconciler').log(`running; health on http://127.0.0.1:${r.port}/health`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
