import { createReadStream, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseCamt053 } from 'camt-parser';
import Decimal from 'decimal.js';
import type { StatementEvent } from '../statement-events';
import { StatementParseError, type ParsedEntry } from '../statement.model';
import { readCamt } from './index';

/**
 * Runs the camt reader over the public sample corpus (a `shared/corpus` folder next to the
 * repository, or REMITD_CORPUS_DIR) and checks it against the corpus' SOURCES.md tables.
 */
const CORPUS_DIR = process.env.REMITD_CORPUS_DIR ?? path.resolve(__dirname, '../../../../../shared/corpus');
const SOURCES = path.join(CORPUS_DIR, 'SOURCES.md');
const available = existsSync(SOURCES);

interface CorpusRow {
  folder: string;
  file: string;
  kind: 'VALID' | 'EDGE' | 'MALFORMED';
  contents: string;
  reconciles: string;
  statements: number;
  ntry: number;
}

/** the rows of the camt052/camt053/camt054 tables in SOURCES.md */
function corpusRows(markdown: string): CorpusRow[] {
  const rows: CorpusRow[] = [];
  let folder: string | null = null;
  let columns: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) {
      folder = /`(camt05[234])\/`/.exec(line)?.[1] ?? null;
      columns = null;
      continue;
    }
    if (!folder || !line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (!columns) {
      columns = cells;
      continue;
    }
    if (cells.every((c) => /^-+$/.test(c))) continue;
    const cell = (name: string) => cells[columns!.indexOf(name)] ?? '';
    const contents = cell('Contents');
    rows.push({
      folder,
      file: cell('Saved file').replace(/`/g, ''),
      kind: cell('Kind') as CorpusRow['kind'],
      contents,
      reconciles: cell('Reconciles'),
      statements: Number(/(\d+) (?:stmt|report\/notif)\(s\)/.exec(contents)?.[1] ?? 0),
      ntry: Number(/(\d+) entries \(/.exec(contents)?.[1] ?? 0),
    });
  }
  return rows;
}

/**
 * Files this reader reads differently from what the Contents column suggests, and why.
 * (Counts in SOURCES.md are at Ntry level; entries here are after expanding TxDtls.)
 */
const READ_DIFFERENTLY: Record<string, { entries: number; why: string }> = {
  'Subite-eu_camt-to-coda__LT-CAMT_054-2024-03-07.xml': {
    entries: 31,
    why: 'one Sts=INFO Ntry with 31 TxDtls, each with its own Amt and CdtDbtInd (mixed credit/debit): 31 INFO entries',
  },
  'genkgo_camt__camt054.v2.xml': {
    entries: 1,
    why: '3 TxDtls without amounts: one entry with the Ntry amount and a warning',
  },
  'genkgo_camt__camt054.v4.xml': {
    entries: 3,
    why: '3 CHF TxDtls (CRDT) under a SEK DBIT Ntry: expanded as written, with a "do not add up" warning',
  },
  'genkgo_camt__camt054.v8.xml': {
    entries: 3,
    why: 'same content as v4',
  },
};

async function readFile(file: string) {
  const events: StatementEvent[] = [];
  for await (const event of readCamt(createReadStream(file, { highWaterMark: 64 * 1024 }), path.basename(file))) {
    events.push(event);
  }
  const entries = events.flatMap((e) => (e.type === 'entry' ? [e.entry] : []));
  const ends = events.flatMap((e) => (e.type === 'statement-end' ? [e] : []));
  const headers = events.flatMap((e) => (e.type === 'statement' ? [e.header] : []));
  return { events, entries, ends, headers };
}

const ntryOf = (e: ParsedEntry): string => e.location.replace(/\/TxDtls\[\d+\]$/, '');

const rows = available ? corpusRows(readFileSync(SOURCES, 'utf8')) : [];

if (!available) {
  console.log(
    `camt corpus tests skipped: no SOURCES.md in ${CORPUS_DIR} (put the public corpus in a shared/corpus folder next to the repository or set REMITD_CORPUS_DIR)`,
  );
  describe.skip('camt public corpus (SOURCES.md)', () => {
    it('needs the corpus folder', () => undefined);
  });
} else {
  describe('camt public corpus (SOURCES.md)', () => {
    it('finds the camt052, camt053 and camt054 tables', () => {
      for (const folder of ['camt052', 'camt053', 'camt054']) {
        expect(rows.filter((r) => r.folder === folder).length).toBeGreaterThan(0);
      }
      for (const row of rows) expect(existsSync(path.join(CORPUS_DIR, row.folder, row.file))).toBe(true);
    });

    const readable = rows.filter((r) => r.kind === 'VALID' || r.kind === 'EDGE');
    const malformed = rows.filter((r) => r.kind === 'MALFORMED');

    describe.each(readable.map((r) => [`${r.folder}/${r.file} (${r.kind})`, r] as const))('%s', (_name, row) => {
      let result: Awaited<ReturnType<typeof readFile>>;
      beforeAll(async () => {
        result = await readFile(path.join(CORPUS_DIR, row.folder, row.file));
      });

      it('parses without error, with the statement count from SOURCES.md', () => {
        expect(result.headers).toHaveLength(row.statements);
        expect(result.ends).toHaveLength(row.statements);
        const format = `camt.${row.folder.slice(4)}`;
        for (const header of result.headers) expect(header.format).toBe(format);
      });

      it('yields entries from as many Ntry as SOURCES.md counts', () => {
        expect(new Set(result.entries.map(ntryOf)).size).toBe(row.ntry);
        const special = READ_DIFFERENTLY[row.file];
        if (special) expect(result.entries).toHaveLength(special.entries);
        else expect(result.entries.length).toBeGreaterThanOrEqual(row.ntry);
      });

      it('agrees with the Reconciles column', () => {
        const balanced = result.ends.map((e) => e.balanced);
        if (row.reconciles.startsWith('yes')) expect(balanced.every((b) => b === true)).toBe(true);
        if (row.reconciles.startsWith('no')) expect(balanced).toContain(false);
        if (row.reconciles.startsWith('n/a') && row.folder !== 'camt052') expect(balanced.every((b) => b === null)).toBe(true);
      });

      it('gives every entry a valid amount, currency, direction and location', () => {
        for (const e of result.entries) {
          expect(e.amount.amount).toMatch(/^\d+(\.\d+)?$/);
          expect(e.amount.currency).toMatch(/^[A-Z]{3}$/);
          expect(['CRDT', 'DBIT']).toContain(e.direction);
          expect(e.location).toMatch(/^(Stmt|Rpt|Ntfctn)\[\d+\]\/Ntry\[\d+\](\/TxDtls\[\d+\])?$/);
        }
      });

      if (row.folder === 'camt053') {
        it('matches camt-parser on Ntry count and Ntry amounts', async () => {
          const theirs = await parseCamt053(readFileSync(path.join(CORPUS_DIR, row.folder, row.file), 'utf8'));
          const theirNtry = theirs.statements.flatMap((s) => s.transactions);
          const groups = new Map<string, ParsedEntry[]>();
          for (const e of result.entries) groups.set(ntryOf(e), [...(groups.get(ntryOf(e)) ?? []), e]);
          const ours = [...groups.values()];
          expect(ours).toHaveLength(theirNtry.length);
          ours.forEach((group, i) => {
            const first = group[0];
            const sum = group.reduce(
              (acc, e) => (e.direction === first.direction ? acc.plus(e.amount.amount) : acc.minus(e.amount.amount)),
              new Decimal(0),
            );
            expect(sum.eq(theirNtry[i].amount.value)).toBe(true);
            expect(first.direction).toBe(theirNtry[i].creditDebitIndicator);
          });
        });
      }
    });

    describe.each(malformed.map((r) => [`${r.folder}/${r.file}`, r] as const))('%s (MALFORMED)', (_name, row) => {
      it('is rejected with a StatementParseError that says why', async () => {
        const file = path.join(CORPUS_DIR, row.folder, row.file);
        const error = await readFile(file).then(
          () => null,
          (err: unknown) => err,
        );
        expect(error).toBeInstanceOf(StatementParseError);
        const e = error as StatementParseError;
        expect(e.fileName).toBe(row.file);
        expect(e.location).toMatch(/^line \d+/);
        expect(e.reason).toMatch(
          /^(Document has no BkToCstmrStmt\/BkToCstmrAcctRpt\/BkToCstmrDbtCdtNtfctn|BkToCstmrStmt has no Stmt|malformed XML|not XML)/,
        );
      });
    });

    it('reads the details of the Sts=INFO notification with 31 mixed TxDtls as 31 INFO entries', async () => {
      const row = rows.find((r) => r.file === 'Subite-eu_camt-to-coda__LT-CAMT_054-2024-03-07.xml');
      if (!row) return;
      const { entries, ends } = await readFile(path.join(CORPUS_DIR, row.folder, row.file));
      expect(entries.every((e) => e.status === 'INFO')).toBe(true);
      expect(new Set(entries.map((e) => e.direction))).toEqual(new Set(['CRDT', 'DBIT']));
      expect(ends[0].warnings).toEqual([]); // the details add up to the Ntry amount
    });
  });
}
