// A real OpenID provider (oidc-provider) for tests, in its own process (it is an ES module).
// Argument: JSON { port?, client: { client_id, client_secret, redirect_uris }, account: { sub, email,
// email_verified, name? } }. Signs in `account` without a form (and grants the consent asked for);
// PUT /__test/account with another account's JSON changes who signs in next. Prints the issuer
// URL on stdout once it listens.
import http from 'node:http';
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2] ?? '{}');
let account = options.account;

const server = http.createServer();
await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      ...options.client,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: options.client.client_secret ? 'client_secret_post' : 'none',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // the claims in the ID token itself, as most providers do for the e-mail scope
  conformIdTokenClaims: false,
  findAccount: async (_ctx, sub) =>
    sub === account.sub
      ? {
          accountId: sub,
          claims: async () => ({
            sub,
            email: account.email,
            email_verified: account.email_verified,
            name: account.name ?? account.email,
          }),
        }
      : undefined,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['oidc-provider test cookie key'] },
});
provider.on('server_error', (_ctx, err) => console.error(`oidc-provider server_error: ${err.stack ?? err}`));

const readBody = (req) =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => resolve(body));
  });

/** login: the current account; consent: everything asked for */
async function interact(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  if (missing.missingResourceScopes)
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes))
      grant.addResourceScope(indicator, scopes.join(' '));
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const handle = provider.callback();
server.on('request', async (req, res) => {
  try {
    if (req.url === '/__test/account' && req.method === 'PUT') {
      account = JSON.parse(await readBody(req));
      res.statusCode = 204;
      return res.end();
    }
    if (req.url.startsWith('/interaction/')) return await interact(req, res);
    return handle(req, res);
  } catch (e) {
    console.error(e);
    res.statusCode = 500;
    res.end(String(e));
  }
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
console.log(issuer);
