/**
 * The console's bundle (dist/console) built when it is missing or older than its sources, so
 * `npm start` and the tests show the current console with no extra step. `npm run build` builds
 * it unconditionally.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../libs/persistence/src/migrator';

const SOURCES = path.join(REPO_ROOT, 'apps', 'console');
const INDEX = path.join(REPO_ROOT, 'dist', 'console', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** whether dist/console must be (re)built: no bundle, or a source changed after it was built */
export function consoleBundleStale(): boolean {
  if (!existsSync(INDEX)) return true;
  // a production checkout without the sources keeps the bundle it has
  return existsSync(SOURCES) && newestSource(SOURCES) > statSync(INDEX).mtimeMs;
}

export function ensureConsoleBundle(log: (m: string) => void = console.log): void {
  if (!consoleBundleStale()) return;
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    log('the console is not built and vite is not installed: /console will say so (run npm ci, then npm run build)');
    return;
  }
  log('building the console (dist/console)…');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--mode', 'production', '--logLevel', 'warn', '--config', path.join(SOURCES, 'vite.config.mts')],
    // React's production build whatever runs this: jest sets NODE_ENV=test, which vite would honour
    { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (r.status !== 0) throw new Error(`building the console failed (vite exited with ${r.status ?? r.signal})`);
}
