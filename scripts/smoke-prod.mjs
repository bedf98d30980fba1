/**
 * CI smoke test of the production build (run after `npm run build`): `npm run start:prod` on a
 * fresh data directory and free ports comes up (both apps' /health answer 200 within 60 s), keeps
 * the bootstrap key out of its output, and stops on SIGTERM, leaving no process behind.
 */
import { spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOOT_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const healthy = async (port) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
  } catch {
    return false;
  }
};

const alive = (pid) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-smoke-'));
const ports = { pg: await freePort(), adminApi: await freePort(), reconciler: await freePort() };
const env = {
  ...process.env,
  REMITD_DATA_DIR: dataDir,
  REMITD_PG_PORT: String(ports.pg),
  ADMIN_API_PORT: String(ports.adminApi),
  RECONCILER_PORT: String(ports.reconciler),
};
delete env.DATABASE_URL;

let output = '';
const fail = (why) => {
  console.error(`smoke-prod: ${why}\n--- npm run start:prod output ---\n${output}`);
  process.exitCode = 1;
};

const child = spawn('npm', ['run', '--silent', 'start:prod'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));
const exited = new Promise((r) => child.once('exit', (code, signal) => r(signal ?? code)));
const pids = [];
try {
  const bootStart = Date.now();
  while (!((await healthy(ports.adminApi)) && (await healthy(ports.reconciler)))) {
    if (child.exitCode !== null) throw new Error(`npm run start:prod exited (${child.exitCode}) before it was healthy`);
    if (Date.now() - bootStart > BOOT_TIMEOUT_MS) throw new Error(`not healthy within ${BOOT_TIMEOUT_MS / 1000} s`);
    await sleep(500);
  }
  console.log(`smoke-prod: admin API and reconciler healthy after ${((Date.now() - bootStart) / 1000).toFixed(1)} s`);
  pids.push(Number(readFileSync(path.join(dataDir, 'remitd.pid'), 'utf8').trim()));
  for (const m of output.matchAll(/started \(pid (\d+)\)/g)) pids.push(Number(m[1]));
  pids.push(Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]));

  const key = readFileSync(path.join(dataDir, 'bootstrap-admin-key'), 'utf8').trim();
  if (output.includes(key)) throw new Error('the bootstrap API key was written to the output');
  const res = await fetch(`http://127.0.0.1:${ports.adminApi}/customers`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  if (res.status !== 200) throw new Error(`GET /customers with the bootstrap key: ${res.status}`);

  // npm 11 does not pass SIGTERM on (it kills its shell and exits 143): the start script notices
  // that npm is gone and stops everything itself, which is what this checks
  child.kill('SIGTERM');
  await exited;
  const stopStart = Date.now();
  while (pids.some(alive) || !output.includes('[remitd] stopped')) {
    if (Date.now() - stopStart > STOP_TIMEOUT_MS) {
      const left = pids.filter(alive);
      throw new Error(`not stopped ${STOP_TIMEOUT_MS / 1000} s after SIGTERM; still running: ${left.join(', ')}`);
    }
    await sleep(200);
  }
  console.log('smoke-prod: stopped cleanly on SIGTERM');
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
} finally {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  // as root the cluster lives outside the (0700) data directory, which links to it
  const pg = path.join(dataDir, 'pg');
  if (lstatSync(pg, { throwIfNoEntry: false })?.isSymbolicLink())
    rmSync(path.resolve(dataDir, readlinkSync(pg)), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
