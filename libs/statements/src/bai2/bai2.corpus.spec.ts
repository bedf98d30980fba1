import * as path from 'node:path';
import Decimal from 'decimal.js';
import { countIn, describeCorpus, parseErrorOf, readCorpusFile, splitRows, type CorpusRead } from '../corpus.spec-util';
import type { ByteChunks } from '../statement-events';
import { readBai2, type Bai2Options } from './bai2.parser';

/**
 * Runs the BAI2 reader over the public sample corpus (a `shared/corpus` folder next to the
 * repository, or REMITD_CORPUS_DIR) and checks it against the bai2 table of SOURCES.md.
 */
const FOLDER = 'bai2';

/**
 * EDGE files whose account control totals and record counts do not add up (the samples were
 * anonymized by cutting records out and editing amounts, the trailers were left as they were):
 * the reader refuses them by default, naming the 49 record, and reads them with
 * `controlTotals: 'warn'`, the mismatches listed as warnings.
 */
const TOTALS_DO_NOT_ADD_UP: Record<string, { firstBadTrailer: string; warnings: number }> = {
  'moov-io_bai2__sample4-continuations-newline-delimited.txt': { firstBadTrailer: 'line 22', warnings: 7 },
  'moov-io_bai2__sample5-issue113.txt': { firstBadTrailer: 'line 22', warnings: 7 },
};

const reader = (options: Bai2Options) => (input: ByteChunks, fileName?: string) => readBai2(input, fileName, options);

describeCorpus('BAI2 public corpus (SOURCES.md)', [FOLDER], (rows, dir) => {
  const { readable, malformed } = splitRows(rows);

  describe.each(readable.map((r) => [`${r.file} (${r.kind})`, r] as const))('%s', (_name, row) => {
    const file = path.join(dir, FOLDER, row.file);
    const special = TOTALS_DO_NOT_ADD_UP[row.file];
    const options: Bai2Options = special ? { controlTotals: 'warn' } : {};
    let result: CorpusRead;
    beforeAll(async () => {
      result = await readCorpusFile(reader(options), file);
    });

    it('parses into one statement per account with the transaction details SOURCES.md counts', () => {
      expect(result.headers).toHaveLength(countIn(row.contents, /(\d+) account\(s\)/)!);
      expect(result.ends).toHaveLength(result.headers.length);
      expect(result.entries).toHaveLength(countIn(row.contents, /(\d+) transaction details/)!);
      for (const h of result.headers) expect(h.format).toBe('bai2');
      const ccy = /ccy ([A-Z]{3})/.exec(row.contents)?.[1];
      if (ccy) for (const h of result.headers) expect(h.accountCurrency).toBe(ccy);
    });

    it('gives every entry an amount with the currency decimals, a BAI2 code, a side and a line', () => {
      for (const e of result.entries) {
        expect(e.amount.amount).toMatch(e.amount.currency === 'JPY' ? /^\d+$/ : /^\d+\.\d\d$/);
        expect(e.bankTransactionCode).toMatch(/^BAI2:\d{3}$/);
        expect(['CRDT', 'DBIT']).toContain(e.direction);
        expect(e.location).toMatch(/^line \d+$/);
      }
    });

    it('checks the control totals: all add up, or (anonymized samples) the mismatch names the 49 record', async () => {
      const warnings = result.ends.flatMap((e) => e.warnings).filter((w) => /control total|records, read/.test(w));
      if (!special) {
        expect(warnings).toEqual([]);
        return;
      }
      expect(warnings).toHaveLength(special.warnings);
      const strict = await parseErrorOf(readCorpusFile(reader({}), file));
      expect(strict.location).toBe(special.firstBadTrailer);
      expect(strict.reason).toMatch(/^account trailer \(49\) of account \d+ \(line \d+\): control total/);
    });

    it('reads the same in 5-byte chunks', async () => {
      const small = await readCorpusFile(reader(options), file, 5);
      expect(small.events).toEqual(result.events);
    });
  });

  it('sample1 (CAD): 17 details of 409 and 108, the details total CAD 6,400.00', async () => {
    const r = await readCorpusFile(reader({}), path.join(dir, FOLDER, 'moov-io_bai2__sample1.txt'));
    const total = r.entries.reduce((s, e) => s.plus(e.amount.amount), new Decimal(0));
    expect(total.toFixed(2)).toBe('6400.00');
    expect(new Set(r.entries.map((e) => e.bankTransactionCode))).toEqual(new Set(['BAI2:409', 'BAI2:108']));
    expect(r.entries.every((e) => e.amount.currency === 'CAD')).toBe(true);
  });

  it('sample2: funds types S, V and D and continuation-only 88 records are read', async () => {
    const r = await readCorpusFile(reader({}), path.join(dir, FOLDER, 'moov-io_bai2__sample2.txt'));
    const lockbox = r.entries.find((e) => e.bankTransactionCode === 'BAI2:115')!;
    expect(lockbox).toMatchObject({ rail: 'CHEQUE' });
    expect(lockbox.additionalInfo).toContain('distributed availability (S)');
    const letterOfCredit = r.entries.find((e) => e.bankReference === 'SP4738')!;
    expect(letterOfCredit).toMatchObject({ valueDate: '2004-06-22', endToEndId: 'YRC065321' });
    expect(letterOfCredit.remittanceUnstructured).toBe('PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO');
  });

  it('sample3: several records on one line and a detail wrapped over two lines; every account balances', async () => {
    const r = await readCorpusFile(reader({}), path.join(dir, FOLDER, 'moov-io_bai2__sample3.txt'));
    expect(r.ends.every((e) => e.balanced === true)).toBe(true);
    expect(r.entries.find((e) => e.bankTransactionCode === 'BAI2:195')).toMatchObject({ rail: 'SWIFT' });
  });

  it('sample5: "/" inside text kept, "88:" read as a continuation with a warning', async () => {
    const r = await readCorpusFile(
      reader({ controlTotals: 'warn' }),
      path.join(dir, FOLDER, 'moov-io_bai2__sample5-issue113.txt'),
    );
    expect(r.entries.map((e) => e.endToEndId)).toContain('AB/GS/RPFILERP0001/RPBA0001');
    expect(r.entries.find((e) => e.bankReference === 'GI2323300009168')?.remittanceUnstructured).toBe(
      '08/18/23 Invoice - Sample',
    );
    expect(r.ends.flatMap((e) => e.warnings)).toContain('line 63: continuation record written "88:" read as "88,"');
    expect(r.entries.find((e) => e.bankReference === 'SC2134800001999')?.endToEndId).toBe('07370568132');
  });

  describe.each(malformed.map((r) => [r.file, r] as const))('%s (MALFORMED)', (_name, row) => {
    it('is rejected with a StatementParseError that names the file, the record and why', async () => {
      const e = await parseErrorOf(readCorpusFile(reader({}), path.join(dir, FOLDER, row.file)));
      expect(e.fileName).toBe(row.file);
      expect(e.location).toBe('line 1');
      expect(e.reason).toMatch(/^file without a file header \(01\) record: the first line starts with "00,/);
    });
  });
});
