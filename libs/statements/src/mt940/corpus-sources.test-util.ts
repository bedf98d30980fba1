import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Test-only helpers for the public sample corpus (kept outside the repository): locating it and
 * reading the per-format tables of its SOURCES.md.
 */
export interface CorpusRow {
  /** "Saved file" */
  file: string;
  kind: 'VALID' | 'EDGE' | 'MALFORMED';
  /** "Contents": computed counts, e.g. "1 stmt(s) (:20:); 8 :61: lines (4 C/4 D); ..." */
  contents: string;
  notes: string;
  /** "Reconciles" */
  reconciles: string;
  /** every column by its header */
  cells: Record<string, string>;
}

/** The corpus folder: REMITD_CORPUS_DIR, else the shared folder next to the repository checkout. */
export function corpusDir(): string {
  return process.env.REMITD_CORPUS_DIR ?? path.resolve(__dirname, '../../../../../shared/corpus');
}

export function corpusAvailable(dir: string, folder: string): boolean {
  return existsSync(path.join(dir, 'SOURCES.md')) && existsSync(path.join(dir, folder));
}

function cellsOf(line: string): string[] {
  const parts = line.split('|').map((c) => c.trim());
  return parts.slice(1, parts.length - 1);
}

/** Rows of the table in the "## ... `folder/`" section of SOURCES.md. */
export function readCorpusSection(dir: string, folder: string): CorpusRow[] {
  const lines = readFileSync(path.join(dir, 'SOURCES.md'), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('## ') && l.includes(`\`${folder}/\``));
  if (start === -1) throw new Error(`SOURCES.md has no section for ${folder}/`);
  let header: string[] | null = null;
  const rows: CorpusRow[] = [];
  for (let i = start + 1; i < lines.length && !lines[i].startsWith('## '); i++) {
    const line = lines[i];
    if (!line.startsWith('|')) continue;
    if (/^\|\s*-/.test(line)) continue;
    const cells = cellsOf(line);
    if (!header) {
      header = cells;
      continue;
    }
    const byName: Record<string, string> = {};
    header.forEach((name, k) => (byName[name] = cells[k] ?? ''));
    const reconcilesKey = header.find((h) => h.startsWith('Reconciles')) ?? 'Reconciles';
    rows.push({
      file: byName['Saved file'].replace(/`/g, ''),
      kind: byName['Kind'] as CorpusRow['kind'],
      contents: byName['Contents'] ?? '',
      notes: byName['Notes'] ?? '',
      reconciles: byName[reconcilesKey] ?? '',
      cells: byName,
    });
  }
  return rows;
}

/** First integer captured by `re` in `text`, or null. */
export function countIn(text: string, re: RegExp): number | null {
  const m = re.exec(text);
  return m ? Number(m[1]) : null;
}
