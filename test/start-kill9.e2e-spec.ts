import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  alive,
  freePorts,
  launchRemitd,
  postmasterPid,
  removeDataDir,
  waitFor,
  type LaunchedRemitd,
  type RemitdPorts,
} from './support/remitd-process';

/** the guard shell npm start's embedded PostgreSQL leaves beside it (see embedded-postgres.ts) */
function guardOf(startPid: number): number {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(
        readFileSync(`/proc/${entry}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ')[1],
      );
      if (ppid === startPid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('remitd-pg-guard'))
        return Number(entry);
    } catch {
      // exited meanwhile
    }
  }
  throw new Error(`no PostgreSQL guard under pid ${startPid}`);
}

describe('npm start after a hard kill', () => {
  let dataDir: string;
  let ports: RemitdPorts;
  let key: string;
  let customerId: string;
  let current: LaunchedRemitd | null = null;
  const started: number[] = [];

  const launch = async (viaNpm = false) => {
    current = launchRemitd(dataDir, ports, { viaNpm });
    started.push(current.pid);
    await current.healthy();
    started.push(current.startPid(), ...Object.values(current.appPids()), postmasterPid(dataDir));
    return current;
  };
  /** everything one start runs: the start script, its two apps and the database server */
  const processesOf = (r: LaunchedRemitd) => ({
    start: r.startPid(),
    ...r.appPids(),
    postgres: postmasterPid(dataDir),
  });
  const allGone = async (pids: Record<string, number>) => {
    await waitFor(
      () => Object.values(pids).every((pid) => !alive(pid)),
      20_000,
      () =>
        `still running: ${Object.entries(pids)
          .filter(([, pid]) => alive(pid))
          .map(([name, pid]) => `${name} (${pid})`)
          .join(', ')}`,
    );
  };
  const customerStillThere = async () => {
    const res = await fetch(current!.adminUrl(`/customers/${customerId}`), {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'Survivor Ltd' });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-kill9-'));
    ports = await freePorts();
    await launch(true);
    key = readFileSync(path.join(dataDir, 'bootstrap-admin-key'), 'utf8').trim();
    const res = await fetch(current!.adminUrl('/customers'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Idempotency-Key': 'kill9-c1', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Survivor Ltd', email: 'billing@survivor.example', currency: 'EUR' }),
    });
    expect(res.status).toBe(201);
    customerId = ((await res.json()) as { id: string }).id;
  }, 120_000);

  afterAll(async () => {
    await current?.stop();
    removeDataDir(dataDir, started);
  });

  it('restarts after a hard kill: kill -9 of npm start leaves nothing behind and the next start is healthy with no data lost', async () => {
    const npm = current!;
    const pids = processesOf(npm);
    for (const pid of Object.values(pids)) expect(alive(pid)).toBe(true);

    process.kill(npm.pid, 'SIGKILL');
    await npm.exited;
    await allGone(pids);

    await launch();
    await customerStillThere();
  }, 120_000);

  it('kill -9 of the start script: its apps and the database server stop with it, and the next start is healthy', async () => {
    const previous = current!;
    const pids = processesOf(previous);
    process.kill(previous.pid, 'SIGKILL');
    await previous.exited;
    await allGone(pids);

    await launch();
    await customerStillThere();
  }, 120_000);

  it('a database server left running when its guard died too is stopped by the next start, which is healthy', async () => {
    const previous = current!;
    const { reconciler, adminApi, postgres } = processesOf(previous);
    // both at once, as `kill -9` of a whole process tree would: nothing stops the server now
    process.kill(guardOf(previous.pid), 'SIGKILL');
    process.kill(previous.pid, 'SIGKILL');
    await previous.exited;
    await allGone({ reconciler, adminApi });
    expect(alive(postgres)).toBe(true);

    const next = await launch();
    expect(alive(postgres)).toBe(false);
    expect(next.output()).toMatch(
      new RegExp(`stopping the PostgreSQL server \\(pid ${postgres}\\) a previous run left`),
    );
    await customerStillThere();
    expect(await next.stop()).toBe(0);
    current = null;
  }, 120_000);
});
