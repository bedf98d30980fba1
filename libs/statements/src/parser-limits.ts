import { StatementParseError } from './statement.model';

/**
 * How much of a bank file a reader accepts before it refuses the file. Beyond any of them the
 * file is quarantined with the reason, instead of the process running out of memory (a 1 GB
 * text node or a line without a break is held whole) or recursing into a billion-level tree.
 */
export interface ParserLimits {
  /** largest file accepted, in bytes (REMITD_MAX_FILE_BYTES) */
  maxFileBytes: number;
  /** deepest element nesting in an XML file; camt needs about 12 */
  maxXmlDepth: number;
  /** longest run of text, attribute value, comment or CDATA in an XML file, in characters */
  maxTextLength: number;
  /** longest line of a line-based file (MT940/MT942), in characters; SWIFT lines are at most 65 */
  maxLineLength: number;
  /**
   * what a BAI2 control total or record count that does not add up does (REMITD_BAI2_CONTROL_TOTALS):
   * 'error' refuses the file (the default), 'warn' reads it with a warning on the statement
   */
  bai2ControlTotals?: 'error' | 'warn';
}

/** Nest token: the limits configured at boot (REMITD_MAX_FILE_BYTES, …); the defaults without it. */
export const PARSER_LIMITS = Symbol('PARSER_LIMITS');

export const DEFAULT_PARSER_LIMITS: ParserLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxXmlDepth: 64,
  maxTextLength: 1024 * 1024,
  maxLineLength: 64 * 1024,
};

export function fileTooLarge(size: number, limits: ParserLimits, fileName: string | null): StatementParseError | null {
  if (size <= limits.maxFileBytes) return null;
  return new StatementParseError(
    `the file is ${size} bytes, more than the ${limits.maxFileBytes} bytes accepted (REMITD_MAX_FILE_BYTES)`,
    null,
    fileName,
  );
}

/** For line-based readers: refuses a line longer than the limit while it is still being collected. */
export function lineTooLong(limits: ParserLimits, lineNumber: number, fileName: string | null): StatementParseError {
  return new StatementParseError(
    `resource limit: a line longer than the ${limits.maxLineLength} characters accepted`,
    `line ${lineNumber}`,
    fileName,
  );
}
