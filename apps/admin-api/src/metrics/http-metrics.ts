import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The admin API's /metrics: default process metrics and request latency by method, route
 * template (`/customers/:id`, never the id) and status. One registry per app (not prom-client's
 * global one), so tests may run several in one process.
 */
@Injectable()
export class HttpMetrics {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: 'remitd_http_request_duration_seconds',
    help: 'admin API request latency, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Express middleware: times every request, including those a guard refuses (401/403) and 404s. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const path = (req.route as { path?: string } | undefined)?.path;
      this.requestDuration.observe(
        {
          method: req.method,
          route: path === undefined ? 'unmatched' : `${req.baseUrl}${path}`,
          status: String(res.statusCode),
        },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  };
}
