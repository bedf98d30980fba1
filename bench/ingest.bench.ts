/**
 * Ingestion benchmark: `npm run bench:ingest`.
 *
 * Generates (streamed to disk, in a temp dir) a camt.053, an MT940, a NACHA and a BAI2 file with
 * BENCH_ENTRIES entries each (default 100,000), then measures, each in a fresh child process
 * so that the peak RSS is per measurement:
 *   1. parse throughput of remitd's streaming readers (readStatements over fileChunks);
 *   2. the `camt-parser` package on the same camt.053 (whole string, xml2js), and `mt940js` on the
 *      same MT940 (whole string; skipped with a message when the package is not installed);
 *   3. end-to-end ingestion into a real PostgreSQL (embedded, migrated): RawFileStore.putFile +
 *      IngestStatementFileUseCase.execute, i.e. what the poller does for a local file.
 * Prints a table, then one JSON line with the headline figures.
 *
 * Each measurement runs BENCH_RUNS times (default 3); the table shows the fastest run and the
 * largest peak RSS of the runs.
 *
 * Environment: BENCH_ENTRIES (default 100000), BENCH_RUNS (default 3), BENCH_KEEP=1 keeps the
 * temp dir, BENCH_SKIP_CAMTPARSER=1 skips the camt-parser comparison, BENCH_SKIP_MT940JS=1 the
 * mt940js one, BENCH_LOADER=swc-node runs the measured processes through @swc-node/register
 * instead of precompiled JavaScript. The table adds each measuring process's wall time from spawn
 * to exit and its CPU time (the machine may be shared: CPU is the steadier figure).
 * BENCH_NODE_FLAGS adds Node flags to every measuring process (e.g. "--cpu-prof --cpu-prof-dir=prof").
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { reconcilerHeapMb, reconcilerNodeFlags } from '../libs/config/src/node-flags';
import { writeBai2 } from './generators/bai2';
import { writeCamt053 } from './generators/camt053';
import { writeMt940 } from './generators/mt940';
import { writeNacha } from './generators/nacha';
import type { GeneratedFile } from './generators/realistic';
import { freePort } from '../test/support/free-port';

const ROOT = path.resolve(__dirname, '..');
/** remitd's own measurements run as the reconciler does: with its heap cap (REMITD_RECONCILER_HEAP_MB) */
const REMITD_FLAGS = reconcilerNodeFlags();
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

interface ChildResult {
  entries: number;
  seconds: number;
  eps: number;
  maxRssMb: number;
  detail?: string;
  /** CPU (user + system) of the measuring process until it reported, module loading included */
  cpuSeconds?: number;
  /** wall time of the whole child process, spawn to exit (set by the parent) */
  processSeconds?: number;
}

// ---------------------------------------------------------------------------------------------
// child side: one measurement per process

const maxRssMb = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

