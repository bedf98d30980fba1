import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePorts, launchRemitd, removeDataDir, waitFor, type LaunchedRemitd } from './support/remitd-process';

const ROOT = path.resolve(__dirname, '..');

/** The ```sh blocks between README.md's walkthrough markers, in order. */
function walkthroughBlocks(readme: string): string[] {
  const start = readme.indexOf('<!-- walkthrough:');
  const end = readme.indexOf('<!-- /walkthrough -->');
  if (start < 0 || end < start)
    throw new Error('README.md has no <!-- walkthrough: … --> … <!-- /walkthrough --> section');
  return [...readme.slice(start, end).matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

/** The text of a quoted-printable .eml file (soft line breaks joined, =XX decoded; ASCII is enough here). */
const quotedPrintable = (eml: string) =>
  eml.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Runs a script with bash from the repository's root; resolves with its exit code and output. */
function bash(script: string, env: Record<string, string>, timeoutMs: number) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('walkthrough item 14: the README walkthrough runs as written', () => {
  let dataDir: string;
  let remitd: LaunchedRemitd;
  let api: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-walkthrough-'));
    const ports = await freePorts();
    remitd = launchRemitd(dataDir, ports, {
      env: {
        // as `npm start` runs for a newcomer: no demo collection account
        REMITD_SEED_DEMO: '0',
        // the walkthrough's wait loop allows for the defaults (10 s polls, 5 s min-age); shorter here
        REMITD_POLL_INTERVAL_MS: '300',
        REMITD_INBOX_MIN_AGE_MS: '200',
      },
    });
    await remitd.healthy();
    api = remitd.adminUrl('').replace(/\/$/, '');
  }, 120_000);

  afterAll(async () => {
    await remitd?.stop();
    removeDataDir(dataDir);
  });

  it('runs the ```sh blocks of the README walkthrough in order: set-up, the sample statement, the credit, the assigned transfer and the paid bill', async () => {
    const blocks = walkthroughBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    // one shell, as a reader pastes the blocks one after the other into one terminal
    const run = await bash(blocks.join('\n'), { API: api, DATA: dataDir }, 150_000);
    if (run.code !== 0)
      throw new Error(`the walkthrough failed (exit ${run.code}):\n${run.output}\n${remitd.output()}`);

    // what the README says happened, checked independently of the walkthrough's own jq output
    const key = readFileSync(path.join(dataDir, 'bootstrap-admin-key'), 'utf8').trim();
    const get = async (p: string) => {
      const res = await fetch(`${api}${p}`, { headers: { Authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      return (await res.json()) as { items: Record<string, unknown>[] };
    };
    const customers = (await get('/customers')).items;
    const id = (name: string) => customers.find((c) => c.name === name)!.id as string;
    const acmeBills = (await get(`/bills?customerId=${id('ACME Ltd')}`)).items;
    expect(acmeBills).toEqual([expect.objectContaining({ amount: '250.00', outstanding: '0.00', status: 'settled' })]);
    const globexBills = (await get(`/bills?customerId=${id('Globex Corporation')}`)).items;
    expect(globexBills).toEqual([
      expect.objectContaining({ amount: '120.00', outstanding: '0.00', status: 'settled' }),
    ]);
    const credited = (await get('/remittances?state=credited')).items;
    expect(credited.map((r) => [r.remittedAmount, r.rule]).sort()).toEqual([
      ['250.00', 'virtual_account'],
      ['80.00', 'manual'],
    ]);
    expect((await get('/remittances?state=unmatched')).items).toEqual([]);
    expect(run.output).toContain('Globex confirmed by phone');
    // "each customer is e-mailed its bank details", with the holder and bank the walkthrough gave
    const mailDir = path.join(dataDir, 'mail');
    const mails = () =>
      existsSync(mailDir)
        ? readdirSync(mailDir).map((f) => quotedPrintable(readFileSync(path.join(mailDir, f), 'utf8')))
        : [];
    await waitFor(
      () => mails().filter((m) => m.includes('Example Cloud GmbH') && m.includes('Commerzbank AG')).length >= 2,
      30_000,
      () => `no account-created e-mails naming the holder and bank in ${dataDir}/mail:\n${mails().join('\n-----\n')}`,
    );
  }, 180_000);
});
