/**
 * The data directory holds secrets (API key, database password) next to bank files: it is only
 * for the user remitd runs as.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Creates `dir` with mode 0700, or narrows it to 0700 if it exists with wider permissions. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/**
 * Writes `content` to `file` with mode 0600. A temp file renamed into place: an existing file
 * with wider permissions is replaced, not rewritten, so the secret is never readable by others.
 */
export function writePrivateFile(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already renamed
    }
    throw e;
  }
}
