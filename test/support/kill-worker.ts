import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs a test worker (a TypeScript file under test/support) in a process of its own with `args`
 * as its JSON argument, and SIGKILLs it the first time `killWhen` answers true (polled every
 * `pollMs`). Resolves when the process is gone, with whether it was killed and what it printed:
 * the shared harness of the kill -9 tests.
 */
export function runWorker(
  worker: string,
  args: unknown,
  opts: { killWhen?: () => Promise<boolean>; pollMs?: number } = {},
): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', worker, JSON.stringify(args)], {
      cwd: path.resolve(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      clearInterval(timer);
      resolve({ killed, out });
    });
    const timer = setInterval(() => {
      if (!opts.killWhen || killed) return;
      void opts.killWhen().then((now) => {
        if (now && !killed && child.exitCode === null) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
    }, opts.pollMs ?? 25);
  });
}
