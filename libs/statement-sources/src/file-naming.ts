import type { RemoteFile } from './statement-source';
import { SourceError } from './statement-source';

/**
 * Suffixes uploaders use while a transfer is still running (curl/lftp/WinSCP/FileZilla/
 * browsers/rsync); such files are never picked up. Dotfiles are skipped too (rsync writes
 * `.name.XXXXXX`, many banks upload to `.name` and rename when done).
 */
const PARTIAL_UPLOAD = /\.(part|partial|tmp|temp|filepart|crdownload|download|uploading|lock|swp)$/i;

/** True for names that are (or look like) an upload still in progress, or hidden files. */
export function isPartialUpload(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || PARTIAL_UPLOAD.test(name);
}

/** A bare, harmless file name: no path separators, not `.`/`..`, no control characters (NUL, line breaks, escapes). */
export function isSafeFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name !== '.' &&
    name !== '..' &&
    !name.includes('/') &&
    !name.includes('\\') &&
    !hasControlCharacters(name)
  );
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** C0/C1 controls and DEL: in a file name they forge log lines, break reason files and PostgreSQL text (NUL). */
export function hasControlCharacters(name: string): boolean {
  return CONTROL.test(name);
}

/** The name with each control character written as `%XX`, for keeping a refused file where a person sees it. */
export function printableName(name: string): string {
  return name.replace(
    /[\u0000-\u001f\u007f-\u009f%]/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
  );
}

/** A copy of the pattern without the g/y flags, whose lastIndex would make test() stateful. */
export function statelessPattern(pattern: RegExp | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  return pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
}

/** Whether a listed regular file should be offered to the poller. */
export function isCandidate(name: string, pattern: RegExp | undefined): boolean {
  return isSafeFileName(name) && !isPartialUpload(name) && (pattern === undefined || pattern.test(name));
}

/** Oldest first; files without a modification time after dated ones; ties by name. */
export function compareOldestFirst(a: RemoteFile, b: RemoteFile): number {
  const ta = a.modifiedAt?.getTime();
  const tb = b.modifiedAt?.getTime();
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
  if (ta === undefined && tb !== undefined) return 1;
  if (ta !== undefined && tb === undefined) return -1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Name for a file moved into a directory that already holds `name`:
 * `camt053.xml` -> `camt053.2025-01-31T06-00-00-123Z.xml` (then `...-1.xml`, `...-2.xml` if needed).
 */
export function suffixedName(name: string, now: Date, attempt: number): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-') + (attempt > 1 ? `-${attempt - 1}` : '');
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name}.${stamp}`;
  return `${name.slice(0, dot)}.${stamp}${name.slice(dot)}`;
}

export function reasonFileName(name: string): string {
  return `${name}.reason.txt`;
}

export function reasonFileContent(file: RemoteFile, reason: string, now: Date): string {
  return `${reason.trimEnd()}\n\nfile: ${file.name}\nsource: ${file.sourceId}\nfailedAt: ${now.toISOString()}\n`;
}

/** Guard for download/mark*: the file must come from this source and carry a bare name. */
export function assertOwnFile(sourceId: string, file: RemoteFile): void {
  if (file.sourceId !== sourceId) {
    throw new SourceError('INVALID_ARGUMENT', `file ${file.name} belongs to source ${file.sourceId}, not ${sourceId}`, {
      retryable: false,
      sourceId,
    });
  }
  if (!isSafeFileName(file.name)) {
    throw new SourceError('INVALID_ARGUMENT', `unsafe file name ${JSON.stringify(file.name)}`, {
      retryable: false,
      sourceId,
    });
  }
}
