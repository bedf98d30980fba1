import { spawn } from 'node:child_process';
import path from 'node:path';

export interface OidcTestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface OidcTestClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
}

export interface OidcProviderHandle {
  issuer: string;
  /** who signs in at the next authorization request */
  setAccount(account: OidcTestAccount): Promise<void>;
  /** what the provider wrote to stdout and stderr */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, test/support/oidc-provider-process.mjs: an ES module, hence a child process) in a child process on
 * 127.0.0.1: it signs `account` in without a form. Resolves once it prints its issuer URL.
 */
export async function startOidcProvider(opts: {
  client: OidcTestClient;
  account: OidcTestAccount;
  port?: number;
}): Promise<OidcProviderHandle> {
  const script = path.join(__dirname, 'oidc-provider-process.mjs');
  const child = spawn(process.execPath, [script, JSON.stringify(opts)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      seen += d.toString();
      const line = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(seen);
      if (line) resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`oidc-provider exited (${code}) before it listened:\n${output}`)));
    child.once('error', reject);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    issuer,
    output: () => output,
    setAccount: async (account) => {
      const res = await fetch(`${issuer}/__test/account`, { method: 'PUT', body: JSON.stringify(account) });
      if (res.status !== 204) throw new Error(`oidc-provider refused the account: ${res.status}`);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
