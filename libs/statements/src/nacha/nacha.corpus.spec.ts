import { createReadStream, existsSync } from 'node:fs';
import * as path from 'node:path';
import Decimal from 'decimal.js';
import type { StatementEvent } from '../statement-events';
import { StatementParseError } from '../statement.model';
import { corpusAvailable, corpusDir, countIn, readCorpusSection, type CorpusRow } from '../mt940/corpus-sources.test-util';
import { readNacha } from './nacha.parser';

/**
 * Runs the NACHA reader over the public sample corpus (a `shared/corpus` folder next to the
 * repository, or REMITD_CORPUS_DIR) and checks it against the nacha table of SOURCES.md.
 */
const CORPUS_DIR = corpusDir();
const FOLDER = 'nacha';
const available = corpusAvailable(CORPUS_DIR, FOLDER);

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

interface Read {
  events: StatementEvent[];
  entries: Extract<StatementEvent, { type: 'entry' }>['entry'][];
  ends: Extract<StatementEvent, { type: 'statement-end' }>[];
  headers: Extract<StatementEvent, { type: 'statement' }>['header'][];
}

async function readFile(file: string, chunk = 64 * 1024): Promise<Read> {
  const events: StatementEvent[] = [];
  for await (const e of readNacha(createReadStream(file, { highWaterMark: chunk }), path.basename(file))) events.push(e);
  return {
    events,
    entries: events.flatMap((e) => (e.type === 'entry' ? [e.entry] : [])),
    ends: events.flatMap((e) => (e.type === 'statement-end' ? [e] : [])),
    headers: events.flatMap((e) => (e.type === 'statement' ? [e.header] : [])),
  };
}

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

const rows = available ? readCorpusSection(CORPUS_DIR, FOLDER) : [];

if (!available) {
  console.log(
    `NACHA corpus tests skipped: no SOURCES.md or ${FOLDER}/ in ${CORPUS_DIR} (put the public corpus in a shared/corpus folder next to the repository or set REMITD_CORPUS_DIR)`,
  );
  describe.skip('NACHA public corpus (SOURCES.md)', () => {
    it('needs the corpus folder', () => undefined);
  });
} else {
  describe('NACHA public corpus (SOURCES.md)', () => {
    it('finds the nacha table and its files', () => {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(existsSync(path.join(CORPUS_DIR, FOLDER, row.file))).toBe(true);
    });

    const readable = rows.filter((r) => r.kind === 'VALID' || r.kind === 'EDGE' || READ_DIFFERENTLY[r.file]);
    const malformed = rows.filter((r) => r.kind === 'MALFORMED' && !READ_DIFFERENTLY[r.file]);

    describe.each(readable.map((r) => [`${r.file} (${r.kind})`, r] as const))('%s', (_name, row) => {
      let result: Read;
      const want = expected(row);
      const special = READ_DIFFERENTLY[row.file];
      beforeAll(async () => {
        result = await readFile(path.join(CORPUS_DIR, FOLDER, row.file));
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
        for (const e of returned) expect(e).toMatchObject({ reversal: true, originalReference: expect.stringMatching(/^\d{15}$/) });
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
        const small = await readFile(path.join(CORPUS_DIR, FOLDER, row.file), 5);
        expect(small.events).toEqual(result.events);
      });
    });

    describe.each(malformed.map((r) => [r.file, r] as const))('%s (MALFORMED)', (_name, row) => {
      it('is rejected with a StatementParseError that names the file, the record and why', async () => {
        const error = await readFile(path.join(CORPUS_DIR, FOLDER, row.file)).then(
          () => null,
          (err: unknown) => err,
        );
        expect(error).toBeInstanceOf(StatementParseError);
        const e = error as StatementParseError;
        expect(e.fileName).toBe(row.file);
        expect(e.location).toMatch(/^line \d+$/);
        expect(e.reason).toMatch(/^(file without a file header \(1\) record|invalid change code)/);
      });
    });
  });
}
