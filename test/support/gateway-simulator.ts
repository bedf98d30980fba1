import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningGateway {
  url: string;
  process: ChildProcess;
  /** a card or PayPal token with its behaviour (docs/gateway-simulator.md) */
  token(input: Record<string, unknown>): Promise<{ token: string; kind: string; brand: string; last4: string | null }>;
  control(settings: Record<string, unknown>): Promise<void>;
  flushWebhooks(): Promise<{ sent: number; failed: number }>;
  stats(): Promise<{ chargeCalls: number; charges: number; succeeded: number; voided: number; authorizations: number }>;
  charges(token?: string): Promise<{ idempotencyKey: string; token: string; amount: string; status: string }[]>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** The gateway simulator as its own process (a real network boundary), on a free port. */
export async function startGatewaySimulator(env: Record<string, string> = {}): Promise<RunningGateway> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(ROOT, 'apps', 'gateway-simulator', 'src', 'main.ts')],
    { cwd: ROOT, env: { ...process.env, REMITD_GATEWAY_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway simulator did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`gateway simulator exited (${code}): ${out}`)));
  });
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    url,
    process: child,
    token: async (input) => (await call('POST', '/tokens', input)) as never,
    control: async (settings) => void (await call('POST', '/_control', settings)),
    flushWebhooks: async () => (await call('POST', '/_control/webhooks/flush')) as never,
    stats: async () => (await call('GET', '/_control/stats')) as never,
    charges: async (token) =>
      (
        (await call('GET', `/_control/charges${token ? `?token=${encodeURIComponent(token)}` : ''}`)) as never as {
          items: never[];
        }
      ).items,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
