import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCamt } from './support/camt-builder';
import {
  freePorts,
  launchRemitd,
  removeDataDir,
  type LaunchedRemitd,
  type RemitdPorts,
} from './support/remitd-process';

const ROOT = path.resolve(__dirname, '..');

/**
 * `npm run remitd -- …` typed in `cwd`, with no DATABASE_URL: npm runs the script in the
 * repository (`--prefix` stands for typing it anywhere inside the checkout).
 */
function remitdCli(cwd: string, env: Record<string, string>, ...argv: string[]) {
  return npmRun(cwd, env, 'remitd', '--', ...argv);
}

/** `npm run SCRIPT` with none of the database settings but `env` */
function npmRun(cwd: string, env: Record<string, string>, ...args: string[]) {
  const childEnv: Record<string, string | undefined> = { ...process.env };
  for (const k of Object.keys(childEnv))
    if (/^(npm_|INIT_CWD$|DATABASE_URL$|REMITD_DATA_DIR$|REMITD_PG_PORT$)/.test(k)) delete childEnv[k];
  Object.assign(childEnv, env);
  return new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn('npm', ['--prefix', ROOT, 'run', '--silent', ...args], { cwd, env: childEnv });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('cli item 13: npm run remitd finds the database of npm start from any directory, and says in one line when there is none', () => {
  let dataDir: string;
  let elsewhere: string;
  let ports: RemitdPorts;
  let remitd: LaunchedRemitd;
  let virtualAccount: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-cli13-'));
    elsewhere = mkdtempSync(path.join(tmpdir(), 'remitd-cli13-cwd-'));
    ports = await freePorts();
    remitd = launchRemitd(dataDir, ports);
    await remitd.healthy();
    const key = readFileSync(path.join(dataDir, 'bootstrap-admin-key'), 'utf8').trim();
    const post = async (p: string, body: object, idem: string) => {
      const res = await fetch(remitd.adminUrl(p), {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': idem },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, string>;
    };
    const customer = await post(
      '/customers',
      { name: 'Item Thirteen GmbH', email: 'ap@item13.example', currency: 'EUR' },
      'cli13-customer',
    );
    virtualAccount = (await post(`/customers/${customer.id}/virtual-accounts`, {}, 'cli13-va')).number;
    writeFileSync(
      path.join(elsewhere, 'statement.xml'),
      buildCamt({
        account: 'DE89370400440532013000',
        entries: [{ ref: 'CLI13-1', amount: '75.00', creditedAccount: virtualAccount, remitterName: 'Item Thirteen' }],
      }),
    );
  }, 180_000);

  afterAll(async () => {
    await remitd?.stop();
    removeDataDir(dataDir);
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('reconcile --dry-run, typed in another directory with a relative file, reads the running system’s customers', async () => {
    // only REMITD_DATA_DIR, relative, as written in the repository: resolved from there, not from
    // the cwd; the port is the one npm start's server runs on (not the default), found, not repeated
    const r = await remitdCli(
      elsewhere,
      { REMITD_DATA_DIR: path.relative(ROOT, dataDir) },
      'reconcile',
      '--dry-run',
      'statement.xml',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/CREDIT Item Thirteen GmbH\s+\[virtual_account, confidence 1\]/);
    expect(r.out).toMatch(/credit 75.00 EUR/);
  }, 60_000);

  it('ledger:verify and db:status find the same database through the same discovery', async () => {
    const run = async (script: string) => {
      const r = await npmRun(elsewhere, { REMITD_DATA_DIR: path.relative(ROOT, dataDir) }, script);
      return { code: r.code, out: r.out + r.err };
    };
    const verify = await run('ledger:verify');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true });
    const status = await run('db:status');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ failedMigrationNames: [], editedMigrationNames: [] });
  }, 90_000);

  it('with npm start stopped, starts the embedded database for the command and stops it after', async () => {
    expect(await remitd.stop()).toBe(0);
    const env = { REMITD_DATA_DIR: dataDir, REMITD_PG_PORT: String(ports.pg) };
    const r = await remitdCli(elsewhere, env, 'reconcile', '--dry-run', 'statement.xml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/CREDIT Item Thirteen GmbH/);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 90_000);

  it('with no database anywhere: one line saying what to do, exit 1, no stack trace', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'remitd-cli13-empty-'));
    try {
      const r = await remitdCli(elsewhere, { REMITD_DATA_DIR: empty }, 'reconcile', '--dry-run', 'statement.xml');
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^no database: run `npm start` first, or set DATABASE_URL/);
      expect(r.err).not.toMatch(/\s+at /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
