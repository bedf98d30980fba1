import { startTestAdminApi, type TestApi } from './support/admin-api';
import { CookieBrowser } from './support/cookie-browser';
import { freePort } from './support/free-port';
import { startOidcProvider, type OidcProviderHandle } from './support/oidc-provider';

/** a JSON answer of the admin API */
const json = async (res: Response) => (await res.json()) as { error: { code: string }; user: Record<string, unknown> };

const ADA = { sub: 'ada-1', email: 'Ada@Example.com', email_verified: true, name: 'Ada Lovelace' };

/** Issue 13: staff sign in through OpenID Connect, against a real oidc-provider. */
describe('issue 13: single sign-on for staff (OpenID Connect, code flow + PKCE)', () => {
  let api: TestApi;
  let idp: OidcProviderHandle;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({
      client: {
        client_id: 'remitd',
        client_secret: 'remitd test secret',
        redirect_uris: [`${base}/auth/sso/callback`],
      },
      account: ADA,
    });
    api = await startTestAdminApi({
      ADMIN_API_PORT: String(port),
      REMITD_OIDC_ISSUER: idp.issuer,
      REMITD_OIDC_CLIENT_ID: 'remitd',
      REMITD_OIDC_CLIENT_SECRET: 'remitd test secret',
      REMITD_OIDC_LABEL: 'Sign in with Acme',
    });
    const auth = { Authorization: `Bearer ${api.superKey}` };
    const users: Record<string, unknown>[] = [
      { email: 'ada@example.com', name: 'Ada', role: 'account_manager' },
      { email: 'bob@example.com', name: 'Bob', role: 'finance' },
    ];
    const customer = await api
      .http()
      .post('/customers')
      .set(auth)
      .set('Idempotency-Key', 'sso-member-customer')
      .send({ name: 'Member Co', email: 'billing@member.example', currency: 'EUR' });
    users.push({ email: 'mia@member.example', name: 'Mia', role: 'member', customerId: customer.body.id });
    for (const user of users) expect((await api.http().post('/users').set(auth).send(user)).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await idp?.stop();
  });

  /** start → IdP (signs in, consents) → the callback's answer */
  const signInThroughIdp = async (browser: CookieBrowser, returnTo = '/console/queue?sort=oldest') => {
    const start = await browser.request(`${base}/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'remitd',
      response_type: 'code',
      redirect_uri: `${base}/auth/sso/callback`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    const toCallback = await browser.follow(authorize.href, (next) => next.pathname === '/auth/sso/callback');
    expect(toCallback.next).not.toBeNull();
    const callbackUrl = toCallback.next!.href;
    return { callbackUrl, callback: await browser.request(callbackUrl) };
  };

  it('says single sign-on is offered, and under which label', async () => {
    expect((await api.http().get('/auth/config')).body).toEqual({ sso: true, ssoLabel: 'Sign in with Acme' });
  });

  it('signs a staff member in: code flow with PKCE, state and nonce, ending with a session cookie and a redirect to returnTo', async () => {
    await idp.setAccount(ADA);
    const browser = new CookieBrowser();
    const { callbackUrl, callback } = await signInThroughIdp(browser);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/console/queue?sort=oldest');
    const cookie = browser.cookie(base, 'remitd_session');
    expect(cookie).toMatch(/^[\w-]{43}$/);
    expect(callback.headers.getSetCookie().find((c) => c.startsWith('remitd_session='))).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/,
    );
    const session = await browser.request(`${base}/auth/session`);
    expect(session.status).toBe(200);
    const body = await json(session);
    expect(body.user).toMatchObject({ email: 'ada@example.com', role: 'account_manager', passwordSet: false });
    // the session works like any other: a staff route, and CSRF on unsafe methods
    expect((await browser.request(`${base}/customers`)).status).toBe(200);
    const withoutCsrf = await browser.request(`${base}/auth/sign-out`, { method: 'POST' });
    expect(withoutCsrf.status).toBe(403);

    // the answer is good once: replayed (same browser or another) it is refused
    const replay = await new CookieBrowser().request(callbackUrl);
    expect(replay.status).toBe(401);
    expect((await json(replay)).error.code).toBe('SSO_STATE_INVALID');
    const again = await browser.request(callbackUrl);
    expect(again.status).toBe(401);
  });

  it('refuses an e-mail the provider has not verified', async () => {
    await idp.setAccount({ sub: 'bob-1', email: 'bob@example.com', email_verified: false });
    const browser = new CookieBrowser();
    const { callback } = await signInThroughIdp(browser);
    expect(callback.status).toBe(403);
    expect((await json(callback)).error.code).toBe('SSO_EMAIL_NOT_VERIFIED');
    expect(browser.cookie(base, 'remitd_session')).toBeUndefined();
  });

  it('refuses a verified e-mail that is no user, and a member (SSO is for staff)', async () => {
    await idp.setAccount({ sub: 'carol-1', email: 'carol@example.com', email_verified: true });
    const unknown = await signInThroughIdp(new CookieBrowser());
    expect(unknown.callback.status).toBe(403);
    expect((await json(unknown.callback)).error.code).toBe('SSO_USER_UNKNOWN');

    await idp.setAccount({ sub: 'mia-1', email: 'mia@member.example', email_verified: true });
    const member = await signInThroughIdp(new CookieBrowser());
    expect(member.callback.status).toBe(403);
    expect((await json(member.callback)).error.code).toBe('SSO_STAFF_ONLY');
  });

  it('sends people only to paths on this server after signing in', async () => {
    await idp.setAccount(ADA);
    const { callback } = await signInThroughIdp(new CookieBrowser(), '//evil.example/console/');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/console/');
  });
});

describe('issue 13: the admin API starts while the identity provider is down', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestAdminApi({
      REMITD_OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`,
      REMITD_OIDC_CLIENT_ID: 'remitd',
    });
  });
  afterAll(() => api?.close());

  it('answers /auth/config, and SSO start with 422 SSO_PROVIDER_UNAVAILABLE', async () => {
    expect((await api.http().get('/auth/config')).body).toEqual({ sso: true, ssoLabel: 'Single sign-on' });
    const start = await api.http().get('/auth/sso/start');
    expect(start.status).toBe(422);
    expect(start.body.error.code).toBe('SSO_PROVIDER_UNAVAILABLE');
  });

  it('without REMITD_OIDC_ISSUER there is no SSO', async () => {
    const plain = await startTestAdminApi();
    try {
      expect((await plain.http().get('/auth/config')).body).toEqual({ sso: false, ssoLabel: null });
      expect((await plain.http().get('/auth/sso/start')).body.error.code).toBe('SSO_NOT_CONFIGURED');
    } finally {
      await plain.close();
    }
  });
});
