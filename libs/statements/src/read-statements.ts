import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { detectBai2, readBai2 } from './bai2/bai2.parser';
import { detectCamt, readCamt } from './camt';
import { detectMt940, readMt940 } from './mt940/mt940.parser';
import { detectNacha, readNacha } from './nacha/nacha.parser';
import { DEFAULT_PARSER_LIMITS, type ParserLimits } from './parser-limits';
import type { ByteChunks, StatementEvent, StatementHeader } from './statement-events';
import { StatementParseError, type ParsedEntry, type ParsedStatement, type StatementFormat } from './statement.model';

export const FORMATS: readonly StatementFormat[] = [
  'camt.052',
  'camt.053',
  'camt.054',
  'mt940',
  'mt942',
  'nacha',
  'bai2',
];

/** Detects the format from the first bytes of a file: XML root, SWIFT tags, NACHA or BAI2 records. */
export function detectFormat(head: Buffer | string, fileName?: string): StatementFormat {
  const text = typeof head === 'string' ? head : head.toString('latin1');
  const camt = detectCamt(text);
  if (camt) return camt;
  if (detectNacha(text)) return 'nacha';
  if (detectBai2(text)) return 'bai2';
  const mt = detectMt940(text);
  if (mt) return mt;
  throw new StatementParseError(
    'unrecognised format: not camt.052/053/054 XML, MT940/MT942, a NACHA or a BAI2 file (use --format to force one)',
    'line 1',
    fileName ?? null,
  );
}

/**
 * Streams any supported bank file. Chunks should be small (64 KB): large chunks stall the
 * database writes behind parsing. NACHA needs no line limit: its reader cuts an overlong line
 * into 94-character records.
 */
export function readStatements(
  input: ByteChunks,
  format: StatementFormat,
  fileName?: string,
  limits: ParserLimits = DEFAULT_PARSER_LIMITS,
): AsyncGenerator<StatementEvent> {
  switch (format) {
    case 'camt.052':
    case 'camt.053':
    case 'camt.054':
      return readCamt(input, fileName, limits);
    case 'mt940':
    case 'mt942':
      return readMt940(input, fileName, { limits });
    case 'nacha':
      return readNacha(input, fileName);
    case 'bai2':
      return readBai2(input, fileName, { limits, controlTotals: limits.bai2ControlTotals ?? 'error' });
  }
}

export async function readHead(path: string, bytes = 8192): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export const fileChunks = (path: string): ByteChunks => createReadStream(path, { highWaterMark: 64 * 1024 });

/** Whole statements in memory: for the CLI and tests, not for ingestion of large files. */
export async function collectStatements(events: AsyncIterable<StatementEvent>): Promise<ParsedStatement[]> {
  const out: ParsedStatement[] = [];
  let header: StatementHeader | null = null;
  let entries: ParsedEntry[] = [];
  for await (const ev of events) {
    if (ev.type === 'statement') {
      header = ev.header;
      entries = [];
    } else if (ev.type === 'entry') {
      entries.push(ev.entry);
    } else {
      out.push({
        ...header!,
        closingBalance: ev.closingBalance ?? header!.closingBalance,
        entries,
        balanced: ev.balanced,
        warnings: [...header!.warnings, ...ev.warnings],
      });
    }
  }
  return out;
}

/** Parses a file on disk: format detected from its content unless given. */
export async function parseStatementFile(path: string, format?: StatementFormat): Promise<ParsedStatement[]> {
  const name = path.split('/').pop();
  const fmt = format ?? detectFormat(await readHead(path), name);
  return collectStatements(readStatements(fileChunks(path), fmt, name));
}
