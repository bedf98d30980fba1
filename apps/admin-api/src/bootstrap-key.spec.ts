import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { handOverBootstrapKey } from './bootstrap-key';

const KEY = 'rmd_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI';

function handOver(isTTY: boolean, dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-key-'))) {
  const terminal: string[] = [];
  const logged: string[] = [];
  const file = handOverBootstrapKey(KEY, {
    dataDir,
    port: 3000,
    terminal: { isTTY, write: (t: string) => terminal.push(t) },
    log: (m) => logged.push(m),
  });
  return { file, terminal: terminal.join(''), logged: logged.join('\n') };
}

const occurrences = (text: string, s: string) => text.split(s).length - 1;

describe('handing over the bootstrap super-admin key', () => {
  it('on an interactive terminal shows the key once and logs nothing', () => {
    const r = handOver(true);
    expect(occurrences(r.terminal, KEY)).toBe(1);
    expect(r.terminal).toContain(r.file);
    expect(r.logged).toBe('');
  });

  it('when stdout is not a terminal writes the key only to the file and logs the file path', () => {
    const r = handOver(false);
    expect(r.terminal).toBe('');
    expect(r.logged).not.toContain(KEY);
    expect(r.logged).toContain(r.file);
    expect(readFileSync(r.file, 'utf8').trim()).toBe(KEY);
  });

  it('the key file is 0600 even when an older one was readable by others', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-key-'));
    writeFileSync(path.join(dataDir, 'bootstrap-admin-key'), 'old\n', { mode: 0o644 });
    const r = handOver(false, dataDir);
    expect(statSync(r.file).mode & 0o777).toBe(0o600);
    expect(readFileSync(r.file, 'utf8').trim()).toBe(KEY);
  });
});