function report(r: ChildResult): void {
  const cpu = process.cpuUsage();
  r.cpuSeconds = Math.round((cpu.user + cpu.system) / 1e3) / 1e3;
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(r)}\n`);
}

async function childParse(format: string, file: string): Promise<void> {
  const { fileChunks, readStatements } = await import('../libs/statements/src/read-statements');
  const t0 = process.hrtime.bigint();
  let entries = 0;
  let statements = 0;
  for await (const ev of readStatements(fileChunks(file), format as never, path.basename(file))) {
    if (ev.type === 'entry') entries++;
    else if (ev.type === 'statement') statements++;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  report({ entries, seconds, eps: entries / seconds, maxRssMb: maxRssMb(), detail: `${statements} statement(s)` });
}

async function childCamtParser(file: string): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const { parseCamt053 } = await import('camt-parser');
  const t0 = process.hrtime.bigint();
  const doc = await parseCamt053(await readFile(file, 'utf8'));
  let entries = 0;
  for (const s of doc.statements) entries += s.transactions.length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  report({ entries, seconds, eps: entries / seconds, maxRssMb: maxRssMb() });
}

/** `mt940js` (a devDependency; the row is skipped without it) on the same MT940 file, whole string. */
async function childMt940js(file: string): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const t0 = process.hrtime.bigint();
  // loaded inside the timing: the comparison is of whole processes, module loading included
  const { Parser } = (await import('mt940js' as string)) as {
    Parser: new () => { parse(text: string): { transactions: unknown[] }[] };
  };
  const statements = new Parser().parse(await readFile(file, 'utf8'));
  let entries = 0;
  for (const s of statements) entries += s.transactions.length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  report({
    entries,
    seconds,
    eps: entries / seconds,
    maxRssMb: maxRssMb(),
    detail: `${statements.length} statement(s)`,
  });
}

function hasPackage(name: string): boolean {
  try {
    require.resolve(name, { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

async function childIngest(file: string, url: string, dataDir: string): Promise<void> {
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { Module } = await import('@nestjs/common');
  const { PersistenceModule } = await import('../libs/persistence/src');
  const { StatementsModule, RawFileStore, IngestStatementFileUseCase } = await import('../libs/statements/src');

  @Module({ imports: [PersistenceModule.forRoot({ url, poolSize: 4 }), StatementsModule.forRoot({ dataDir })] })
  class BenchModule {}

  const ctx = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  try {
    const store = ctx.get(RawFileStore);
    const ingest = ctx.get(IngestStatementFileUseCase);
    const t0 = process.hrtime.bigint();
    const stored = await store.putFile(file);
    const outcome = await ingest.execute({
      sourceId: 'bench',
      fileName: path.basename(file),
      storedPath: stored.path,
      sha256: stored.sha256,
      size: stored.size,
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (outcome.status !== 'ingested')
      throw new Error(`expected the file to be ingested, got ${JSON.stringify(outcome)}`);
    report({
      entries: outcome.entries,
      seconds,
      eps: outcome.entries / seconds,
      maxRssMb: maxRssMb(),
      detail: `${outcome.newEntries} new, ${outcome.alerts} alert(s)`,
    });
  } finally {
    await ctx.close();
  }
}

/** What every ingesting process holds before it reads a byte: Nest, Prisma, a pool connection. */
async function childIdle(url: string, dataDir: string): Promise<void> {
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { Module } = await import('@nestjs/common');
  const { PersistenceModule, PrismaService } = await import('../libs/persistence/src');
  const { StatementsModule } = await import('../libs/statements/src');
  await import('../libs/statements/src/read-statements');

  @Module({ imports: [PersistenceModule.forRoot({ url, poolSize: 4 }), StatementsModule.forRoot({ dataDir })] })
  class IdleModule {}

  const ctx = await NestFactory.createApplicationContext(IdleModule, { logger: ['error', 'warn'] });
  // a model query and a transaction: loads Prisma's query compiler as ingestion does
  const prisma = ctx.get(PrismaService);
  await prisma.$transaction(async (tx) => tx.statementFile.findFirst({ where: { sha256: 'none' } }));
  report({ entries: 0, seconds: 0, eps: 0, maxRssMb: maxRssMb() });
  await ctx.close();
}

// ---------------------------------------------------------------------------------------------
// parent side

/**
 * The children run plain JavaScript compiled up front with swc (what `npm run build` + `node dist/…`
 * runs), so their peak RSS is remitd's own: the TypeScript-on-the-fly loader (@swc-node/register
 * loads the whole `typescript` compiler) adds ~100 MB to every process. BENCH_LOADER=swc-node runs
 * them through that loader instead, as `npm start` does.
 */
async function compileForChildren(outDir: string): Promise<string> {
  const { transformFile } = await import('@swc/core');
  const { mkdir, readdir, writeFile } = await import('node:fs/promises');
  // the test helpers the generators share with the tests
  const sources: string[] = ['camt-builder.ts', 'prng.ts', 'free-port.ts'].map((f) =>
    path.join(ROOT, 'test', 'support', f),
  );
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|spec-util|test-util|d)\.ts$/.test(e.name))
        sources.push(p);
    }
  };
  await walk(path.join(ROOT, 'libs'));
  await walk(path.join(ROOT, 'bench'));
  for (const file of sources) {
    const { code } = await transformFile(file, {
      swcrc: false,
      configFile: false,
      sourceMaps: false,
      module: { type: 'commonjs' },
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        baseUrl: ROOT,
        paths: { '@remitd/*': ['libs/*/src'] },
      },
    });
    const target = path.join(outDir, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, code);
  }
  return path.join(outDir, 'bench', 'ingest.bench.js');
}

let childEntry: string[] = ['-r', '@swc-node/register', __filename];
let childEnv: NodeJS.ProcessEnv = process.env;

function runChild(args: string[], nodeFlags: string[] = []): Promise<ChildResult> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const extra = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...extra, ...nodeFlags, ...childEntry, '--child', ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      const processSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0 && line)
        resolve({ ...(JSON.parse(line.slice('BENCH_RESULT '.length)) as ChildResult), processSeconds });
      else reject(new Error(`child ${args.join(' ')} failed (${signal ?? code}):\n${err || out}`));
    });
  });
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => `${round(bytes / 1e6, 1)} MB`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(fmt)].join('\n');
}

/** the fastest of several runs; the largest peak RSS among them */
function best(runs: ChildResult[]): ChildResult {
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...fastest, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'remitd-bench-'));
  const log = (m: string) => process.stderr.write(`${m}\n`);
  let pg: { stop(): Promise<void> } | null = null;
  const pgDirs: string[] = [];
  const cleanup = async () => {
    if (pg) await pg.stop().catch(() => undefined);
    pg = null;
    for (const d of pgDirs.splice(0)) rmSync(d, { recursive: true, force: true });
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    log(`generating ${ENTRIES.toLocaleString('en')} entries per format in ${dir} …`);
    const t0 = Date.now();
    const files: GeneratedFile[] = [
      await writeCamt053(path.join(dir, 'camt053-bench.xml'), { entries: ENTRIES }),
      await writeMt940(path.join(dir, 'mt940-bench.sta'), { entries: ENTRIES }),
      await writeNacha(path.join(dir, 'nacha-bench.ach'), { entries: ENTRIES }),
      await writeBai2(path.join(dir, 'bai2-bench.bai'), { entries: ENTRIES }),
    ];
    log(
      `generated in ${round((Date.now() - t0) / 1000, 1)} s: ${files.map((f) => `${f.format} ${mb(f.bytes)}`).join(', ')}`,
    );
    const loader = process.env.BENCH_LOADER === 'swc-node' ? 'swc-node' : 'precompiled';
    if (loader === 'precompiled') {
      childEntry = [await compileForChildren(path.join(dir, 'js'))];
      // the compiled tree lives outside the project: let it find the project's packages
      childEnv = { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') };
    }

    const parse = new Map<string, ChildResult>();
    for (const f of files) {
      const runs: ChildResult[] = [];
      for (let i = 1; i <= RUNS; i++) {
        log(`parsing ${f.format} (run ${i}/${RUNS}) …`);
        const r = await runChild(['parse', f.format, f.path], REMITD_FLAGS);
        if (r.entries !== f.entries)
          throw new Error(`${f.format}: parsed ${r.entries} entries, generated ${f.entries}`);
        runs.push(r);
      }
      parse.set(f.format, best(runs));
    }
    let camtParser: ChildResult | null = null;
    if (!process.env.BENCH_SKIP_CAMTPARSER) {
      const runs: ChildResult[] = [];
      for (let i = 1; i <= RUNS; i++) {
        log(`parsing camt.053 with camt-parser (run ${i}/${RUNS}) …`);
        // a whole 100 MB document as an xml2js object tree does not fit the default heap
        runs.push(await runChild(['camt-parser', files[0].path], ['--max-old-space-size=12288']));
      }
      camtParser = best(runs);
    }
    // mt940js: the most used MT940 parser on npm, on the same file, as whole processes
    let mt940js: ChildResult | null = null;
    const mt940File = files.find((f) => f.format === 'mt940')!;
    if (process.env.BENCH_SKIP_MT940JS) log('mt940js comparison skipped (BENCH_SKIP_MT940JS)');
    else if (!hasPackage('mt940js'))
      log('mt940js comparison skipped: the package is not installed (npm install --save-dev mt940js@1.3.5)');
    else {
      const runs: ChildResult[] = [];
      for (let i = 1; i <= RUNS; i++) {
        log(`parsing mt940 with mt940js (run ${i}/${RUNS}) …`);
        const r = await runChild(['mt940js', mt940File.path]);
        if (r.entries !== mt940File.entries)
          throw new Error(`mt940js: parsed ${r.entries} entries, generated ${mt940File.entries}`);
        runs.push(r);
      }
      mt940js = best(runs);
    }

    log('starting embedded PostgreSQL and applying migrations …');
    const { startEmbeddedPostgres, ensureDatabase } = await import('../libs/persistence/src/embedded-postgres');
    const { migrateDeploy } = await import('../libs/persistence/src/migrator');
    // its own temp dir: PostgreSQL runs as another OS user when we are root and must reach it
    const pgDir = mkdtempSync(path.join(tmpdir(), 'remitd-bench-pg-'));
    pgDirs.push(pgDir);
    const running = await startEmbeddedPostgres({
      dataDir: path.join(pgDir, 'data'),
      port: await freePort(),
      persistent: false,
    });
    pg = running;
    const dbUrl = (name: string) => {
      const u = new URL(running.adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    };
    await ensureDatabase(running.adminUrl, 'bench_template');
    await migrateDeploy(dbUrl('bench_template'));
    /** a fresh database, with the collection account the statement is for */
    const freshDatabase = async (name: string, f: GeneratedFile): Promise<string> => {
      // CREATE DATABASE … TEMPLATE fails while the migrator's connections are still closing
      for (let attempt = 0; ; attempt++) {
        try {
          await ensureDatabase(running.adminUrl, name, 'bench_template');
          break;
        } catch (e) {
          if (attempt > 100 || !/being accessed by other users/.test(String(e))) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const c = new Client({ connectionString: dbUrl(name) });
      await c.connect();
      const nacha = f.format === 'nacha' || f.format === 'bai2';
      await c.query(
        `INSERT INTO collection_accounts (id, name, iban, account_number, currencies) VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
        [
          `bench ${f.format}`,
          nacha ? null : f.account,
          nacha ? f.account : f.account.slice(-10),
          [nacha ? 'USD' : 'EUR'],
        ],
      );
      await c.end();
      return dbUrl(name);
    };

    const idle = await runChild(
      ['idle', await freshDatabase('bench_idle', files[0]), path.join(dir, 'data-idle')],
      REMITD_FLAGS,
    );
    const ingest = new Map<string, ChildResult>();
    for (const f of files) {
      const runs: ChildResult[] = [];
      for (let i = 1; i <= RUNS; i++) {
        const name = `bench_${f.format.replace('.', '')}_${i}`;
        const url = await freshDatabase(name, f);
        log(`ingesting ${f.format} (run ${i}/${RUNS}) …`);
        const r = await runChild(['ingest', f.path, url, path.join(dir, `data-${name}`)], REMITD_FLAGS);
        if (r.entries !== f.entries)
          throw new Error(`${f.format}: ingested ${r.entries} entries, generated ${f.entries}`);
        runs.push(r);
      }
      ingest.set(f.format, best(runs));
    }
    await cleanup();

    const camt = parse.get('camt.053')!;
    const rows: string[][] = [
      ['measurement', 'file', 'entries', 'seconds', 'entries/s', 'peak RSS', 'process s', 'CPU s'],
    ];
    const row = (label: string, f: GeneratedFile, r: ChildResult) =>
      rows.push([
        label,
        mb(f.bytes),
        r.entries.toLocaleString('en'),
        round(r.seconds, 2).toFixed(2),
        Math.round(r.eps).toLocaleString('en'),
        `${r.maxRssMb} MB`,
        round(r.processSeconds ?? NaN, 2).toFixed(2),
        round(r.cpuSeconds ?? NaN, 2).toFixed(2),
      ]);
    for (const f of files) row(`parse ${f.format} (remitd)`, f, parse.get(f.format)!);
    if (camtParser) row('parse camt.053 (camt-parser)', files[0], camtParser);
    if (mt940js) row('parse mt940 (mt940js 1.3.5)', mt940File, mt940js);
    for (const f of files) row(`ingest ${f.format} → PostgreSQL`, f, ingest.get(f.format)!);
    console.log(table(rows));
    console.log(
      [
        `best of ${RUNS} run(s) each, every run in a fresh process (ingestion: a fresh database too); peak RSS is the largest of the runs.`,
        `children ran ${loader === 'precompiled' ? 'JavaScript precompiled with swc (as after npm run build)' : 'TypeScript through @swc-node/register (as npm start)'}; ` +
          `an idle ingesting process (Nest + Prisma + one connection, nothing read) peaks at ${idle.maxRssMb} MB; ` +
          `remitd's processes ran as the reconciler does: ${REMITD_FLAGS.join(' ') || 'no heap cap'} (REMITD_RECONCILER_HEAP_MB).`,
        `targets (issue 19): camt.053 parse ≥ 10× camt-parser, camt.053 ingestion ≤ 3 s and ≤ 250 MB, MT940 faster than mt940js, BAI2 parse ≥ 100,000 entries/s.`,
      ].join('\n'),
    );

    const ours = [...parse.values(), ...ingest.values()];
    const summary = {
      camt053_parse_eps: Math.round(camt.eps),
      camt053_parse_cpu_s: round(camt.cpuSeconds ?? NaN),
      camtparser_parse_eps: camtParser ? Math.round(camtParser.eps) : null,
      camtparser_cpu_s: camtParser ? round(camtParser.cpuSeconds ?? NaN) : null,
      parse_speedup_vs_camtparser: camtParser ? round(camt.eps / camtParser.eps, 1) : null,
      mt940_parse_eps: Math.round(parse.get('mt940')!.eps),
      mt940_parse_process_s: round(parse.get('mt940')!.processSeconds ?? NaN),
      mt940_parse_cpu_s: round(parse.get('mt940')!.cpuSeconds ?? NaN),
      mt940js_parse_eps: mt940js ? Math.round(mt940js.eps) : null,
      mt940js_process_s: mt940js ? round(mt940js.processSeconds ?? NaN) : null,
      mt940js_cpu_s: mt940js ? round(mt940js.cpuSeconds ?? NaN) : null,
      mt940_process_speedup_vs_mt940js: mt940js
        ? round((mt940js.processSeconds ?? NaN) / (parse.get('mt940')!.processSeconds ?? NaN), 2)
        : null,
      mt940js_peak_rss_mb: mt940js?.maxRssMb ?? null,
      nacha_parse_eps: Math.round(parse.get('nacha')!.eps),
      bai2_parse_eps: Math.round(parse.get('bai2')!.eps),
      camt053_ingest_s: round(ingest.get('camt.053')!.seconds),
      camt053_ingest_eps: Math.round(ingest.get('camt.053')!.eps),
      camt053_ingest_cpu_s: round(ingest.get('camt.053')!.cpuSeconds ?? NaN),
      mt940_ingest_s: round(ingest.get('mt940')!.seconds),
      mt940_ingest_eps: Math.round(ingest.get('mt940')!.eps),
      nacha_ingest_s: round(ingest.get('nacha')!.seconds),
      nacha_ingest_eps: Math.round(ingest.get('nacha')!.eps),
      bai2_ingest_s: round(ingest.get('bai2')!.seconds),
      bai2_ingest_eps: Math.round(ingest.get('bai2')!.eps),
      peak_rss_mb: Math.max(...ours.map((r) => r.maxRssMb)),
      parse_peak_rss_mb: Math.max(...[...parse.values()].map((r) => r.maxRssMb)),
      ingest_peak_rss_mb: Math.max(...[...ingest.values()].map((r) => r.maxRssMb)),
      idle_rss_mb: idle.maxRssMb,
      camtparser_peak_rss_mb: camtParser?.maxRssMb ?? null,
      entries: ENTRIES,
      runs: RUNS,
      loader,
      reconciler_heap_mb: reconcilerHeapMb(),
    };
    console.log(JSON.stringify(summary));
  } finally {
    await cleanup();
  }
}

async function child(args: string[]): Promise<void> {
  const [mode, ...rest] = args;
  if (mode === 'parse') return childParse(rest[0], rest[1]);
  if (mode === 'camt-parser') return childCamtParser(rest[0]);
  if (mode === 'mt940js') return childMt940js(rest[0]);
  if (mode === 'ingest') return childIngest(rest[0], rest[1], rest[2]);
  if (mode === 'idle') return childIdle(rest[0], rest[1]);
  throw new Error(`unknown child mode ${mode}`);
}

const argv = process.argv.slice(2);
(argv[0] === '--child' ? child(argv.slice(1)) : main()).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
