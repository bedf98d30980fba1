export type { RemoteFile, SourceErrorCode, StatementSource } from './statement-source';
export { SourceError, isSourceError } from './statement-source';
export { isPartialUpload } from './file-naming';
export type { LocalDirSourceOptions } from './local-dir.source';
export { LocalDirSource } from './local-dir.source';
export type { SftpSourceOptions } from './sftp.source';
export { SftpSource, parseHostKeyFingerprint, sshHostKeyFingerprint } from './sftp.source';
export type { SourceLogger, SourceResult } from './poll-sources';
export { forEachSource } from './poll-sources';
