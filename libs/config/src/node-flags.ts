/**
 * Node flags the reconciler runs with (`npm start`, `npm run start:prod`, and the benchmarks that
 * stand in for it). Left alone, V8 lets the heap grow to several hundred MB of garbage between
 * full collections while a large file is ingested or batches are reconciled: a reconciler peaked
 * at 635 MB RSS for ~150 MB of live data. A cap makes it collect sooner, for a few per cent more
 * time (see docs/operations.md, "Memory"). REMITD_RECONCILER_HEAP_MB sets it; 0 leaves V8's own
 * limit. Run the reconciler in production with the same flag (`node --max-old-space-size=…`).
 */
export const DEFAULT_RECONCILER_HEAP_MB = 256;

export function reconcilerHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REMITD_RECONCILER_HEAP_MB;
  if (raw === undefined || raw === '') return DEFAULT_RECONCILER_HEAP_MB;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 0 || (mb > 0 && mb < 128)) {
    throw new Error(`REMITD_RECONCILER_HEAP_MB must be 0 (no cap) or at least 128, got '${raw}'`);
  }
  return mb;
}

export function reconcilerNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const mb = reconcilerHeapMb(env);
  return mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}
