import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { ByteChunks } from '../statement-events';
import { StatementParseError } from '../statement.model';

/**
 * Byte → text decoding shared by the line-based readers (MT940/MT942, NACHA).
 *
 * 'auto' decodes UTF-8 while the bytes are valid UTF-8 and switches to Latin-1 for the rest
 * of the file at the first invalid sequence (most files are decided by their first chunk).
 * 'latin1' is decoded as Windows-1252, the superset banks actually write: it differs from
 * ISO-8859-1 only in 0x80–0x9F, which ISO-8859-1 leaves to invisible control characters.
 */
export type TextEncoding = 'utf8' | 'latin1' | 'latin2';

export interface DecodeOptions {
  /** default 'auto' */
  encoding?: TextEncoding | 'auto';
}

/** Filled in while decoding: the encoding in use and whether 'auto' changed its mind mid-file. */
export interface DecodeReport {
  encoding: TextEncoding;
  /**
   * byte offset where 'auto' switched from UTF-8 to Latin-1 after it had already decoded
   * non-ASCII text as UTF-8 (so earlier text may be misread); null otherwise
   */
  switchedAt: number | null;
}

export function encodingSwitchWarning(offset: number): string {
  return `invalid UTF-8 at byte ${offset}: the rest of the file was read as Latin-1 (text before it as UTF-8)`;
}

const ICONV_NAME: Record<Exclude<TextEncoding, 'utf8'>, string> = {
  latin1: 'win1252',
  latin2: 'iso-8859-2',
};

function decodeAs(buf: Buffer, encoding: TextEncoding): string {
  if (buf.length === 0) return '';
  return encoding === 'utf8' ? buf.toString('utf8') : iconv.decode(buf, ICONV_NAME[encoding]);
}

/** Bytes at the end of buf that begin a UTF-8 sequence the buffer does not complete (0–3). */
function incompleteUtf8Tail(buf: Buffer): number {
  const n = buf.length;
  for (let i = 1; i <= 3 && i <= n; i++) {
    const b = buf[n - i];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > i ? i : 0;
    }
    return 0; // ASCII
  }
  return 0;
}

function toBuffer(chunk: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Decodes byte chunks to text chunks. Never holds more than one chunk plus up to 3 bytes of a
 * split UTF-8 sequence. String chunks are passed through as already-decoded text. A leading
 * byte order mark is dropped.
 */
export async function* decodeText(
  input: ByteChunks,
  options: DecodeOptions = {},
  report: DecodeReport = { encoding: 'utf8', switchedAt: null },
): AsyncGenerator<string> {
  const auto = (options.encoding ?? 'auto') === 'auto';
  let encoding: TextEncoding = auto ? 'utf8' : (options.encoding as TextEncoding);
  report.encoding = encoding;
  let carry: Buffer | null = null;
  let offset = 0;
  let decodedNonAscii = false;
  let first = true;
  const stripBom = (text: string): string => {
    if (!first) return text;
    if (text.length === 0) return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };

  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      if (carry) {
        const text = decodeAs(carry, encoding);
        carry = null;
        if (text) yield stripBom(text);
      }
      const text = stripBom(chunk);
      if (text) yield text;
      continue;
    }
    const bytes = toBuffer(chunk);
    if (bytes.length === 0) continue;
    const buf: Buffer = carry ? Buffer.concat([carry, bytes]) : bytes;
    carry = null;
    if (encoding === 'utf8') {
      const tail = incompleteUtf8Tail(buf);
      const body = tail ? buf.subarray(0, buf.length - tail) : buf;
      if (auto && !isUtf8(body)) {
        encoding = 'latin1';
        report.encoding = encoding;
        if (decodedNonAscii) report.switchedAt = offset;
        const text = decodeAs(buf, encoding);
        offset += buf.length;
        if (text) yield stripBom(text);
        continue;
      }
      if (tail) carry = Buffer.from(buf.subarray(buf.length - tail));
      offset += body.length;
      const text = body.toString('utf8');
      if (text.length !== body.length) decodedNonAscii = true;
      if (text) yield stripBom(text);
    } else {
      offset += buf.length;
      const text = decodeAs(buf, encoding);
      if (text) yield stripBom(text);
    }
  }
  if (carry) {
    // a UTF-8 sequence cut off by the end of the file is not UTF-8
    if (auto) {
      encoding = 'latin1';
      report.encoding = encoding;
      if (decodedNonAscii) report.switchedAt = offset;
    }
    const text = decodeAs(carry, encoding);
    if (text) yield stripBom(text);
  }
}

/**
 * Splits decoded text into lines across chunk boundaries (LF, CRLF or a lone CR end a line).
 * Keeps only the unfinished last line between chunks.
 */
export class LineSplitter {
  private partial = '';
  private pendingCr = false;
  private lines = 0;

  /** A line longer than maxLength fails the file (StatementParseError) before it is held whole. */
  constructor(
    private readonly maxLength = Number.POSITIVE_INFINITY,
    private readonly fileName: string | null = null,
  ) {}

  /** Complete lines found in this piece of text (terminators removed). */
  push(text: string): string[] {
    const lines: string[] = [];
    let s = text;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (s.charCodeAt(0) === 10) s = s.slice(1); // CRLF split across chunks
    }
    let start = 0;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 10 || c === 13) {
        const piece = s.slice(start, i);
        this.lines++;
        if (this.partial.length + piece.length > this.maxLength) this.tooLong();
        lines.push(this.partial ? this.partial + piece : piece);
        this.partial = '';
        if (c === 13) {
          if (i + 1 < n) {
            if (s.charCodeAt(i + 1) === 10) i++;
          } else {
            this.pendingCr = true;
          }
        }
        start = i + 1;
      }
    }
    if (start < n) {
      if (this.partial.length + n - start > this.maxLength) {
        this.lines++;
        this.tooLong();
      }
      this.partial = this.partial ? this.partial + s.slice(start) : s.slice(start);
    }
    return lines;
  }

  private tooLong(): never {
    throw new StatementParseError(
      `resource limit: a line longer than the ${this.maxLength} characters accepted`,
      `line ${this.lines}`,
      this.fileName,
    );
  }

  /** The last line when the text does not end with a line break. */
  end(): string | null {
    const rest = this.partial;
    this.partial = '';
    return rest.length > 0 ? rest : null;
  }
}
