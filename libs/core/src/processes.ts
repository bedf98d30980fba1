import { readFileSync } from 'node:fs';

/**
 * `npm start` runs the apps as child processes with an IPC channel. The kernel closes that
 * channel when the parent dies, even by SIGKILL, which signals cannot tell a child: so a child
 * that loses it shuts down instead of living on as an orphan holding its port.
 */
export function stopWithParent(stop: () => Promise<unknown>, log: (m: string) => void = console.error): void {
  if (!process.send) return; // not started with an IPC channel: nobody to watch
  process.once('disconnect', () => {
    log('the process that started this one is gone; shutting down');
    // a shutdown that hangs (a stuck connection) must not keep the orphan alive
    setTimeout(() => process.exit(1), 10_000).unref();
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

/**
 * Whether `pid` is a running process. A zombie is not: orphans are not always reaped promptly
 * (a container's init may never reap them), and kill(pid, 0) succeeds on a zombie.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: kill(pid, 0) is all there is to know
  }
}
