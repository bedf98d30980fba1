import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { HourlyRepository } from '@remitd/arrears';
import { DomainError } from '@remitd/core';
import type { Actor } from '@remitd/persistence';

/**
 * Seed 003: once pay-per-hour resources stop for arrears, "the customer's console and API use is
 * restricted" until a top-up brings the balance above 0. A member (the customer's own key or
 * user) may still read everything and do what pays: pay a bill, pay a cycle, link a payment
 * method, sign in and out, choose its language. Anything else that changes state is refused with 403
 * ACCOUNT_RESTRICTED, saying since when and what lifts it. Runs after the authentication guard.
 */
const PAYING = [
  /^\/auth\//,
  /^\/bills\/[^/]+\/(payments|gateway-payments)$/,
  /^\/customers\/[^/]+\/(cycle-payments|payment-methods)(\/|$)/,
  /^\/customers\/[^/]+\/locale$/,
];

@Injectable()
export class ArrearsRestrictionGuard implements CanActivate {
  constructor(private readonly hourly: HourlyRepository) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<{ method: string; path: string; actor?: Actor }>();
    const actor = req.actor;
    if (!actor || actor.role !== 'member' || !actor.customerId) return true;
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return true;
    if (PAYING.some((p) => p.test(req.path))) return true;
    const since = await this.hourly.stoppedSince(actor.customerId);
    if (!since) return true;
    throw new DomainError(
      'ACCOUNT_RESTRICTED',
      `your pay-per-hour services are stopped for an overdue balance since ${since.toISOString()}: until a top-up brings the balance above 0 you may read and pay, nothing else`,
      'forbidden',
    );
  }
}
