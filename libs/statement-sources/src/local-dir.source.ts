import { constants as fsConstants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  assertOwnFile,
  compareOldestFirst,
  hasControlCharacters,
  printableName,
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
  /** where a file is moved (claimed) before anything reads it; default `<dir>/work` */
  workDir?: string;
  /**
   * Writers copy files into the inbox under their final name: a file is claimed only once its
   * size and mtime held still over two polls at least minAgeMs apart, and an empty file is
   * left alone for emptyGraceMs (its writer has not started) before it is offered (and
   * quarantined as empty). Without it (tests, one-shot tools) a file is claimed at first sight.
   */
  settle?: { minAgeMs: number; emptyGraceMs: number; clock?: () => number };
}

interface Observation {
  size: number;
  mtimeMs: number;
  /** when this size and mtime were first seen, by the source's clock */
  sinceMs: number;
}

/** Statement files dropped into a local (or mounted) directory. */
export class LocalDirSource implements StatementSource {
  readonly id: string;
  private readonly dir: string;
  private readonly processedDir: string;
  private readonly failedDir: string;
  private readonly workDir: string;
  private readonly pattern: RegExp | undefined;
  private readonly settle: LocalDirSourceOptions['settle'];
  private readonly observed = new Map<string, Observation>();
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
    this.workDir = resolve(opts.workDir ?? join(this.dir, 'work'));
    this.pattern = statelessPattern(opts.pattern);
    this.settle = opts.settle;
  }

  /**
   * Claims every inbox file that is ready by renaming it into the work folder, then lists the
   * work folder: claimed files (including those a crash or a failed move left there), oldest
   * first. A file is never read under the name its writer may still be writing to.
   */
  async list(): Promise<RemoteFile[]> {
    await this.ensureDirs();
    for (const name of await this.readyInInbox()) await this.claim(name);
    return (await this.regularFiles(this.workDir)).sort(compareOldestFirst);
  }

  /** Inbox files whose size and mtime held still long enough (all of them without `settle`). */
  private async readyInInbox(): Promise<string[]> {
    const now = this.settle?.clock?.() ?? Date.now();
    const ready: string[] = [];
    const present = new Set<string>();
    for (const file of await this.regularFiles(this.dir, (name) => this.refuseName(name))) {
      present.add(file.name);
      if (!this.settle) {
        ready.push(file.name);
        continue;
      }
      const mtimeMs = file.modifiedAt?.getTime() ?? 0;
      const seen = this.observed.get(file.name);
      if (!seen || seen.size !== file.size || seen.mtimeMs !== mtimeMs) {
        this.observed.set(file.name, { size: file.size, mtimeMs, sinceMs: now });
        continue;
      }
      const heldMs = now - seen.sinceMs;
      if (heldMs >= this.settle.minAgeMs && (file.size > 0 || heldMs >= this.settle.emptyGraceMs))
        ready.push(file.name);
    }
    for (const name of this.observed.keys()) if (!present.has(name)) this.observed.delete(name);
    return ready;
  }

  /** Renames inbox/name into the work folder; another replica (or a leftover of that name) may win. */
  private async claim(name: string): Promise<void> {
    const target = join(this.workDir, name);
    if (await exists(target)) return; // a claimed file of that name is still being handled: next poll
    try {
      await rename(join(this.dir, name), target);
      this.observed.delete(name);
    } catch (e) {
      if (errno(e) === 'ENOENT') return; // claimed by another replica, or removed by its writer
      throw this.wrap(e, `cannot claim ${name} into ${this.workDir}`);
    }
  }

  private async regularFiles(dir: string, refuse?: (name: string) => Promise<boolean>): Promise<RemoteFile[]> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      throw this.wrap(e, `cannot list ${dir}`);
    }
    const files: RemoteFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      if (refuse && (await refuse(entry.name))) continue;
      if (!isCandidate(entry.name, this.pattern)) continue;
      try {
        const st = await stat(join(dir, entry.name));
        if (!st.isFile()) continue;
        files.push({ sourceId: this.id, name: entry.name, size: st.size, modifiedAt: st.mtime });
      } catch (e) {
        if (errno(e) === 'ENOENT') continue; // moved away between readdir and stat
        throw this.wrap(e, `cannot stat ${entry.name}`);
      }
    }
    return files;
  }

  /**
   * A name with control characters is never offered (it would reach logs, reason files and the
   * database): it is moved to failed/ under a printable name with the reason next to it.
   */
  private async refuseName(name: string): Promise<boolean> {
    if (!hasControlCharacters(name)) return false;
    const printable = printableName(name);
    try {
      const moved = await this.moveInto(name, this.failedDir, printable, this.dir);
      if (moved !== null) {
        const file = { sourceId: this.id, name: printable, size: 0, modifiedAt: null };
        await writeFile(
          join(this.failedDir, reasonFileName(moved)),
          reasonFileContent(
            file,
            `refused: the file name ${JSON.stringify(name)} contains control characters`,
            new Date(),
          ),
        );
      }
    } catch (e) {
      throw this.wrap(e, `cannot move the file named ${JSON.stringify(name)} to ${this.failedDir}`);
    }
    return true;
  }

  localPath(file: RemoteFile): string {
    assertOwnFile(this.id, file);
    return join(this.workDir, file.name);
  }

  async download(file: RemoteFile): Promise<Buffer> {
    assertOwnFile(this.id, file);
    let content: Buffer;
    try {
      content = await readFile(join(this.workDir, file.name));
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

  /** Moves a claimed file (work/name) into targetDir, returns the name it got there, or null if it was already gone. */
  private async moveInto(
    name: string,
    targetDir: string,
    targetBase = name,
    fromDir = this.workDir,
  ): Promise<string | null> {
    const src = join(fromDir, name);
    const now = new Date();
    for (let attempt = 0; attempt < 100; attempt++) {
      const targetName = attempt === 0 ? targetBase : suffixedName(targetBase, now, attempt);
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
        for (const d of [this.dir, this.processedDir, this.failedDir, this.workDir])
          await mkdir(d, { recursive: true });
      } catch (e) {
        this.dirsReady = null;
        throw this.wrap(e, 'cannot create the inbox/processed/failed/work directories');
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
