import * as path from 'node:path';
import {
  countIn,
  describeCorpus,
  parseErrorOf,
  readCorpusFile,
  splitRows,
  type CorpusRead,
  type CorpusRow,
} from '../corpus.spec-util';
import { readMt940 } from './mt940.parser';

/**
 * Runs the MT940/MT942 reader over the public sample corpus (a `shared/corpus` folder next to
 * the repository, or REMITD_CORPUS_DIR) and checks it against the mt940 table of SOURCES.md.
 */
const FOLDER = 'mt940';

/** Files read differently from what SOURCES.md says, and why. */
const READ_DIFFERENTLY: Record<string, { statements: number; entries: number; warning: RegExp; why: string }> = {
  'OCA_bank-statement-import__test-wrong-file.940': {
    statements: 1,
    entries: 1,
    warning: /ignored unknown tag line ":9401:"/,
    why:
      'MALFORMED in SOURCES.md, but its only defect is the stray ":9401:" first line (Odoo rejects the file because ' +
      'its ING parser checks the header). Header lines before the first :20: are tolerated, so the Rabobank ' +
      'statement behind it is read, with a warning about that line.',
  },
};

/** Statements whose balance check differs from the Reconciles column, and why. */
const BALANCED_DIFFERENTLY: Record<string, { balanced: Array<boolean | null>; why: string }> = {
  'fruitl00p_php-mt940__Rabo-sample2.sta': {
    balanced: [false, null],
    why:
      'SOURCES.md counts 2/2 statements as mismatched, but the second :20: block is empty (no :25:, balances or ' +
      'lines): there is nothing to compare, so balanced is null (with a "has no :25: account" warning).',
  },
};

const readFile = (file: string, chunk?: number) => readCorpusFile(readMt940, file, chunk);

function expected(row: CorpusRow) {
  return {
    statements: countIn(row.contents, /(\d+) stmt\(s\)/) ?? 0,
    lines: countIn(row.contents, /(\d+) :61: lines/) ?? 0,
    credits: countIn(row.contents, /\((\d+) C\//) ?? 0,
    debits: countIn(row.contents, /\/(\d+) D\)/) ?? 0,
    reversals: countIn(row.contents, /(\d+) reversal\(s\)/) ?? 0,
    mt942: /MT942/.test(row.contents),
  };
}

describeCorpus('MT940 public corpus (SOURCES.md)', [FOLDER], (rows, dir) => {
  const { readable, malformed } = splitRows(rows, READ_DIFFERENTLY);

  describe.each(readable.map((r) => [`${r.file} (${r.kind})`, r] as const))('%s', (_name, row) => {
    let result: CorpusRead;
    const want = expected(row);
    const special = READ_DIFFERENTLY[row.file];
    beforeAll(async () => {
      result = await readFile(path.join(dir, FOLDER, row.file));
    });

    it('parses without error into the statements and :61: lines SOURCES.md counts', () => {
      expect(result.headers).toHaveLength(special?.statements ?? want.statements);
      expect(result.ends).toHaveLength(result.headers.length);
      expect(result.entries).toHaveLength(special?.entries ?? want.lines);
      result.ends.forEach((end) => expect(typeof end.entryCount).toBe('number'));
      expect(result.ends.reduce((n, e) => n + e.entryCount, 0)).toBe(result.entries.length);
      if (special) expect(result.ends.flatMap((e) => e.warnings).join('\n')).toMatch(special.warning);
    });

    it('agrees on credits, debits and RC/RD reversals', () => {
      if (special) return;
      const reversals = result.entries.filter((e) => e.reversal);
      expect(reversals).toHaveLength(want.reversals);
      // SOURCES.md counts by the C/D letter of the mark: RC (a reversed credit) is counted as C
      const byMark = (e: (typeof result.entries)[number]) =>
        e.reversal ? (e.direction === 'DBIT' ? 'C' : 'D') : e.direction === 'CRDT' ? 'C' : 'D';
      expect(result.entries.filter((e) => byMark(e) === 'C')).toHaveLength(want.credits);
      expect(result.entries.filter((e) => byMark(e) === 'D')).toHaveLength(want.debits);
    });

    it('agrees with the Reconciles column', () => {
      const balanced = result.ends.map((e) => e.balanced);
      const differently = BALANCED_DIFFERENTLY[row.file];
      if (differently) return expect(balanced).toEqual(differently.balanced);
      const mismatched = countIn(row.reconciles, /(\d+)\/\d+ stmts: MISMATCH/);
      const incomplete = countIn(row.reconciles, /(\d+)\/\d+ stmts: incomplete/);
      if (row.reconciles.startsWith('yes')) expect(balanced.every((b) => b === true)).toBe(true);
      if (mismatched !== null) expect(balanced.filter((b) => b === false)).toHaveLength(mismatched);
      if (incomplete !== null) expect(balanced.filter((b) => b === null)).toHaveLength(incomplete);
    });

    it('reads MT942 reports as mt942 without balances', () => {
      const formats = new Set(result.headers.map((h) => h.format));
      expect(formats).toEqual(new Set([want.mt942 ? 'mt942' : 'mt940']));
      if (want.mt942) expect(result.ends.every((e) => e.balanced === null && e.closingBalance === null)).toBe(true);
    });

    it('gives every entry a decimal amount, a currency, a date and a line', () => {
      for (const e of result.entries) {
        expect(e.amount.amount).toMatch(/^\d+(\.\d+)?$/);
        expect(e.amount.currency).toMatch(/^[A-Z]{3}$/);
        expect(e.location).toMatch(/^line \d+$/);
        expect(e.status).toBe('BOOK');
        expect(e.bookingDate ?? e.valueDate).toMatch(/^\d{4}-\d\d-\d\d$/);
      }
      for (const h of result.headers) expect(h.account).not.toMatch(/^\s|\s$/);
    });

    it('reads the same in 5-byte chunks', async () => {
      const small = await readFile(path.join(dir, FOLDER, row.file), 5);
      expect(small.events).toEqual(result.events);
    });
  });

  describe.each(malformed.map((r) => [r.file, r] as const))('%s (MALFORMED)', (_name, row) => {
    it('is rejected with a StatementParseError that names the file, the line and why', async () => {
      const e = await parseErrorOf(readFile(path.join(dir, FOLDER, row.file)));
      expect(e.fileName).toBe(row.file);
      expect(e.location).toMatch(/^line \d+$/);
      expect(e.reason).toMatch(/^(no :20: field found|second :25: in the statement|:61: )/);
    });
  });
});
