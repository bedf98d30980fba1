import { DEFAULT_RECONCILER_HEAP_MB, reconcilerHeapMb, reconcilerNodeFlags } from './node-flags';

describe('the reconciler heap cap (REMITD_RECONCILER_HEAP_MB)', () => {
  it('is 256 MB unless set', () => {
    expect(DEFAULT_RECONCILER_HEAP_MB).toBe(256);
    expect(reconcilerNodeFlags({})).toEqual(['--max-old-space-size=256']);
    expect(reconcilerNodeFlags({ REMITD_RECONCILER_HEAP_MB: '' })).toEqual(['--max-old-space-size=256']);
  });

  it('takes a size in MB, or 0 for V8 own limit', () => {
    expect(reconcilerNodeFlags({ REMITD_RECONCILER_HEAP_MB: '512' })).toEqual(['--max-old-space-size=512']);
    expect(reconcilerNodeFlags({ REMITD_RECONCILER_HEAP_MB: '0' })).toEqual([]);
    expect(reconcilerHeapMb({ REMITD_RECONCILER_HEAP_MB: '0' })).toBe(0);
  });

  it.each(['64', '-1', '1.5', 'lots'])('refuses %s, naming the variable', (value) => {
    expect(() => reconcilerHeapMb({ REMITD_RECONCILER_HEAP_MB: value })).toThrow(
      `REMITD_RECONCILER_HEAP_MB must be 0 (no cap) or at least 128, got '${value}'`,
    );
  });
});
