import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface StoredRaw {
  sha256: string;
  size: number;
  path: string;
}

/**
 * Content-addressed store of every bank file received, written (and fsynced) before anything
 * is parsed: the raw bytes are never lost, whatever happens after.
 */
export class RawFileStore {
  constructor(private readonly dir: string) {}

  pathFor(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async putBuffer(content: Buffer): Promise<StoredRaw> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathFor(sha256);
    if (!(await exists(target))) {
      const tmp = await this.tempPath();
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(content);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await this.commit(tmp, target);
    }
    return { sha256, size: content.length, path: target };
  }

  /** Streams a local file into the store, hashing on the way (a 100 MB file is never held whole). */
  async putFile(source: string): Promise<StoredRaw> {
    const tmp = await this.tempPath();
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    });
    await pipeline(createReadStream(source, { highWaterMark: 1 << 20 }), tap, createWriteStream(tmp));
    return this.settle(tmp, hash.digest('hex'), size);
  }

  /** Takes a file written to tempPath() (e.g. streamed from SFTP) into the store under its hash. */
  async adopt(tmp: string): Promise<StoredRaw> {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(tmp, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return this.settle(tmp, hash.digest('hex'), size);
  }

  /** A temporary path inside the store (same file system, so adopting it is a rename). */
  async tempPath(): Promise<string> {
    await mkdir(path.join(this.dir, 'tmp'), { recursive: true });
    return path.join(this.dir, 'tmp', randomUUID());
  }

  /** Makes a fully written temporary file durable and files it under its hash (once: a copy already there wins). */
  private async settle(tmp: string, sha256: string, size: number): Promise<StoredRaw> {
    const fh = await open(tmp, 'r+');
    await fh.sync();
    await fh.close();
    const target = this.pathFor(sha256);
    if (await exists(target)) await unlink(tmp);
    else await this.commit(tmp, target);
    return { sha256, size, path: target };
  }

  private async commit(tmp: string, target: string): Promise<void> {
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tmp, target);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
