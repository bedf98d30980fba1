import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseCamt053 } from 'camt-parser';
import Decimal from 'decimal.js';
import type { ParsedEntry } from '../statement.model';
import { countIn, describeCorpus, parseErrorOf, readCorpusFile, splitRows, type CorpusRow } from '../corpus.spec-util';
import { readCamt } from './index';

/**
 * Runs the camt reader over the public sample corpus (a `shared/corpus` folder next to the
 * repository, or REMITD_CORPUS_DIR) and checks it against the corpus' SOURCES.md tables.
 */
const FOLDERS = ['camt052', 'camt053', 'camt054'];

/** statements and Ntry elements SOURCES.md counts in the Contents column */
const counts = (row: CorpusRow) => ({
  statements: countIn(row.contents, /(\d+) (?:stmt|report\/notif)\(s\)/) ?? 0,
  ntry: countIn(row.contents, /(\d+) entries \(/) ?? 0,
});

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

const readFile = (file: string) => readCorpusFile(readCamt, file);

const ntryOf = (e: ParsedEntry): string => e.location.replace(/\/TxDtls\[\d+\]$/, '');

describeCorpus('camt public corpus (SOURCES.md)', FOLDERS, (rows, dir) => {
  const { readable, malformed } = splitRows(rows);

  describe.each(readable.map((r) => [`${r.folder}/${r.file} (${r.kind})`, r] as const))('%s', (_name, row) => {
    let result: Awaited<ReturnType<typeof readFile>>;
    beforeAll(async () => {
      result = await readFile(path.join(dir, row.folder, row.file));
    });

    it('parses without error, with the statement count from SOURCES.md', () => {
      expect(result.headers).toHaveLength(counts(row).statements);
      expect(result.ends).toHaveLength(counts(row).statements);
      const format = `camt.${row.folder.slice(4)}`;
      for (const header of result.headers) expect(header.format).toBe(format);
    });

    it('yields entries from as many Ntry as SOURCES.md counts', () => {
      expect(new Set(result.entries.map(ntryOf)).size).toBe(counts(row).ntry);
      const special = READ_DIFFERENTLY[row.file];
      if (special) expect(result.entries).toHaveLength(special.entries);
      else expect(result.entries.length).toBeGreaterThanOrEqual(counts(row).ntry);
    });

    it('agrees with the Reconciles column', () => {
      const balanced = result.ends.map((e) => e.balanced);
      if (row.reconciles.startsWith('yes')) expect(balanced.every((b) => b === true)).toBe(true);
      if (row.reconciles.startsWith('no')) expect(balanced).toContain(false);
      if (row.reconciles.startsWith('n/a') && row.folder !== 'camt052')
        expect(balanced.every((b) => b === null)).toBe(true);
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
        const theirs = await parseCamt053(readFileSync(path.join(dir, row.folder, row.file), 'utf8'));
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
      const file = path.join(dir, row.folder, row.file);
      const e = await parseErrorOf(readFile(file));
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
    const { entries, ends } = await readFile(path.join(dir, row.folder, row.file));
    expect(entries.every((e) => e.status === 'INFO')).toBe(true);
    expect(new Set(entries.map((e) => e.direction))).toEqual(new Set(['CRDT', 'DBIT']));
    expect(ends[0].warnings).toEqual([]); // the details add up to the Ntry amount
  });
});
