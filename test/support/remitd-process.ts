import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from '@remitd/core';
import { freePort } from './free-port';

const ROOT = path.resolve(__dirname, '..', '..');

export interface RemitdPorts {
  pg: number;
  adminApi: number;
  reconciler: number;
  /** the payment gateway simulator npm start runs beside the apps */
  gateway?: number;
}

export const freePorts = async (): Promise<RemitdPorts> => ({
  pg: await freePort(),
  adminApi: await freePort(),
  reconciler: await freePort(),
  gateway: await freePort(),
});

/**
 * `npm start` on its own data directory and ports: scripts/start.ts under swc-node, or with
 * `viaNpm` the npm command itself (npm → sh → node). Stdout and stderr are captured through
 * pipes: not a terminal, as under a service manager.
 */
export function launchRemitd(
  dataDir: string,
  ports: RemitdPorts,
  opts: { env?: Record<string, string>; viaNpm?: boolean } = {},
) {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    REMITD_DATA_DIR: dataDir,
    REMITD_PG_PORT: String(ports.pg),
    ADMIN_API_PORT: String(ports.adminApi),
    RECONCILER_PORT: String(ports.reconciler),
    ...(ports.gateway ? { REMITD_GATEWAY_PORT: String(ports.gateway) } : {}),
    // a demo collection account, so a test can create a customer at once (opt-in since npm start
    // no longer seeds one)
    REMITD_SEED_DEMO: '1',
    ...opts.env,
  };
  delete childEnv.DATABASE_URL;
  const [cmd, args] = opts.viaNpm
    ? ['npm', ['start', '--silent']]
    : [process.execPath, ['-r', '@swc-node/register', 'scripts/start.ts']];
  const proc: ChildProcess = spawn(cmd, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const url = (port: number, p: string) => `http://127.0.0.1:${port}${p}`;

  const r = {
    proc,
    pid: proc.pid!,
    output: () => output,
    exited,
    adminUrl: (p: string) => url(ports.adminApi, p),
    /** both apps answer /health with 200 (polled; fails early if the start exits) */
    healthy: async (timeoutMs = 90_000) => {
      await waitFor(
        async () => {
          if (proc.exitCode !== null) throw new Error(`npm start exited (${proc.exitCode}):\n${output}`);
          return (await ok(url(ports.adminApi, '/health'))) && (await ok(url(ports.reconciler, '/health')));
        },
        timeoutMs,
        () => `npm start did not become healthy:\n${output}`,
      );
    },
    /** the pid of scripts/start.ts (npm's grandchild with viaNpm), from the data directory's lock */
    startPid: () => Number(readFileSync(path.join(dataDir, 'remitd.pid'), 'utf8').trim()),
    /** the pids npm start logged for its apps */
    appPids: () => {
      const pid = (name: string) => Number(new RegExp(`${name} started \\(pid (\\d+)\\)`).exec(output)?.[1]);
      return { reconciler: pid('reconciler'), adminApi: pid('admin-api') };
    },
    /** SIGTERM, as a service manager stops it; resolves with the exit code */
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
  return r;
}

export type LaunchedRemitd = ReturnType<typeof launchRemitd>;

async function ok(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

export async function waitFor(
  cond: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: () => string,
): Promise<void> {
  for (const until = Date.now() + timeoutMs; ;) {
    if (await cond()) return;
    if (Date.now() > until) throw new Error(what());
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** the pid of the PostgreSQL server serving `dataDir`'s cluster (postmaster.pid) */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

export const alive = (pid: number) => pid > 0 && isAlive(pid);

/**
 * Removes a test's data directory, and the cluster it points to when PostgreSQL (run as the
 * postgres user under root) keeps it outside; kills whatever a failed test left running.
 */
export function removeDataDir(dataDir: string, leftovers: number[] = []): void {
  for (const pid of leftovers) if (alive(pid)) process.kill(pid, 'SIGKILL');
  const pg = path.join(dataDir, 'pg');
  if (lstatSync(pg, { throwIfNoEntry: false })?.isSymbolicLink())
    rmSync(path.resolve(dataDir, readlinkSync(pg)), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
