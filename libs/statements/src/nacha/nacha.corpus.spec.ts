import * as path from 'node:path';
import Decimal from 'decimal.js';
import {
  countIn,
  describeCorpus,
  parseErrorOf,
  readCorpusFile,
  splitRows,
  type CorpusRead,
  type CorpusRow,
} from '../corpus.spec-util';
import { readNacha } from './nacha.parser';

/**
 * Runs the NACHA reader over the public sample corpus (a `shared/corpus` folder next to the
 * repository, or REMITD_CORPUS_DIR) and checks it against the nacha table of SOURCES.md.
 */
const FOLDER = 'nacha';

/** Files read differently from what SOURCES.md says, and why. */
const READ_DIFFERENTLY: Record<string, { entries: number; warning: RegExp; why: string }> = {
  'moov-io_ach__short-line.ach': {
    entries: 1,
    warning: /1 record\(s\) shorter than 94 characters were padded with spaces \(first at line 5\)/,
    why:
      'MALFORMED in SOURCES.md because its file control record is 74 characters long (moov-io requires 94). ' +
      'Short records are padded with spaces here, as for the EDGE files with short headers and controls; the ' +
      'padded control totals match, so the file is read with a warning.',
  },
};

const readFile = (file: string, chunk?: number) => readCorpusFile(readNacha, file, chunk);

function expected(row: CorpusRow) {
  const list = (re: RegExp) => (re.exec(row.contents)?.[1] ?? '').split(',').filter((c) => c.length > 0);
  return {
    entries: countIn(row.contents, /(\d+) entries/) ?? 0,
    credits: countIn(row.contents, /\((\d+) credit\//) ?? 0,
    debits: countIn(row.contents, /\/(\d+) debit/) ?? 0,
    sum: (/sum \$([\d,]+\.\d\d)/.exec(row.contents)?.[1] ?? '0').replace(/,/g, ''),
    returnCodes: list(/return codes ([R\d,]+)/),
    changeCodes: list(/NOC codes ([C\d,]+)/),
  };
}

describeCorpus('NACHA public corpus (SOURCES.md)', [FOLDER], (rows, dir) => {
  const { readable, malformed } = splitRows(rows, READ_DIFFERENTLY);

  describe.each(readable.map((r) => [`${r.file} (${r.kind})`, r] as const))('%s', (_name, row) => {
    let result: CorpusRead;
    const want = expected(row);
    const special = READ_DIFFERENTLY[row.file];
    beforeAll(async () => {
      result = await readFile(path.join(dir, FOLDER, row.file));
    });

    it('parses without error into one statement with the entries SOURCES.md counts', () => {
      expect(result.headers).toHaveLength(1);
      expect(result.headers[0]).toMatchObject({ format: 'nacha', accountCurrency: 'USD', openingBalance: null });
      expect(result.ends).toHaveLength(1);
      expect(result.ends[0]).toMatchObject({ balanced: null, closingBalance: null });
      expect(result.entries).toHaveLength(special?.entries ?? want.entries);
      expect(result.ends[0].entryCount).toBe(result.entries.length);
      if (special) expect(result.ends[0].warnings.join('\n')).toMatch(special.warning);
    });

    it('agrees on credits, debits and the amount total', () => {
      expect(result.entries.filter((e) => e.direction === 'CRDT')).toHaveLength(want.credits);
      expect(result.entries.filter((e) => e.direction === 'DBIT')).toHaveLength(want.debits);
      const total = result.entries.reduce((sum, e) => sum.plus(e.amount.amount), new Decimal(0));
      expect(total.toFixed(2)).toBe(new Decimal(want.sum).toFixed(2));
    });

    it('keeps every return and change code SOURCES.md lists', () => {
      const text = result.entries.map((e) => `${e.returnReasonCode ?? ''} ${e.additionalInfo ?? ''}`).join('\n');
      for (const code of want.returnCodes) expect(text).toContain(code);
      const returned = result.entries.filter((e) => e.returnReasonCode !== null);
      if (want.returnCodes.length === 0) expect(returned).toHaveLength(0);
      for (const e of returned)
        expect(e).toMatchObject({ reversal: true, originalReference: expect.stringMatching(/^\d{15}$/) });
      expect(result.entries.flatMap((e) => (e.changeCode ? [e.changeCode] : []))).toEqual(want.changeCodes);
    });

    it('gives every entry a cents amount, an ACH code, a trace number and a record number', () => {
      for (const e of result.entries) {
        expect(e.amount).toEqual({ amount: expect.stringMatching(/^\d+\.\d\d$/), currency: 'USD' });
        expect(e.rail).toBe('ACH');
        expect(e.bankTransactionCode).toMatch(/^ACH:[A-Z]{3}:\d\d$/);
        expect(e.bankReference).toMatch(/^\d{15}$/);
        expect(e.location).toMatch(/^line \d+$/);
      }
    });

    it('reads the same in 5-byte chunks', async () => {
      const small = await readFile(path.join(dir, FOLDER, row.file), 5);
      expect(small.events).toEqual(result.events);
    });
  });

  describe.each(malformed.map((r) => [r.file, r] as const))('%s (MALFORMED)', (_name, row) => {
    it('is rejected with a StatementParseError that names the file, the record and why', async () => {
      const e = await parseErrorOf(readFile(path.join(dir, FOLDER, row.file)));
      expect(e.fileName).toBe(row.file);
      expect(e.location).toMatch(/^line \d+$/);
      expect(e.reason).toMatch(/^(file without a file header \(1\) record|invalid change code)/);
    });
  });
});
