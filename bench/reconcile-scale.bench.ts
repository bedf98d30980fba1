/**
 * npm run bench:scale: the reconciliation benchmark with 1, 2 and 3 reconciler processes on one
 * database (BENCH_SCALE="1 2 3" by default), each on a fresh database with the same seed and
 * file. Prints one JSON line per process count with the reconcile throughput, the CPU per entry
 * and the speed-up over one process. Every other BENCH_* setting passes through.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const COUNTS = (process.env.BENCH_SCALE ?? '1 2 3').split(/\s+/).filter(Boolean).map(Number);

function runBench(processes: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'reconcile.bench.ts')], {
      env: { ...process.env, BENCH_PROCESSES: String(processes) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{'))
        return reject(new Error(`bench with ${processes} process(es) failed (${code})`));
      resolve(JSON.parse(last) as Record<string, unknown>);
    });
  });
}

async function main() {
  let base: number | null = null;
  for (const n of COUNTS) {
    const f = await runBench(n);
    const eps = Number(f.reconcile_eps);
    base ??= eps;
    console.log(
      JSON.stringify({
        processes: n,
        workers_per_process: f.workers,
        entries: f.entries,
        reconcile_s: f.reconcile_s,
        reconcile_eps: eps,
        speedup: Number((eps / base).toFixed(2)),
        end_to_end_eps: f.end_to_end_eps,
        reconcile_node_us_per_entry: f.reconcile_node_us_per_entry,
        reconcile_pg_us_per_entry: f.reconcile_pg_us_per_entry,
        credited: f.credited,
        unmatched: f.unmatched,
        peak_rss_mb: f.peak_rss_mb,
        reconciler_peak_rss_mb: f.reconciler_peak_rss_mb,
        reconcile_pg_cpu_s: f.reconcile_pg_cpu_s,
        reconcile_node_cpu_s: f.reconcile_node_cpu_s,
        ledger_ok: f.ledger_ok,
      }),
    );
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
