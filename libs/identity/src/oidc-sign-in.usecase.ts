import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IdentityConfig, OidcConfig } from '@remitd/config';
import { AuditRepository, TransactionRunner, isUniqueViolation } from '@remitd/persistence';
import type * as OpenIdClient from 'openid-client';
import { IdentityClock } from './identity.clock';
import { IDENTITY_CONFIG } from './identity.config';
import {
  ssoEmailNotVerified,
  ssoFailed,
  ssoNotConfigured,
  ssoProviderUnavailable,
  ssoStaffOnly,
  ssoStateInvalid,
  ssoUserUnknown,
} from './identity.errors';
import { OidcLoginRepository } from './oidc-login.repository';
import { SessionsService, type ClientInfo } from './sessions.service';
import type { SignedIn } from './sign-in.usecase';
import { normalizeEmail } from './tokens';
import { UserRepository } from './user.repository';
import { isStaff, userActor } from './user.view';
import type { RoleName } from '@remitd/access';

/** a sign-in at the identity provider must come back within this */
const LOGIN_VALID_MS = 10 * 60_000;
export const DEFAULT_RETURN_TO = '/console/';

/**
 * openid-client is an ES module: loaded on first use (Node 20.20 can require() it), so the API
 * starts, and code that never signs in through SSO runs, without it.
 */
function openIdClient(): typeof OpenIdClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('openid-client') as typeof OpenIdClient;
}

/** only a path on this server: `//evil.example` and `https://…` would send people elsewhere */
export function safeReturnTo(returnTo: string | undefined): string {
  if (!returnTo || !/^\/(?![/\\])[\x21-\x7e]*$/.test(returnTo)) return DEFAULT_RETURN_TO;
  return returnTo;
}

/**
 * Staff sign-in through OpenID Connect: authorization code + PKCE, state and nonce (kept in
 * PostgreSQL, bound to the browser by a cookie holding the state). The ID token's e-mail must be
 * verified and belong to a staff user (or one is made with REMITD_OIDC_PROVISION_ROLE). The
 * provider's metadata is discovered on first use, so the API starts while the IdP is down.
 */
@Injectable()
export class OidcSignInUseCase {
  private readonly logger = new Logger('OidcSignIn');
  private discovered?: Promise<OpenIdClient.Configuration>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly logins: OidcLoginRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditRepository,
    private readonly clock: IdentityClock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  get label(): string | null {
    return this.config.oidc?.label ?? null;
  }

  /** The identity provider's URL to send the browser to, and the state the browser must bring back. */
  async start(returnTo: string | undefined): Promise<{ url: string; state: string }> {
    const oidc = this.oidcConfig();
    const client = openIdClient();
    const configuration = await this.configuration(oidc);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await this.tx.run((tx) =>
      this.logins.create(tx, {
        state,
        nonce,
        codeVerifier,
        returnTo: safeReturnTo(returnTo),
        expiresAt: new Date(this.clock.now().getTime() + LOGIN_VALID_MS),
      }),
    );
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * The provider's answer: `query` is the callback's query string, `browserState` the state cookie.
   * Returns the session and where to send the browser.
   */
  async callback(
    query: string,
    browserState: string | undefined,
    client: ClientInfo,
  ): Promise<SignedIn & { returnTo: string }> {
    const oidc = this.oidcConfig();
    const params = new URLSearchParams(query);
    const state = params.get('state');
    if (!state || !browserState || state !== browserState) throw ssoStateInvalid();
    const login = await this.tx.run((tx) => this.logins.take(tx, state, this.clock.now()));
    if (!login) throw ssoStateInvalid();
    const lib = openIdClient();
    const configuration = await this.configuration(oidc);
    const currentUrl = new URL(oidc.redirectUri);
    currentUrl.search = params.toString();
    let claims: OpenIdClient.IDToken | undefined;
    try {
      const tokens = await lib.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (e) {
      const err = e as Error & { error?: string; error_description?: string };
      this.logger.warn(`OpenID Connect sign-in refused: ${err.message}`);
      throw ssoFailed(err.error_description ?? err.error ?? err.message);
    }
    if (!claims) throw ssoFailed('no ID token');
    const email = typeof claims.email === 'string' ? normalizeEmail(claims.email) : '';
    if (!email || claims.email_verified !== true) throw ssoEmailNotVerified();
    const signedIn = await this.signInStaff(email, String(claims.name ?? ''), claims.sub, client);
    return { ...signedIn, returnTo: login.returnTo };
  }

  private async signInStaff(email: string, name: string, subject: string, client: ClientInfo): Promise<SignedIn> {
    const provisionRole = this.config.oidc?.provisionRole as RoleName | null;
    const attempt = () =>
      this.tx.run(async (tx) => {
        let user = await this.users.findByEmail(email);
        const audit = { entityType: 'user', payload: { method: 'sso', subject, ip: client.ip ?? null } };
        if (!user && provisionRole) {
          user = await this.users.create(tx, {
            email,
            name: name || email,
            role: provisionRole,
            customerId: null,
            passwordHash: null,
          });
          await this.audit.record(tx, {
            actor: { id: 'system:sso', role: 'system' },
            action: 'user.create',
            entityType: 'user',
            entityId: user.id,
            payload: { email, role: provisionRole, provisionedBy: 'sso' },
          });
        }
        if (!user) throw ssoUserUnknown();
        if (!isStaff(user.role)) throw ssoStaffOnly();
        const session = await this.sessions.open(tx, user, client);
        await this.audit.record(tx, { ...audit, actor: userActor(user), action: 'user.sign_in', entityId: user.id });
        return { user, session };
      });
    try {
      return await attempt();
    } catch (e) {
      // two first sign-ins of the same new person at once: the second finds the user the first made
      if (isUniqueViolation(e, 'email')) return attempt();
      throw e;
    }
  }

  private oidcConfig(): OidcConfig {
    if (!this.config.oidc) throw ssoNotConfigured();
    return this.config.oidc;
  }

  /** discovered once; a failure is not remembered, so the next sign-in tries again */
  private async configuration(oidc: OidcConfig): Promise<OpenIdClient.Configuration> {
    const client = openIdClient();
    this.discovered ??= (async () => {
      const issuer = new URL(oidc.issuer);
      // plain http only to a provider on this machine (development, tests)
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      const insecure = issuer.protocol === 'http:' && loopback ? { execute: [client.allowInsecureRequests] } : {};
      return client.discovery(
        issuer,
        oidc.clientId,
        { redirect_uris: [oidc.redirectUri], response_types: ['code'] },
        oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
        { ...insecure, timeout: 10 },
      );
    })();
    try {
      return await this.discovered;
    } catch (e) {
      this.discovered = undefined;
      throw ssoProviderUnavailable((e as Error).message);
    }
  }
}
