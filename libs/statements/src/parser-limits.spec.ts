import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PARSER_LIMITS, fileTooLarge, type ParserLimits } from './parser-limits';
import { collectStatements, readStatements } from './read-statements';
import { StatementParseError, type StatementFormat } from './statement.model';

const fixture = (p: string) => readFileSync(path.resolve(__dirname, '../../../test/fixtures', p), 'utf8');

/** Chunks as ingestion reads them; `pieces` lets a test stream more than it would want to hold. */
async function* chunks(pieces: Iterable<string>): AsyncGenerator<Buffer> {
  for (const piece of pieces) yield Buffer.from(piece, 'utf8');
}

function* repeat(piece: string, times: number, head = '', tail = ''): Generator<string> {
  yield head;
  for (let i = 0; i < times; i++) yield piece;
  yield tail;
}

async function failure(
  pieces: Iterable<string>,
  format: StatementFormat,
  limits: ParserLimits = DEFAULT_PARSER_LIMITS,
): Promise<StatementParseError> {
  try {
    await collectStatements(readStatements(chunks(pieces), format, 'big.file', limits));
  } catch (e) {
    if (e instanceof StatementParseError) return e;
    throw e;
  }
  throw new Error('the file was read without an error');
}

describe('files item 6: parser resource limits quarantine a file with a clear reason', () => {
  it('refuses XML nested deeper than the limit', async () => {
    const e = await failure(repeat('<Ntry>', 100_000, '<Document><BkToCstmrStmt>'), 'camt.053');
    expect(e.reason).toBe('resource limit: elements nested more than 64 deep');
    expect(e.location).toBe('line 1');
  });

  it('refuses an XML text node longer than the limit while it is still arriving (never holding it whole)', async () => {
    const head = '<Document><BkToCstmrStmt><GrpHdr><MsgId>';
    let produced = 0;
    const endless = (function* () {
      yield head;
      for (;;) {
        produced += 64 * 1024;
        if (produced > 64 * 1024 * 1024) throw new Error('the reader kept reading a 64 MB text node');
        yield 'x'.repeat(64 * 1024);
      }
    })();
    const e = await failure(endless, 'camt.053', { ...DEFAULT_PARSER_LIMITS, maxTextLength: 256 * 1024 });
    expect(e.reason).toBe('resource limit: a text, name or attribute value longer than the 262144 characters accepted');
    expect(produced).toBeLessThanOrEqual(512 * 1024);
  });

  it('refuses a comment or CDATA section longer than the text limit', async () => {
    const limits = { ...DEFAULT_PARSER_LIMITS, maxTextLength: 4096 };
    const cdata = await failure(repeat('a<b>', 10_000, '<Document><![CDATA['), 'camt.053', limits);
    expect(cdata.reason).toMatch(/^resource limit: a text, name or attribute value longer than the 4096/);
    const comment = await failure(repeat('<<>>', 10_000, '<Document><!--'), 'camt.053', limits);
    expect(comment.reason).toMatch(/^resource limit: a text/);
  });

  it('still reads every fixture within the default limits', async () => {
    const stmts = await collectStatements(
      readStatements(chunks([fixture('camt/camt053.001.08-swiss-chf.xml')]), 'camt.053', 'ok.xml'),
    );
    expect(stmts.length).toBeGreaterThan(0);
  });

  it('refuses an MT940 line longer than the limit, naming the line, without waiting for its end', async () => {
    let produced = 0;
    const endless = (function* () {
      yield ':20:STMT1\n:25:NL61RABO0300123456\n:86:';
      for (;;) {
        produced += 64 * 1024;
        if (produced > 64 * 1024 * 1024) throw new Error('the reader kept reading a 64 MB line');
        yield 'y'.repeat(64 * 1024);
      }
    })();
    const e = await failure(endless, 'mt940');
    expect(e.reason).toBe('resource limit: a line longer than the 65536 characters accepted');
    expect(e.location).toBe('line 3');
    expect(e.fileName).toBe('big.file');
  });

  it('reads MT940 lines up to the limit', async () => {
    const limits = { ...DEFAULT_PARSER_LIMITS, maxLineLength: 200 };
    const stmts = await collectStatements(
      readStatements(chunks([fixture('mt940/rabobank-tag86.sta')]), 'mt940', 'ok.sta', limits),
    );
    expect(stmts[0].entries.length).toBeGreaterThan(0);
  });

  it('names a file larger than the maximum size (default 2 GB)', () => {
    expect(DEFAULT_PARSER_LIMITS.maxFileBytes).toBe(2 * 1024 ** 3);
    expect(fileTooLarge(2 * 1024 ** 3, DEFAULT_PARSER_LIMITS, 'a.xml')).toBeNull();
    expect(fileTooLarge(2 * 1024 ** 3 + 1, DEFAULT_PARSER_LIMITS, 'a.xml')?.message).toBe(
      'a.xml: the file is 2147483649 bytes, more than the 2147483648 bytes accepted (REMITD_MAX_FILE_BYTES)',
    );
  });
});
