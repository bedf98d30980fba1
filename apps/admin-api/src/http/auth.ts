import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeysService, type RoleName } from '@remitd/access';
import { DomainError } from '@remitd/core';
import type { Actor } from '@remitd/persistence';
import type { Request } from 'express';

const ROLES_KEY = 'remitd:roles';
const PUBLIC_KEY = 'remitd:public';

/** Roles allowed on a route; a route without @Roles is super-admin only (deny by default). */
export const Roles = (...roles: RoleName[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export type AuthedRequest = Request & { actor?: Actor };

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().actor!;
});

/** Every endpoint: an API key (Authorization: Bearer … or X-Api-Key) and a role allowed on the route. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const key = header?.startsWith('Bearer ')
      ? header.slice(7).trim()
      : (req.headers['x-api-key'] as string | undefined);
    if (!key)
      throw new DomainError('API_KEY_MISSING', 'send an API key: Authorization: Bearer <key>', 'unauthenticated');
    const actor = await this.keys.authenticate(key);
    // a member key without its customer would be scoped to nobody, i.e. to everybody: refuse it
    if (!actor || (actor.role === 'member' && !actor.customerId))
      throw new DomainError('API_KEY_INVALID', 'the API key is unknown or revoked', 'unauthenticated');
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<RoleName[]>(ROLES_KEY, targets) ?? ['super_admin'];
    if (!roles.includes(actor.role as RoleName)) {
      throw new DomainError(
        'ROLE_FORBIDDEN',
        `role ${actor.role} may not ${req.method} ${req.route?.path ?? req.path}; allowed: ${roles.join(', ')}`,
        'forbidden',
      );
    }
    return true;
  }
}
