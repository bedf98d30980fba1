import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../http/auth';
import { HttpMetrics } from './http-metrics';

/**
 * Prometheus scrape endpoint of the admin API. It listens on the public API port, so it needs
 * an API key (super_admin or admin; Prometheus sends it with `authorization: {credentials: …}`).
 * Not part of the OpenAPI document: it is for operators, not API clients.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: HttpMetrics) {}

  @Get()
  @Roles('super_admin', 'admin')
  @Header('cache-control', 'no-store')
  async scrape(@Res() res: Response): Promise<void> {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
