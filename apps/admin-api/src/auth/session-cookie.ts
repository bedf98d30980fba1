import type { NewSession } from '@remitd/identity';
import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../http/auth';

/** the cookie that carries the state of an SSO sign-in from /auth/sso/start to the callback */
export const SSO_STATE_COOKIE = 'remitd_sso';

/** Secure when the browser talks https to us (directly, or REMITD_PUBLIC_URL says a proxy does) */
const secure = (req: Request, publicUrl: string) => req.secure || publicUrl.startsWith('https:');

export function setSessionCookie(req: Request, res: Response, session: NewSession, publicUrl: string): void {
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secure(req, publicUrl),
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(req: Request, res: Response, publicUrl: string): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure(req, publicUrl), path: '/' });
}

/**
 * Lax, not Strict: the identity provider's redirect back is a cross-site navigation, and the
 * callback must see which sign-in this browser started.
 */
export function setSsoStateCookie(req: Request, res: Response, state: string | null, publicUrl: string): void {
  const opts = { httpOnly: true, sameSite: 'lax' as const, secure: secure(req, publicUrl), path: '/auth/sso' };
  if (state) res.cookie(SSO_STATE_COOKIE, state, { ...opts, maxAge: 10 * 60_000 });
  else res.clearCookie(SSO_STATE_COOKIE, opts);
}

export const clientInfo = (req: Request) => ({
  userAgent: req.headers['user-agent'] ?? null,
  ip: req.ip ?? null,
});
