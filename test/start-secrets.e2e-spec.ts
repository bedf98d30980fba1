import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  freePorts,
  launchRemitd,
  removeDataDir,
  type LaunchedRemitd,
  type RemitdPorts,
} from './support/remitd-process';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('npm start keeps its secrets', () => {
  let dataDir: string;
  let ports: RemitdPorts;
  let remitd: LaunchedRemitd;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-secrets-'));
    // as a data directory made by hand or by an older version might be
    chmodSync(dataDir, 0o755);
    ports = await freePorts();
    remitd = launchRemitd(dataDir, ports);
    await remitd.healthy();
  }, 120_000);

  afterAll(async () => {
    await remitd?.stop();
    removeDataDir(dataDir);
  });

  it('never writes the bootstrap key to non-TTY output: it is only in a 0600 file, and the log names the file', async () => {
    const file = path.join(dataDir, 'bootstrap-admin-key');
    const key = readFileSync(file, 'utf8').trim();
    expect(key).toMatch(/^rmd_/);
    expect(mode(file)).toBe(0o600);
    expect(remitd.output()).not.toContain(key);
    expect(remitd.output()).not.toContain(key.slice(4, 24));
    expect(remitd.output()).toContain(file);
    const res = await fetch(remitd.adminUrl('/customers'), { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
  });

  it('keeps the data dir 0700 and the database password random, in a 0600 file, never the old fixed one', async () => {
    expect(mode(dataDir)).toBe(0o700);
    const file = path.join(dataDir, 'pg-password');
    expect(mode(file)).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).not.toBe('remitd');
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(remitd.output()).not.toContain(password);

    const connect = async (pw: string) => {
      const c = new Client({ host: '127.0.0.1', port: ports.pg, user: 'postgres', password: pw, database: 'remitd' });
      try {
        await c.connect();
        return 'connected';
      } catch (e) {
        return (e as { code?: string }).code;
      } finally {
        await c.end().catch(() => undefined);
      }
    };
    expect(await connect(password)).toBe('connected');
    expect(await connect('remitd')).toBe('28P01'); // invalid_password
  });
});
