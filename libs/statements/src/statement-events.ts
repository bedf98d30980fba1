import type { BalanceValue, ParsedEntry, ParsedStatement } from './statement.model';

/**
 * Parsers stream: a statement header (with the opening balance when the format gives it
 * before the entries), then its entries one by one, then the statement's end (with the
 * closing balance and whether opening + booked entries = closing). A file may hold several
 * statements. Nothing is buffered beyond one entry, so a 100 MB file is never held whole.
 */
export type StatementHeader = Omit<ParsedStatement, 'entries' | 'balanced' | 'closingBalance'> & {
  closingBalance: BalanceValue | null;
};

export type StatementEvent =
  | { type: 'statement'; header: StatementHeader }
  | { type: 'entry'; entry: ParsedEntry }
  | {
      type: 'statement-end';
      closingBalance: BalanceValue | null;
      balanced: boolean | null;
      entryCount: number;
      warnings: string[];
    };

export type ByteChunks = AsyncIterable<Buffer | Uint8Array | string>;
