import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../apps/reconciler/src/cli';
import { buildCamt } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('the remitd command line', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem();
    process.env.DATABASE_URL = sys.db.url;
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await sys.close();
  });

  it('parse prints the normalized statement and exits 0', async () => {
    const r = await run('parse', path.join(__dirname, 'fixtures/camt/camt053.001.02-swift-virtual-batch-reversal.xml'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.format).toBe('camt.053');
    expect(json.entries.length).toBeGreaterThan(0);
  });

  it('parse exits 1 naming the file and the line of a malformed file', async () => {
    const r = await run('parse', path.join(__dirname, 'fixtures/camt/camt053-malformed.xml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/camt053-malformed.xml at line \d+/);
  });

  it('parse honours --format and rejects an unknown one', async () => {
    expect(
      (await run('parse', path.join(__dirname, 'fixtures/mt940/rabobank-tag86.sta'), '--format', 'mt940')).code,
    ).toBe(0);
    expect((await run('parse', 'x', '--format', 'bai9')).code).toBe(2);
  });

  it('reconcile --dry-run shows every decision and changes nothing', async () => {
    const c = await sys.customer({ name: 'Dry Run Ltd' });
    await sys.bill(c.id, '2026-09', '100.00');
    const file = path.join(sys.dir, 'dry.xml');
    writeFileSync(
      file,
      buildCamt({
        account: 'DE89370400440532013000',
        entries: [
          { ref: 'DRY-1', amount: '150.00', creditedAccount: c.virtualAccount, remitterName: 'Dry Run Ltd' },
          { ref: 'DRY-2', amount: '20.00', remitterName: 'Stranger' },
        ],
      }),
    );
    const before = {
      entries: await sys.prisma.statementEntry.count(),
      journals: await sys.prisma.journalEntry.count(),
      remittances: await sys.prisma.remittance.count(),
    };
    const r = await run('reconcile', '--dry-run', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/CREDIT Dry Run Ltd\s+\[virtual_account, confidence 1\]/);
    expect(r.out).toMatch(/settles B-202609-RC\w+: 100.00/);
    expect(r.out).toMatch(/UNMATCHED.*no_rule_matched/);
    const json = JSON.parse((await run('reconcile', '--dry-run', file, '--json')).out);
    expect(json[0]).toMatchObject({ decision: 'credit', creditedAmount: '150.00', balanceAfter: '50.00' });
    expect({
      entries: await sys.prisma.statementEntry.count(),
      journals: await sys.prisma.journalEntry.count(),
      remittances: await sys.prisma.remittance.count(),
    }).toEqual(before);
  });
});
