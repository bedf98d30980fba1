import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@remitd/core';
import { isConnectionLoss } from '@remitd/persistence';
import type { Response } from 'express';

const STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};

/** One filter maps domain error codes to HTTP statuses; a 500 carries an error id that is also logged. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (err instanceof DomainError) {
      res
        .status(STATUS[err.kind])
        .json({ error: { code: err.code, message: err.message, field: err.field, details: err.details } });
      return;
    }
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const body = err.getResponse() as { error?: unknown; message?: unknown };
      if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'object') {
        res.status(status).json(body);
        return;
      }
      const message =
        typeof body === 'string'
          ? body
          : Array.isArray(body?.message)
            ? body.message.join('; ')
            : String(body?.message ?? err.message);
      res.status(status).json({ error: { code: status === 404 ? 'ROUTE_NOT_FOUND' : 'HTTP_' + status, message } });
      return;
    }
    if (isConnectionLoss(err)) {
      // the database is failing over (or down): nothing of the request was applied unless its
      // Idempotency-Key says so, so the client retries with the same key
      this.logger.warn(`database unavailable: ${(err as Error)?.message ?? String(err)}`);
      res
        .status(503)
        .setHeader('Retry-After', '1')
        .json({ error: { code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable; retry the request' } });
      return;
    }
    const errorId = randomUUID();
    this.logger.error(`error ${errorId}: ${(err as Error)?.stack ?? String(err)}`);
    res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error', errorId } });
  }
}
