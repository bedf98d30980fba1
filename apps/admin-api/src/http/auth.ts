import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeysService, type RoleName } from '@remitd/access';
import { DomainError } from '@remitd/core';
import {
  csrfTokenInvalid,
  mustEnrolTotp,
  sessionMissing,
  SessionsService,
  totpEnrolmentRequired,
  userActor,
  IDENTITY_CONFIG,
  type SessionWithUser,
} from '@remitd/identity';
import type { IdentityConfig } from '@remitd/config';
import type { Actor } from '@remitd/persistence';
import { timingSafeEqual } from 'node:crypto';
import { Inject } from '@nestjs/common';
import type { Request } from 'express';

const ROLES_KEY = 'remitd:roles';
const PUBLIC_KEY = 'remitd:public';
const SIGNED_IN_KEY = 'remitd:signed-in';

/** the console's session cookie: httpOnly, SameSite=Strict; the database keeps only its SHA-256 */
export const SESSION_COOKIE = 'remitd_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Roles allowed on a route; a route without @Roles is super-admin only (deny by default). */
export const Roles = (...roles: RoleName[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** A route about the signed-in person's own session (any role); an API key is not a session: 401 SESSION_MISSING. */
export const SignedIn = () => SetMetadata(SIGNED_IN_KEY, true);

export type AuthedRequest = Request & { actor?: Actor; session?: SessionWithUser };

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().actor!;
});

/** the session of a @SignedIn() route */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionWithUser => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().session!;
});

/** one cookie's value from the Cookie header (RFC 6265 pairs; the first of a repeated name wins) */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const raw = pair
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every endpoint: an API key (Authorization: Bearer … or X-Api-Key) or a console session
 * (cookie `remitd_session`), and a role allowed on the route. With a session, an unsafe method
 * must carry X-CSRF-Token; staff who must enrol TOTP first reach only /auth/*.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionsService,
    @Inject(IDENTITY_CONFIG) private readonly identity: IdentityConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const signedInRoute = this.reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets) ?? false;
    const header = req.headers.authorization;
    const key = header?.startsWith('Bearer ')
      ? header.slice(7).trim()
      : (req.headers['x-api-key'] as string | undefined);
    if (key && !signedInRoute) {
      req.actor = await this.apiKeyActor(key);
    } else {
      const token = readCookie(req, SESSION_COOKIE);
      if (!token && !signedInRoute)
        throw new DomainError(
          'API_KEY_MISSING',
          'send an API key (Authorization: Bearer <key>) or sign in',
          'unauthenticated',
        );
      const session = token ? await this.sessions.authenticate(token) : null;
      if (!session) throw sessionMissing();
      if (UNSAFE.has(req.method) && !sameSecret(req.headers[CSRF_HEADER], session.csrfToken)) throw csrfTokenInvalid();
      if (mustEnrolTotp(session.user, this.identity) && !req.path.startsWith('/auth/')) throw totpEnrolmentRequired();
      req.session = session;
      req.actor = userActor(session.user);
      if (signedInRoute) return true;
    }
    const actor = req.actor;
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

  private async apiKeyActor(key: string): Promise<Actor> {
    const actor = await this.keys.authenticate(key);
    // a member key without its customer would be scoped to nobody, i.e. to everybody: refuse it
    if (!actor || (actor.role === 'member' && !actor.customerId))
      throw new DomainError('API_KEY_INVALID', 'the API key is unknown or revoked', 'unauthenticated');
    return actor;
  }
}

function sameSecret(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
