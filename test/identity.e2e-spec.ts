import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@remitd/config';
import { IdentityClock } from '@remitd/identity';
import { PrismaService } from '@remitd/persistence';
import { generateSync } from 'otplib';
import { firstStart } from '../apps/admin-api/src/main';
import { startTestAdminApi, type TestApi } from './support/admin-api';
import { sessionCookie, sessionCookieLine } from './support/session-cookie';

const PASSWORD = 'correct horse battery';
let emailNo = 0;
const newEmail = (who: string) => `${who}.${++emailNo}@Identity.Example`;

/** a code from the app that is not the one the authenticator shows now (nor one step either side) */
const wrongCode = (secret: string) => {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set([-30, 0, 30].map((d) => generateSync({ secret, epoch: now + d })));
  for (let n = 0; ; n++) {
    const code = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
};

interface Session {
  cookie: string;
  csrfToken: string;
  user: { id: string; email: string; role: string; totpEnabled: boolean; totpEnrolmentRequired: boolean };
}

function helpers(get: () => TestApi) {
  const auth = () => ({ Authorization: `Bearer ${get().superKey}` });
  const createUser = async (body: Record<string, unknown>) => {
    const res = await get().http().post('/users').set(auth()).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; email: string };
  };
  const signIn = (email: string, password = PASSWORD, totp?: string) =>
    get()
      .http()
      .post('/auth/sign-in')
      .send({ email, password, ...(totp ? { totp } : {}) });
  const session = async (email: string, password = PASSWORD, totp?: string): Promise<Session> => {
    const res = await signIn(email, password, totp);
    expect(res.status).toBe(200);
    return { cookie: sessionCookie(res)!, csrfToken: res.body.csrfToken, user: res.body.user };
  };
  const as = (s: Session) => ({
    get: (url: string) => get().http().get(url).set('Cookie', s.cookie),
    post: (url: string, body: object = {}) =>
      get().http().post(url).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrfToken).send(body),
  });
  return { auth, createUser, signIn, session, as };
}

