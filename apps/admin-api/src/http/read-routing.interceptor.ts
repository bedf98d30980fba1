import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RemitdConfig } from '@remitd/config';
import { lagTolerantReads } from '@remitd/persistence';
import { Observable, tap } from 'rxjs';
import type { AuthedRequest } from './auth';
import { REMITD_CONFIG } from './config.token';

const LAG_TOLERANT = 'remitd:lag-tolerant';

/**
 * A read that may be served by the read replica (DATABASE_READ_URL): list pages, exports and
 * dashboards, where a row a second late does no harm. Everything else reads the primary.
 */
export const LagTolerant = () => SetMetadata(LAG_TOLERANT, true);

/**
 * Sends @LagTolerant() reads to the replica, except for an actor that wrote within
 * REMITD_READ_YOUR_WRITES_MS: its reads stay on the primary, so it sees its own change at once.
 * The last write is remembered per admin API replica: behind a load balancer, keep an actor on
 * one replica (sticky sessions) or raise the window above the replica lag you alert on.
 */
@Injectable()
export class ReadRoutingInterceptor implements NestInterceptor {
  private readonly lastWrite = new Map<string, number>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(REMITD_CONFIG) private readonly config: RemitdConfig,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const actor = req.actor?.id;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // noted before and after: reads racing the write also go to the primary
      if (actor) this.noteWrite(actor);
      return next.handle().pipe(tap({ finalize: () => actor && this.noteWrite(actor) }));
    }
    const tolerant = this.reflector.getAllAndOverride<boolean>(LAG_TOLERANT, [ctx.getHandler(), ctx.getClass()]);
    const wroteAt = actor ? this.lastWrite.get(actor) : undefined;
    if (!tolerant || !this.config.databaseReadUrl || (wroteAt && Date.now() - wroteAt < this.config.readYourWritesMs))
      return next.handle();
    return new Observable((subscriber) => lagTolerantReads.run(true, () => next.handle().subscribe(subscriber)));
  }

  private noteWrite(actor: string): void {
    this.lastWrite.set(actor, Date.now());
    if (this.lastWrite.size > 10_000) {
      const cutoff = Date.now() - this.config.readYourWritesMs;
      for (const [k, t] of this.lastWrite) if (t < cutoff) this.lastWrite.delete(k);
    }
  }
}
