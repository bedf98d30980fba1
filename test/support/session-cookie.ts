import type { Response } from 'supertest';

/** `remitd_session=…` from a response's Set-Cookie, ready for a Cookie header; undefined if none */
export function sessionCookie(res: Pick<Response, 'headers'>): string | undefined {
  const set = ([] as string[]).concat((res.headers['set-cookie'] as unknown as string[] | string | undefined) ?? []);
  const line = set.find((c) => c.startsWith('remitd_session='));
  return line?.split(';')[0];
}

/** the Set-Cookie line of the session cookie, with its attributes */
export function sessionCookieLine(res: Pick<Response, 'headers'>): string | undefined {
  const set = ([] as string[]).concat((res.headers['set-cookie'] as unknown as string[] | string | undefined) ?? []);
  return set.find((c) => c.startsWith('remitd_session='));
}