describe('issue 13: people sign in to the console', () => {
  let api: TestApi;
  const { auth, createUser, signIn, session, as } = helpers(() => api);

  beforeAll(async () => {
    api = await startTestAdminApi({ REMITD_SECRETS_KEY: randomBytes(32).toString('base64') });
  });
  afterAll(() => api.close());

  it('first start creates the super admin without a password and logs a one-time sign-in link that works once', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((m: unknown) => void logged.push(String(m)));
    try {
      const config = loadConfig({
        DATABASE_URL: api.url,

        REMITD_DATA_DIR: '/tmp/remitd-test-data',
      });
      await firstStart(api.app, config);
      await firstStart(api.app, config);
    } finally {
      spy.mockRestore();
    }
    const lines = logged.filter((l) => l.startsWith('sign in to the console: '));
    expect(lines).toHaveLength(1);
    const match =
      /^sign in to the console: http:\/\/127\.0\.0\.1:\d+(\/auth\/link\/[\w-]{43}) \(one-time, 24 h\)$/.exec(lines[0]);
    expect(match).not.toBeNull();
    const link = await api.http().get(match![1]);
    expect(link.status).toBe(302);
    expect(link.headers.location).toBe('/console/');
    const me = await api.http().get('/auth/session').set('Cookie', sessionCookie(link)!);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'admin@localhost', role: 'super_admin', passwordSet: false });
    const again = await api.http().get(match![1]);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('SIGN_IN_LINK_INVALID');
    const audit = await api.app.get(PrismaService).auditLog.findMany({ where: { entityId: me.body.user.id } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.sign_in_link_issue', 'user.sign_in']),
    );
  });

  it('signs in with e-mail (any case) and password: an httpOnly SameSite=Strict cookie, a CSRF token, GET /auth/session', async () => {
    const email = newEmail('Ada');
    const user = await createUser({ email, name: 'Ada', role: 'account_manager', password: PASSWORD });
    expect(user.email).toBe(email.toLowerCase());
    const res = await signIn(email.toUpperCase());
    expect(res.status).toBe(200);
    const line = sessionCookieLine(res)!;
    expect(line).toMatch(/^remitd_session=[\w-]{43};/);
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/); // plain http here
    expect(res.body).toEqual({
      csrfToken: expect.any(String),
      user: {
        id: user.id,
        email: email.toLowerCase(),
        name: 'Ada',
        role: 'account_manager',
        customerId: null,
        customerLocale: null,
        unifiedSettlement: false,
        totpEnabled: false,
        totpEnrolmentRequired: false,
        passwordSet: true,
      },
    });
    const me = await api.http().get('/auth/session').set('Cookie', sessionCookie(res)!);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body);
    // the database keeps only the token's hash
    const token = sessionCookie(res)!.split('=')[1];
    const stored = await api.app.get(PrismaService).userSession.findMany({ where: { userId: user.id } });
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);
    // staff routes work with the session
    expect((await api.http().get('/customers').set('Cookie', sessionCookie(res)!)).status).toBe(200);
    const none = await api.http().get('/auth/session');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('SESSION_MISSING');
    const withKey = await api.http().get('/auth/session').set(auth());
    expect(withKey.body.error.code).toBe('SESSION_MISSING');
  });

  it('answers an unknown e-mail exactly as a wrong password', async () => {
    const email = newEmail('grace');
    await createUser({ email, name: 'Grace', role: 'finance', password: PASSWORD });
    const wrong = await signIn(email, 'not the password at all');
    const unknown = await signIn(newEmail('nobody'), 'not the password at all');
    const noPassword = await createUser({ email: newEmail('linkonly'), name: 'Link', role: 'finance' });
    const linkOnly = await signIn(noPassword.email, 'not the password at all');
    for (const res of [wrong, unknown, linkOnly]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(wrong.body);
      expect(sessionCookie(res)).toBeUndefined();
    }
    expect(wrong.body.error.code).toBe('SIGN_IN_FAILED');
  });

  it('locks the account after 5 failed attempts, says until when, and an admin unlocks it', async () => {
    const email = newEmail('locked');
    const user = await createUser({ email, name: 'Locked', role: 'finance', password: PASSWORD });
    for (let n = 1; n <= 4; n++) expect((await signIn(email, `wrong ${n}`)).body.error.code).toBe('SIGN_IN_FAILED');
    const fifth = await signIn(email, 'wrong 5');
    expect(fifth.status).toBe(403);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    const until = fifth.body.error.details.lockedUntil as string;
    expect(fifth.body.error.message).toContain(until);
    expect(new Date(until).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // the right password does not help while locked
    const right = await signIn(email);
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    const listed = await api.http().get('/users').query({ limit: 200 }).set(auth());
    expect(listed.body.items.find((u: { id: string }) => u.id === user.id).lockedUntil).toBe(until);

    const financeKey = await api.keyFor('finance');
    expect(
      (await api.http().post(`/users/${user.id}/unlock`).set('Authorization', `Bearer ${financeKey}`)).status,
    ).toBe(403);
    const unlocked = await api.http().post(`/users/${user.id}/unlock`).set(auth());
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await signIn(email)).status).toBe(200);
    const actions = (
      await api.app.get(PrismaService).auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: 'asc' } })
    ).map((a) => a.action);
    expect(actions.filter((a) => a === 'user.sign_in_failed')).toHaveLength(4);
    expect(actions).toEqual(expect.arrayContaining(['user.locked', 'user.unlock', 'user.sign_in']));
  });

  it('TOTP: enrol, confirm with a code from the app; then sign-in asks for the code and refuses a wrong one', async () => {
    const email = newEmail('totp');
    await createUser({ email, name: 'Two Factor', role: 'admin', password: PASSWORD });
    const s = await session(email);
    const enrol = await as(s).post('/auth/totp/enrol');
    expect(enrol.status).toBe(201);
    const secret = enrol.body.secret as string;
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/remitd:.*secret=/);
    // not required before it is confirmed
    expect((await signIn(email)).status).toBe(200);
    const bad = await as(s).post('/auth/totp/confirm', { code: wrongCode(secret) });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'TOTP_INVALID', field: 'code' });
    expect((await as(s).post('/auth/totp/confirm', { code: generateSync({ secret }) })).status).toBe(204);
    expect((await as(s).get('/auth/session')).body.user.totpEnabled).toBe(true);
    // the seed is sealed at rest (REMITD_SECRETS_KEY), bound to the user's row
    const stored = await api.app.get(PrismaService).user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(stored.totpSecret).toMatch(/^enc:v1:/);
    expect(stored.totpSecret).not.toContain(secret);

    const without = await signIn(email);
    expect(without.status).toBe(401);
    expect(without.body.error).toMatchObject({ code: 'TOTP_REQUIRED', field: 'totp' });
    expect(sessionCookie(without)).toBeUndefined();
    const wrong = await signIn(email, PASSWORD, wrongCode(secret));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'TOTP_INVALID', field: 'totp' });
    // the code that confirmed enrolment is spent: the next time step's code (within the drift window) works
    const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await signIn(email, PASSWORD, code);
    expect(ok.status).toBe(200);
    expect(ok.body.user.totpEnabled).toBe(true);
    // a code works once (RFC 6238 §5.2): replayed, it is refused like a wrong one
    const replay = await signIn(email, PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toMatchObject({ code: 'TOTP_INVALID', field: 'totp' });
    // a wrong password with a right code is still SIGN_IN_FAILED
    expect((await signIn(email, 'wrong password!', generateSync({ secret }))).body.error.code).toBe('SIGN_IN_FAILED');
    const again = await as(s).post('/auth/totp/enrol');
    expect(again.status).toBe(409);
    // a sign-in link would bypass the second factor: none is issued for this user
    const me = (await as(s).get('/auth/session')).body.user.id as string;
    const link = await api.http().post(`/users/${me}/sign-in-link`).set(auth());
    expect(link.status).toBe(409);
    expect(link.body.error.code).toBe('SIGN_IN_LINK_NOT_ALLOWED');
  });

  it('with a session cookie every unsafe method needs X-CSRF-Token; API keys need none', async () => {
    const email = newEmail('csrf');
    await createUser({ email, name: 'Csrf', role: 'admin', password: PASSWORD });
    const s = await session(email);
    const body = { email: newEmail('made'), name: 'Made', role: 'finance' };
    const missing = await api.http().post('/users').set('Cookie', s.cookie).send(body);
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await api
      .http()
      .post('/users')
      .set('Cookie', s.cookie)
      .set('X-CSRF-Token', 'x'.repeat(43))
      .send(body);
    expect(wrong.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const ok = await as(s).post('/users', body);
    expect(ok.status).toBe(201);
    const audit = await api.app.get(PrismaService).auditLog.findFirst({ where: { entityId: ok.body.id } });
    expect(audit).toMatchObject({ actor: `user:${s.user.id}`, action: 'user.create' });
    // GET needs no token
    expect((await as(s).get('/users')).status).toBe(200);
    // an admin may not make a super admin
    const up = await as(s).post('/users', { email: newEmail('up'), name: 'Up', role: 'super_admin' });
    expect(up.status).toBe(403);
    // API keys as before
    const byKey = await api
      .http()
      .post('/users')
      .set(auth())
      .send({ email: newEmail('bykey'), name: 'By Key', role: 'finance' });
    expect(byKey.status).toBe(201);
    const dup = await api
      .http()
      .post('/users')
      .set(auth())
      .send({ ...body, email: body.email.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('EMAIL_TAKEN');
    // sign-out is unsafe too
    expect((await api.http().post('/auth/sign-out').set('Cookie', s.cookie)).status).toBe(403);
  });

  it('a member session sees only its customer and none of the staff-only routes', async () => {
    const customer = async (name: string) =>
      (
        await api
          .http()
          .post('/customers')
          .set(auth())
          .set('Idempotency-Key', `identity-${name}`)
          .send({ name, email: `${name.toLowerCase()}@member.example`, currency: 'EUR' })
      ).body as { id: string };
    const own = await customer('Own');
    const other = await customer('Other');
    const email = newEmail('member');
    const noCustomer = await api.http().post('/users').set(auth()).send({ email, name: 'M', role: 'member' });
    expect(noCustomer.body.error).toMatchObject({ code: 'CUSTOMER_REQUIRED', field: 'customerId' });
    await createUser({ email, name: 'Member', role: 'member', customerId: own.id, password: PASSWORD });
    const s = await session(email);
    expect(s.user).toMatchObject({ role: 'member', customerId: own.id });
    expect((await as(s).get(`/customers/${own.id}`)).status).toBe(200);
    const foreign = await as(s).get(`/customers/${other.id}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('FORBIDDEN_CUSTOMER');
    const list = await as(s).get('/customers');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([own.id]);
    const users = await as(s).get('/users');
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe('ROLE_FORBIDDEN');
    expect((await as(s).get('/api-keys')).status).toBe(403);
  });

  it('sign out ends this session; sign out everywhere ends every session of the user', async () => {
    const email = newEmail('everywhere');
    await createUser({ email, name: 'Everywhere', role: 'finance', password: PASSWORD });
    const [a, b, c] = [await session(email), await session(email), await session(email)];
    const bystander = await session(
      (await createUser({ email: newEmail('by'), name: 'By', role: 'finance', password: PASSWORD })).email,
    );
    const out = await as(a).post('/auth/sign-out');
    expect(out.status).toBe(204);
    expect(sessionCookieLine(out)).toMatch(/remitd_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await as(a).get('/auth/session')).status).toBe(401);
    expect((await as(b).get('/auth/session')).status).toBe(200);
    expect((await as(c).post('/auth/sign-out-everywhere')).status).toBe(204);
    for (const s of [b, c]) {
      const res = await as(s).get('/customers');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('SESSION_MISSING');
    }
    expect((await as(bystander).get('/auth/session')).status).toBe(200);
  });

  it('a sign-in link made by a super admin signs in once', async () => {
    const user = await createUser({ email: newEmail('link'), name: 'Link', role: 'account_manager' });
    const adminKey = await api.keyFor('admin');
    expect(
      (await api.http().post(`/users/${user.id}/sign-in-link`).set('Authorization', `Bearer ${adminKey}`)).status,
    ).toBe(403);
    const made = await api.http().post(`/users/${user.id}/sign-in-link`).set(auth());
    expect(made.status).toBe(201);
    expect(new Date(made.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    const path = new URL(made.body.url).pathname;
    const first = await api.http().get(path);
    expect(first.status).toBe(302);
    expect((await api.http().get('/auth/session').set('Cookie', sessionCookie(first)!)).body.user.id).toBe(user.id);
    const second = await api.http().get(path);
    expect(second.status).toBe(401);
    expect(second.body.error.code).toBe('SIGN_IN_LINK_INVALID');
    expect((await api.http().get('/auth/link/nonsense')).body.error.code).toBe('SIGN_IN_LINK_INVALID');
  });

  it('a password is set, then changed only with the current one; the other sessions end', async () => {
    const user = await createUser({ email: newEmail('pw'), name: 'Pw', role: 'finance' });
    const link = (await api.http().post(`/users/${user.id}/sign-in-link`).set(auth())).body.url as string;
    const viaLink = await api.http().get(new URL(link).pathname);
    const me = await api.http().get('/auth/session').set('Cookie', sessionCookie(viaLink)!);
    const a: Session = { cookie: sessionCookie(viaLink)!, csrfToken: me.body.csrfToken, user: me.body.user };
    const short = await as(a).post('/auth/password', { newPassword: 'short' });
    expect(short.body.error).toMatchObject({ code: 'PASSWORD_TOO_SHORT', field: 'newPassword' });
    expect((await as(a).post('/auth/password', { newPassword: PASSWORD })).status).toBe(204);
    const b = await session(user.email);
    const noCurrent = await as(a).post('/auth/password', { newPassword: 'another long password' });
    expect(noCurrent.body.error).toMatchObject({ code: 'CURRENT_PASSWORD_REQUIRED', field: 'currentPassword' });
    const wrong = await as(a).post('/auth/password', { currentPassword: 'nope', newPassword: 'another long password' });
    expect(wrong.body.error).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', field: 'currentPassword' });
    const changed = await as(a).post('/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another long password',
    });
    expect(changed.status).toBe(204);
    expect((await as(a).get('/auth/session')).status).toBe(200);
    expect((await as(b).get('/auth/session')).status).toBe(401);
    expect((await signIn(user.email)).status).toBe(401);
    expect((await signIn(user.email, 'another long password')).status).toBe(200);
  });

  it('a session ends after REMITD_SESSION_IDLE_MINUTES without use; use keeps it alive up to the absolute limit', async () => {
    const email = newEmail('idle');
    await createUser({ email, name: 'Idle', role: 'finance', password: PASSWORD });
    const active = await session(email);
    const idle = await session(email);
    const clock = api.app.get(IdentityClock);
    const hour = 3_600_000;
    clock.advance(11 * hour);
    expect((await as(active).get('/auth/session')).status).toBe(200);
    clock.advance(11 * hour);
    expect((await as(active).get('/auth/session')).status).toBe(200);
    const gone = await as(idle).get('/auth/session');
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe('SESSION_MISSING');
    // 168 h at most, however busy
    for (let total = 22; total + 10 < 168; total += 10) {
      clock.advance(10 * hour);
      expect((await as(active).get('/auth/session')).status).toBe(200);
    }
    clock.advance(10 * hour);
    expect((await as(active).get('/auth/session')).status).toBe(401);
  });

  it('sessions that expired and were never presented again are deleted at the next sign-in', async () => {
    const email = newEmail('stale');
    const user = await createUser({ email, name: 'Stale', role: 'finance', password: PASSWORD });
    await session(email);
    await session(email);
    api.app.get(IdentityClock).advance(13 * 3_600_000);
    await session(email);
    const prisma = api.app.get(PrismaService);
    expect(await prisma.userSession.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe('issue 13: REMITD_STAFF_TOTP_REQUIRED=1', () => {
  let api: TestApi;
  const { createUser, session, as, signIn } = helpers(() => api);

  beforeAll(async () => {
    api = await startTestAdminApi({ REMITD_STAFF_TOTP_REQUIRED: '1' });
  });
  afterAll(() => api.close());

  it('a staff member without TOTP may only enrol it; then everything their role allows', async () => {
    const email = newEmail('staff');
    await createUser({ email, name: 'Staff', role: 'account_manager', password: PASSWORD });
    const s = await session(email);
    expect(s.user.totpEnrolmentRequired).toBe(true);
    const blocked = await as(s).get('/customers');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await as(s).get('/auth/session')).status).toBe(200);
    const { secret } = (await as(s).post('/auth/totp/enrol')).body as { secret: string };
    expect((await as(s).get('/remittances')).body.error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await as(s).post('/auth/totp/confirm', { code: generateSync({ secret }) })).status).toBe(204);
    expect((await as(s).get('/customers')).status).toBe(200);
    expect((await as(s).get('/auth/session')).body.user).toMatchObject({
      totpEnabled: true,
      totpEnrolmentRequired: false,
    });
    expect((await signIn(email)).body.error.code).toBe('TOTP_REQUIRED');
  });

  it('members are not asked to enrol', async () => {
    const c = await api
      .http()
      .post('/customers')
      .set('Authorization', `Bearer ${api.superKey}`)
      .set('Idempotency-Key', 'totp-required-member')
      .send({ name: 'Member Co', email: 'm@member.example', currency: 'EUR' });
    const email = newEmail('m');
    await createUser({ email, name: 'M', role: 'member', customerId: c.body.id, password: PASSWORD });
    const s = await session(email);
    expect(s.user.totpEnrolmentRequired).toBe(false);
    expect((await as(s).get(`/customers/${c.body.id}`)).status).toBe(200);
  });
});
