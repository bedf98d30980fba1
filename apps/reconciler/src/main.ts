import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { Logger, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createRootLogger, loadConfig, loggingModule, nestLogger, type RemitdConfig } from '@remitd/config';
import { ensurePrivateDir, stopWithParent } from '@remitd/core';
import { PrismaService } from '@remitd/persistence';
import { Metrics } from './metrics';
import { ReconcilerModule, type ReconcilerOptions } from './reconciler.module';

/** The daemon: no HTTP API, only /health and /metrics for operators. */
/** Logs through pino (JSON lines, pretty on a terminal) unless `logger: false` (tests). */
export async function startReconciler(config: RemitdConfig, opts: ReconcilerOptions & { logger?: false } = {}) {
  const logging = opts.logger !== false;
  @Module({})
  class ReconcilerApp {}
  const ctx = await NestFactory.createApplicationContext(
    {
      module: ReconcilerApp,
      imports: [
        ReconcilerModule.forRoot(config, opts),
        ...(logging ? [loggingModule(createRootLogger({ service: 'reconciler' }))] : []),
      ],
    },
    logging ? { bufferLogs: true } : { logger: false },
  );
  if (logging) ctx.useLogger(nestLogger(ctx));
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
        // issue 11 item 16: given-up e-mails are visible (alert on remitd_notifications_failed > 0)
        const metrics = ctx.get(Metrics);
        res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.render());
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
  new Logger('reconciler').log(`running; health on http://127.0.0.1:${r.port}/health, metrics on /metrics`);
}

if (require.main === module) {
  main().catch((e) => {
    // a start-up failure (bad setting, database down) is one line, JSON off a terminal like the rest
    createRootLogger({ service: 'reconciler', level: 'info' }).fatal(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
