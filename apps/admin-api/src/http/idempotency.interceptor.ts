import { createHash } from 'node:crypto';
import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@remitd/core';
import {
  IdempotencyRepository,
  IdempotentRequestCommitted,
  idempotencyStorage,
  isUniqueViolation,
} from '@remitd/persistence';
import type { Response } from 'express';
import { from, Observable } from 'rxjs';
import type { AuthedRequest } from './auth';

const IDEMPOTENT_KEY = 'remitd:idempotent';
/** The header's one spelling: the interceptor reads it and the OpenAPI document lists it from here. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * Money-changing POSTs: require an Idempotency-Key; a retry returns the first outcome. The same
 * decorator documents the header as required, so the document and the interceptor cannot drift.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, true),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: true,
      description:
        'a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }),
  );

/** The request's Idempotency-Key, for use cases that store it (the header itself is documented by @Idempotent()). */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<AuthedRequest>().headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()] as string,
);

/**
 * The key is scoped to the API key that sent it. The record is written by TransactionRunner in
 * the same transaction as the effect; a concurrent duplicate hits the primary key, rolls back,
 * and gets the winner's stored response. Same key with a different body → 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly repo: IdempotencyRepository,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.getAllAndOverride<boolean>(IDEMPOTENT_KEY, [ctx.getHandler(), ctx.getClass()]))
      return next.handle();
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    if (typeof key !== 'string' || !key.trim() || key.length > 200) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REQUIRED',
        `${IDEMPOTENCY_KEY_HEADER}: this request changes money and needs a unique key (max 200 chars)`,
        'validation',
        IDEMPOTENCY_KEY_HEADER,
      );
    }
    const scope = `${req.actor?.id ?? 'anonymous'}`;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? {})}`)
      .digest('hex');
    const replay = async () => {
      const prior = await this.repo.find(scope, key);
      if (!prior) return null;
      if (prior.requestHash !== requestHash) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          `${IDEMPOTENCY_KEY_HEADER} "${key}" was used for a different request`,
          'conflict',
          IDEMPOTENCY_KEY_HEADER,
        );
      }
      res.status(prior.responseStatus).setHeader('Idempotent-Replayed', 'true');
      return prior.responseBody;
    };
    return from(
      (async () => {
        const prior = await replay();
        if (prior !== null) return prior;
        const status = res.statusCode === 200 ? 201 : res.statusCode;
        try {
          return await idempotencyStorage.run({ scope, key, requestHash, status }, () => lastValue(next.handle()));
        } catch (e) {
          // a concurrent duplicate won, or our own first attempt committed before its connection was lost
          if (isUniqueViolation(e, 'idempotency') || e instanceof IdempotentRequestCommitted) {
            const winner = await replay();
            if (winner !== null) return winner;
          }
          throw e;
        }
      })(),
    );
  }
}

function lastValue<T>(o: Observable<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    let v: T;
    o.subscribe({ next: (x) => (v = x), error: reject, complete: () => resolve(v) });
  });
}
