import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule, type LoggerService } from '@nestjs/common';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';

/**
 * Nest's start-up chatter at `log` level: one line per route (~60), per module, per
 * controller. Warnings and errors from these contexts still get through.
 */
const QUIET_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader', 'NestFactory']);

export interface LoggingOptions {
  /** `admin-api` | `reconciler`: on every line as `service` */
  service: string;
  /** pino level; default LOG_LEVEL or `info` */
  level?: string;
  /** human-readable lines (pino-pretty); default: when stdout is a terminal */
  pretty?: boolean;
  /** where lines go (tests); default stdout */
  destination?: DestinationStream;
}

/**
 * The process's one pino logger. On a terminal: pretty, coloured lines (pino-pretty, when
 * installed). Otherwise (a pipe, a file, journald, a container's log): one JSON object per
 * line, never a colour code.
 */
export function createRootLogger(opts: LoggingOptions): Pino {
  const level = opts.level ?? process.env.LOG_LEVEL ?? 'info';
  if (!(level in pino.levels.values) && level !== 'silent')
    throw new Error(`LOG_LEVEL must be one of ${Object.keys(pino.levels.values).join(', ')}, silent; got "${level}"`);
  const options: pino.LoggerOptions = {
    level,
    base: { service: opts.service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const pretty = opts.pretty ?? (opts.destination === undefined && process.stdout.isTTY === true);
  if (pretty) {
    const stream = prettyStream(opts.destination);
    if (stream) return pino(options, stream);
  }
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

function prettyStream(destination?: DestinationStream): DestinationStream | null {
  try {
    // a development dependency: a production install without it logs JSON
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pinoPretty = require('pino-pretty') as (o: Record<string, unknown>) => DestinationStream;
    return pinoPretty({
      colorize: destination === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service,context,req,res,responseTime',
      messageFormat: '{service} {if context}[{context}] {end}{msg}',
      singleLine: true,
      sync: true,
      ...(destination ? { destination } : {}),
    });
  } catch {
    return null;
  }
}

/**
 * nestjs-pino for a Nest app: `new Logger(ctx)` from @nestjs/common everywhere in the code
 * goes through it once the app calls `app.useLogger(nestLogger(app))`. With `http`, one line
 * per request (method, URL without headers, status, time; /health left out).
 */
export function loggingModule(root: Pino, opts: { http?: boolean } = {}): DynamicModule {
  @Module({})
  class RemitdLoggingModule {}
  return {
    module: RemitdLoggingModule,
    imports: [
      LoggerModule.forRoot({
        pinoHttp: {
          logger: root,
          autoLogging: opts.http ? { ignore: (req: IncomingMessage) => req.url === '/health' } : false,
          customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
            err || res.statusCode >= 500 ? 'error' : 'info',
          customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) =>
            `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms)}ms`,
          customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
            `${req.method} ${req.url} ${res.statusCode}`,
          // never the headers: they carry API keys
          serializers: {
            req: (req: { id?: unknown; method?: string; url?: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    ],
    exports: [LoggerModule],
  };
}

/** The logger to give `app.useLogger`: nestjs-pino's, without Nest's start-up chatter. */
export function nestLogger(app: { get<T>(t: new (...args: never[]) => T): T }): LoggerService {
  const inner = app.get(PinoNestLogger);
  const quiet = (params: unknown[]) => {
    const context = params[params.length - 1];
    return typeof context === 'string' && QUIET_CONTEXTS.has(context);
  };
  return {
    log: (message: unknown, ...params: unknown[]) => (quiet(params) ? undefined : inner.log(message, ...params)),
    warn: (message: unknown, ...params: unknown[]) => inner.warn(message, ...params),
    error: (message: unknown, ...params: unknown[]) => inner.error(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => (quiet(params) ? undefined : inner.debug(message, ...params)),
    verbose: (message: unknown, ...params: unknown[]) =>
      quiet(params) ? undefined : inner.verbose(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => inner.fatal(message, ...params),
  };
}
