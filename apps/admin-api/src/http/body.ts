import type { NestExpressApplication } from '@nestjs/platform-express';
import { DomainError } from '@remitd/core';
import type { NextFunction, Request, Response } from 'express';

/**
 * The body parsers, registered here rather than by Nest so that their errors can be told apart:
 * Nest turns a parser error into a bare 400 without a field; here a malformed JSON body is
 * 400 MALFORMED_JSON and an oversized one 400 BODY_TOO_LARGE, both naming `body`.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: true });
  app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(bodyError(err)));
}

function bodyError(err: unknown): unknown {
  const type = (err as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return err;
  if (type === 'entity.parse.failed')
    return new DomainError('MALFORMED_JSON', 'body: not valid JSON', 'validation', 'body');
  if (type === 'entity.too.large')
    return new DomainError('BODY_TOO_LARGE', 'body: larger than the API accepts (100 kB)', 'validation', 'body');
  if (/^(entity|charset|encoding|request)\./.test(type))
    return new DomainError('UNREADABLE_BODY', `body: ${(err as Error).message}`, 'validation', 'body');
  return err;
}
