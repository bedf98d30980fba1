import type { NestExpressApplication } from '@nestjs/platform-express';
import { DomainError } from '@remitd/core';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** What a remittance voucher may be (POST /remittances/:id/vouchers takes the file as the raw body). */
export const VOUCHER_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const VOUCHER_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The body parsers, registered here rather than by Nest so that their errors can be told apart:
 * Nest turns a parser error into a bare 400 without a field; here a malformed JSON body is
 * 400 MALFORMED_JSON and an oversized one 400 BODY_TOO_LARGE, both naming `body`.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  // the gateway's webhook is verified over the exact bytes it signed
  app.useBodyParser('json', {
    verify: (req: IncomingMessage & { rawBody?: Buffer }, _res: unknown, buf: Buffer) => {
      if (req.url?.startsWith('/webhooks/')) req.rawBody = buf;
    },
  });
  app.useBodyParser('urlencoded', { extended: true });
  // only the voucher upload takes a file, and only it may be that large
  app.useBodyParser('raw', { type: isVoucherUpload, limit: VOUCHER_MAX_BYTES });
  app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(bodyError(err)));
}

const VOUCHER_PATH = /^\/remittances\/[^/?]+\/vouchers\/?(\?|$)/;

function isVoucherUpload(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return (
    req.method === 'POST' &&
    VOUCHER_PATH.test(req.url ?? '') &&
    (VOUCHER_CONTENT_TYPES as readonly string[]).includes(type)
  );
}

function bodyError(err: unknown): unknown {
  const type = (err as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return err;
  if (type === 'entity.parse.failed')
    return new DomainError('MALFORMED_JSON', 'body: not valid JSON', 'validation', 'body');
  if (type === 'entity.too.large') {
    const limit = (err as { limit?: unknown }).limit;
    const accepted = limit === VOUCHER_MAX_BYTES ? '5 MB' : '100 kB';
    return new DomainError('BODY_TOO_LARGE', `body: larger than the API accepts (${accepted})`, 'validation', 'body');
  }
  if (/^(entity|charset|encoding|request)\./.test(type))
    return new DomainError('UNREADABLE_BODY', `body: ${(err as Error).message}`, 'validation', 'body');
  return err;
}
