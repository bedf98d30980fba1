import { constants as fsConstants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  assertOwnFile,
  compareOldestFirst,
  isCandidate,
  reasonFileContent,
  reasonFileName,
  statelessPattern,
  suffixedName,
} from './file-naming';
import { SourceError } from './statement-source';
import type { RemoteFile, StatementSource } from './statement-source';

export interface LocalDirSourceOptions {
  id: string;
  /** the inbox directory; created if missing */
  dir: string;
  /** only names matching this are listed (default: all) */
  pattern?: RegExp;
  /** default `<dir>/processed` */
  processedDir?: string;
  /** default `<dir>/failed` */
  failedDir?: string;
}

/** Statement files dropped into a local (or mounted) directory. */
export class LocalDirSource implements StatementSource {
  readonly id: string;
  private readonly dir: string;
  private readonly processedDir: string;
  private readonly failedDir: string;
  private readonly pattern: RegExp | undefined;
  private dirsReady: Promise<void> | null = null;

  constructor(opts: LocalDirSourceOptions) {
    if (!opts.id) throw new SourceError('INVALID_CONFIG', 'local source needs an id', { retryable: false });
    if (!opts.dir) {
      throw new SourceError('INVALID_CONFIG', `local source ${opts.id} needs a dir`, {
        retryable: false,
        sourceId: opts.id,
      });
    }
    this.id = opts.id;
    this.dir = resolve(opts.dir);
    this.processedDir = resolve(opts.processedDir ?? join(this.dir, 'processed'));
    this.failedDir = resolve(opts.failedDir ?? join(this.dir, 'failed'));
    this.pattern = statelessPattern(opts.pattern);
  }

  async list(): Promise<RemoteFile[]> {
    await this.ensureDirs();
    let entries;
    try {
      entries = await readdir(this.dir, { withFileTypes: true });
    } catch (e) {
      throw this.wrap(e, `cannot list ${this.dir}`);
    }
    const files: RemoteFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || !isCandidate(entry.name, this.pattern)) continue;
      try {
        const st = await stat(join(this.dir, entry.name));
        if (!st.isFile()) continue;
        files.push({ sourceId: this.id, name: entry.name, size: st.size, modifiedAt: st.mtime });
      } catch (e) {
        if (errno(e) === 'ENOENT') continue; // moved away between readdir and stat
        throw this.wrap(e, `cannot stat ${entry.name}`);
      }
    }
    return files.sort(compareOldestFirst);
  }

  localPath(file: RemoteFile): string {
    assertOwnFile(this.id, file);
    return join(this.dir, file.name);
  }

  async download(file: RemoteFile): Promise<Buffer> {
    assertOwnFile(this.id, file);
    let content: Buffer;
    try {
      content = await readFile(join(this.dir, file.name));
    } catch (e) {
      throw this.wrap(e, `cannot read ${file.name}`);
    }
    if (content.length !== file.size) {
      throw new SourceError(
        'INCOMPLETE_DOWNLOAD',
        `${file.name}: read ${content.length} bytes but ${file.size} were listed (file still being written?)`,
        { retryable: true, sourceId: this.id },
      );
    }
    return content;
  }

  async markProcessed(file: RemoteFile): Promise<void> {
    assertOwnFile(this.id, file);
    await this.ensureDirs();
    try {
      await this.moveInto(file.name, this.processedDir);
    } catch (e) {
      throw this.wrap(e, `cannot move ${file.name} to ${this.processedDir}`);
    }
  }

  async markFailed(file: RemoteFile, reason: string): Promise<void> {
    assertOwnFile(this.id, file);
    await this.ensureDirs();
    try {
      const moved = await this.moveInto(file.name, this.failedDir);
      // Already gone: a previous attempt moved it; write the reason only if it landed under its own name.
      const target = moved ?? ((await exists(join(this.failedDir, file.name))) ? file.name : null);
      if (target === null) return;
      await writeFile(join(this.failedDir, reasonFileName(target)), reasonFileContent(file, reason, new Date()));
    } catch (e) {
      throw this.wrap(e, `cannot move ${file.name} to ${this.failedDir}`);
    }
  }

  async close(): Promise<void> {
    // nothing held open
  }

  /** Moves dir/name into targetDir, returns the name it got there, or null if the source was already gone. */
  private async moveInto(name: string, targetDir: string): Promise<string | null> {
    const src = join(this.dir, name);
    const now = new Date();
    for (let attempt = 0; attempt < 100; attempt++) {
      const targetName = attempt === 0 ? name : suffixedName(name, now, attempt);
      const target = join(targetDir, targetName);
      if (await exists(target)) continue;
      if (!(await exists(src))) return null;
      try {
        await rename(src, target);
        return targetName;
      } catch (e) {
        const code = errno(e);
        if (code === 'ENOENT' && !(await exists(src))) return null;
        if (code !== 'EXDEV') throw this.wrap(e, `cannot move ${name} to ${targetDir}`);
      }
      // different file system: copy (refusing to overwrite) then remove the original
      try {
        await copyFile(src, target, fsConstants.COPYFILE_EXCL);
      } catch (e) {
        if (errno(e) === 'EEXIST') continue;
        if (errno(e) === 'ENOENT' && !(await exists(src))) return null;
        throw this.wrap(e, `cannot copy ${name} to ${targetDir}`);
      }
      try {
        await unlink(src);
      } catch (e) {
        if (errno(e) !== 'ENOENT') throw this.wrap(e, `cannot remove ${name} after copying it to ${targetDir}`);
      }
      return targetName;
    }
    throw new SourceError('IO_ERROR', `no free name for ${name} in ${targetDir}`, {
      retryable: true,
      sourceId: this.id,
    });
  }

  private ensureDirs(): Promise<void> {
    this.dirsReady ??= (async () => {
      try {
        for (const d of [this.dir, this.processedDir, this.failedDir]) await mkdir(d, { recursive: true });
      } catch (e) {
        this.dirsReady = null;
        throw this.wrap(e, 'cannot create the inbox/processed/failed directories');
      }
    })();
    return this.dirsReady;
  }

  private wrap(e: unknown, what: string): SourceError {
    if (e instanceof SourceError) return e;
    const code = errno(e);
    const detail = `${what}: ${e instanceof Error ? e.message : String(e)}`;
    const base = { sourceId: this.id, cause: e };
    if (code === 'ENOENT') return new SourceError('NOT_FOUND', detail, { ...base, retryable: false });
    if (code === 'EACCES' || code === 'EPERM')
      return new SourceError('PERMISSION_DENIED', detail, { ...base, retryable: false });
    return new SourceError('IO_ERROR', detail, { ...base, retryable: true });
  }
}

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}
