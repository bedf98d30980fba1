import { readFile, stat } from 'node:fs/promises';

const MAX_FILE = 64 * 1024 * 1024;
const MAX_EXCERPT = 4000;

/**
 * The bytes of the bank file an entry came from, for a person resolving it: the `<Ntry>` element
 * for camt (location "Stmt[s]/Ntry[n]/…"), the line and its neighbours for MT940/NACHA ("line N").
 */
export async function rawExcerpt(storedPath: string, location: string): Promise<string | null> {
  try {
    if ((await stat(storedPath)).size > MAX_FILE) return null;
    const text = await readFile(storedPath, 'latin1');
    const line = /^line (\d+)/.exec(location);
    if (line) {
      const n = Number(line[1]);
      const lines = text.split(/\r?\n/);
      return lines
        .slice(Math.max(0, n - 3), n + 3)
        .join('\n')
        .slice(0, MAX_EXCERPT);
    }
    const m = /^(?:Stmt|Rpt|Ntfctn)\[(\d+)\]\/Ntry\[(\d+)\]/.exec(location);
    if (!m) return null;
    const stmts = [...text.matchAll(/<(?:\w+:)?(?:Stmt|Rpt|Ntfctn)>/g)];
    const s = stmts[Number(m[1]) - 1];
    if (!s) return null;
    const body = text.slice(s.index!);
    const entries = [...body.matchAll(/<(?:\w+:)?Ntry>/g)];
    const e = entries[Number(m[2]) - 1];
    if (!e) return null;
    const from = e.index!;
    const closeAt = body.slice(from).search(/<\/(?:\w+:)?Ntry>/);
    return body.slice(from, closeAt < 0 ? from + MAX_EXCERPT : from + closeAt + 7).slice(0, MAX_EXCERPT);
  } catch {
    return null;
  }
}
