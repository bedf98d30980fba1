/**
 * A statement source is a place bank statement files arrive in (an SFTP inbox at the bank,
 * a local drop directory). The poller lists the inbox, downloads each file, hands it to the
 * parsers and then moves it to processed/ or failed/ so it is never picked up twice.
 */

export interface RemoteFile {
  /** id of the source that listed the file */
  sourceId: string;
  /** bare file name inside the inbox (never a path) */
  name: string;
  /** size in bytes as listed; download() verifies the content has exactly this length */
  size: number;
  modifiedAt: Date | null;
}

export interface StatementSource {
  readonly id: string;
  /** Files in the inbox matching the pattern, oldest first, skipping partial uploads (*.part, *.tmp, dotfiles, ...). */
  list(): Promise<RemoteFile[]>;
  /** Whole content. Throws a retryable INCOMPLETE_DOWNLOAD SourceError when the length differs from the listed size. */
  download(file: RemoteFile): Promise<Buffer>;
  /** Sources on the local disk give the path, so large files are streamed instead of loaded whole. */
  localPath?(file: RemoteFile): string;
  /** Streams the file to a local path (no copy in memory); fails, leaving nothing, when incomplete. */
  downloadTo?(file: RemoteFile, localPath: string): Promise<void>;
  /** Move to processed/ (created if needed; a timestamp suffix is added when the target exists). No-op if the file is already gone. */
  markProcessed(file: RemoteFile): Promise<void>;
  /** Move to failed/ and write `<name>.reason.txt` next to it. */
  markFailed(file: RemoteFile, reason: string): Promise<void>;
  close(): Promise<void>;
}

export type SourceErrorCode =
  /** could not connect (refused, DNS, timeout) after all retries */
  | 'SOURCE_UNREACHABLE'
  /** the server presented a host key that does not match the pinned fingerprint */
  | 'HOST_KEY_MISMATCH'
  /** the server rejected the credentials */
  | 'AUTH_FAILED'
  /** the connection dropped while an operation was running */
  | 'CONNECTION_LOST'
  /** the downloaded content does not have the listed size (or the transfer broke off) */
  | 'INCOMPLETE_DOWNLOAD'
  /** the inbox or the file does not exist */
  | 'NOT_FOUND'
  | 'PERMISSION_DENIED'
  /** the source is misconfigured (bad fingerprint, missing credentials, ...) */
  | 'INVALID_CONFIG'
  /** a file from another source or with an unsafe name was passed in */
  | 'INVALID_ARGUMENT'
  /** any other I/O or protocol failure */
  | 'IO_ERROR';

/** Every failure of a source surfaces as a SourceError with a stable code. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly code: SourceErrorCode;
  /** true when trying again later (next poll) may succeed */
  readonly retryable: boolean;
  readonly sourceId: string | undefined;

  constructor(
    code: SourceErrorCode,
    message: string,
    opts: { retryable: boolean; sourceId?: string; cause?: unknown },
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.retryable = opts.retryable;
    this.sourceId = opts.sourceId;
  }
}

export function isSourceError(e: unknown): e is SourceError {
  return e instanceof SourceError;
}
