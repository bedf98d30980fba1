import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@remitd/core';
import { IdempotencyRepository, idempotencyStorage, isUniqueViolation } from '@remitd/persistence';
import type { Response } from 'express';
import { from, Observable } from 'rxjs';
import type { AuthedRequest } from './auth';

const IDEMPOTENT_KEY = 'remitd:idempotent';
/** Money-changing POSTs: require an Idempotency-Key; a retry returns the first outcome. */
export const Idempotent = () => SetMetadata(IDEMPOTENT_KEY, true);

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
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !key.trim() || key.length > 200) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REQUIRED',
        'Idempotency-Key: this request changes money and needs a unique key (max 200 chars)',
        'validation',
        'Idempotency-Key',
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
          `Idempotency-Key "${key}" was used for a different request`,
          'conflict',
          'Idempotency-Key',
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
          if (isUniqueViolation(e, 'idempotency')) {
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
