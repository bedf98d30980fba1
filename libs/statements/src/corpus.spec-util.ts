import { createReadStream, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ByteChunks, StatementEvent } from './statement-events';
import { StatementParseError } from './statement.model';

/**
 * Test-only helpers for the public sample corpus (kept outside the repository): locating it,
 * reading the per-format tables of its SOURCES.md, reading its files and the describe block
 * every format's corpus spec shares (skipped, with a message, where the corpus is absent).
 */
export interface CorpusRow {
  /** the corpus folder of the file (e.g. "mt940") */
  folder: string;
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
  return process.env.REMITD_CORPUS_DIR ?? path.resolve(__dirname, '../../../../shared/corpus');
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
      folder,
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

/** A corpus file read to the end: every event, and the statements, entries and ends among them. */
export interface CorpusRead {
  events: StatementEvent[];
  headers: Extract<StatementEvent, { type: 'statement' }>['header'][];
  entries: Extract<StatementEvent, { type: 'entry' }>['entry'][];
  ends: Extract<StatementEvent, { type: 'statement-end' }>[];
}

export async function readCorpusFile(
  read: (input: ByteChunks, fileName?: string) => AsyncIterable<StatementEvent>,
  file: string,
  chunk = 64 * 1024,
): Promise<CorpusRead> {
  const events: StatementEvent[] = [];
  for await (const e of read(createReadStream(file, { highWaterMark: chunk }), path.basename(file))) events.push(e);
  return {
    events,
    headers: events.flatMap((e) => (e.type === 'statement' ? [e.header] : [])),
    entries: events.flatMap((e) => (e.type === 'entry' ? [e.entry] : [])),
    ends: events.flatMap((e) => (e.type === 'statement-end' ? [e] : [])),
  };
}

/**
 * The rows a reader must read (VALID, EDGE and the MALFORMED ones it reads on purpose, listed
 * in `readDifferently` with the reason) and those it must reject.
 */
export function splitRows(rows: readonly CorpusRow[], readDifferently: Record<string, unknown> = {}) {
  return {
    readable: rows.filter((r) => r.kind === 'VALID' || r.kind === 'EDGE' || readDifferently[r.file]),
    malformed: rows.filter((r) => r.kind === 'MALFORMED' && !readDifferently[r.file]),
  };
}

/** The StatementParseError a read fails with (the test fails if it succeeds or fails otherwise). */
export async function parseErrorOf(read: Promise<unknown>): Promise<StatementParseError> {
  const error = await read.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(StatementParseError);
  return error as StatementParseError;
}

/**
 * `describe(title)` over the SOURCES.md rows of `folders`, starting with a check that every
 * table and file is there; a skipped block and a message saying why where the corpus is absent.
 */
export function describeCorpus(
  title: string,
  folders: readonly string[],
  body: (rows: CorpusRow[], dir: string) => void,
): void {
  const dir = corpusDir();
  if (!folders.every((f) => corpusAvailable(dir, f))) {
    console.log(
      `${title} skipped: no SOURCES.md or ${folders.map((f) => `${f}/`).join(', ')} in ${dir} (put the public corpus in a shared/corpus folder next to the repository or set REMITD_CORPUS_DIR)`,
    );
    describe.skip(title, () => {
      it('needs the corpus folder', () => undefined);
    });
    return;
  }
  const rows = folders.flatMap((f) => readCorpusSection(dir, f));
  describe(title, () => {
    it(`finds the ${folders.join(', ')} table(s) and their files`, () => {
      for (const f of folders) expect(rows.filter((r) => r.folder === f).length).toBeGreaterThan(0);
      for (const row of rows) expect(existsSync(path.join(dir, row.folder, row.file))).toBe(true);
    });
    body(rows, dir);
  });
}
