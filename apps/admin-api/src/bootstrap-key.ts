import path from 'node:path';
import { writePrivateFile } from '@remitd/core';

export interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Hands a new bootstrap super-admin key to whoever started remitd. It always goes to a 0600
 * file in the data directory. It is shown once on an interactive terminal, but never written to
 * a log: stdout that is not a terminal is usually a log collector, which keeps and ships it.
 */
export function handOverBootstrapKey(
  key: string,
  opts: { dataDir: string; port: number; terminal: Terminal; log: (m: string) => void },
): string {
  const file = path.join(opts.dataDir, 'bootstrap-admin-key');
  writePrivateFile(file, key + '\n');
  if (opts.terminal.isTTY) {
    opts.terminal.write(
      `\n  Bootstrap super-admin API key (shown once; also saved to ${file}, readable only by you):\n\n` +
        `    ${key}\n\n` +
        `  Use it as: curl -H "Authorization: Bearer $(cat ${file})" http://127.0.0.1:${opts.port}/customers\n\n`,
    );
  } else {
    opts.log(`created a bootstrap super-admin API key; it is in ${file} (readable only by this user)`);
  }
  return file;
}
