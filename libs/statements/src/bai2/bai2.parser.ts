import { currencyScale } from '@remitd/money';
import { DEFAULT_PARSER_LIMITS, lineTooLong, type ParserLimits } from '../parser-limits';
import type { ByteChunks, StatementEvent, StatementHeader } from '../statement-events';
import { StatementParseError, type BalanceValue, type Direction, type ParsedEntry } from '../statement.model';
import { decodeText, encodingSwitchWarning, type DecodeOptions, type DecodeReport } from '../mt940/text-decoding';
import { readText } from './bai2.text';
import { CLOSING_LEDGER, directionOf, OPENING_LEDGER, TYPE_CODES } from './bai2.type-codes';

/**
 * BAI2 (Cash Management Balance Reporting, version 2) reader: 01 file header, 02 group header,
 * 03 account identifier with its balances and summaries, 16 transaction detail, 88
 * continuation, 49 account trailer, 98 group trailer, 99 file trailer.
 *
 * One account (03 … 49) is one statement. Streams record by record: only the record being
 * read, its continuations and the running control totals are held.
 *
 * Layouts read: records ending with "/" (several on one physical line, separated by "/ "),
 * records ending at the line break without "/", and records wrapped over several physical lines
 * (a line that does not start with a record code continues the record before it). A "/" inside
 * a text field ends the record only when what follows on the line is another record. An 88
 * record continues the fields of the record before it (03 summaries, trailers) or, after a 16,
 * its text. "88:" (a colon for the comma) is read as an 88 with a warning.
 *
 * Amounts carry no decimal point: the decimals are implied by the currency (03, else 02, else
 * USD). Funds types 0, 1, 2, Z, V (value date and time), S (immediate / one day / two or more
 * days) and D (distributed: count, then days and amount pairs) become the entry's availability.
 * The 49, 98 and 99 control totals (the algebraic sum of every amount field of the 03 and 16
 * records, status and summary amounts included) and record counts (88 records included) are
 * checked: a mismatch fails the file naming the trailer, unless `controlTotals: 'warn'`.
 */
export interface Bai2Options extends DecodeOptions {
  /** what a control total or count that does not add up does; default 'error' */
  controlTotals?: 'error' | 'warn';
  limits?: ParserLimits;
}

export const BAI2_RECORD_CODES = ['01', '02', '03', '16', '49', '88', '98', '99'] as const;

/** A record code at the start of a physical line (or after "/" inside one). */
const RECORD_START = /^\s*(01|02|03|16|49|88|98|99),/;
/** "/" then another record on the same physical line */
const INLINE_BREAK = /\/\s*(?=(?:01|02|03|16|49|88|98|99),)/g;

export function detectBai2(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').replace(/^[\s]+/, '');
  return /^01,[^,\n]*,[^,\n]*,\d{6},/.test(text);
}

interface RawRecord {
  code: string;
  body: string;
  line: number;
}

/** A record with its continuations: the fields of non-text records, the 16's text lines. */
interface LogicalRecord {
  code: string;
  line: number;
  body: string;
  continuations: string[];
  /** physical records: the record and its 88s */
  count: number;
}

interface Account {
  line: number;
  number: string;
  currency: string;
  scale: number;
  /** control total in minor units of the currency */
  total: bigint;
  records: number;
  entries: number;
  opening: BalanceValue | null;
  closing: BalanceValue | null;
  /** booked movement in minor units, for opening + movement = closing */
  movement: bigint;
}

interface Group {
  line: number;
  currency: string | null;
  asOfDate: string;
  asOfModifier: string | null;
  total: bigint;
  accounts: number;
  records: number;
}

/** A comma-separated record read field by field; the text of a 16 takes the rest whole. */
class Fields {
  private pos = 0;
  constructor(private readonly s: string) {}

  get done(): boolean {
    return this.pos > this.s.length;
  }

  next(): string | null {
    if (this.pos > this.s.length) return null;
    const comma = this.s.indexOf(',', this.pos);
    const end = comma === -1 ? this.s.length : comma;
    const field = this.s.slice(this.pos, end);
    this.pos = comma === -1 ? this.s.length + 1 : comma + 1;
    return field.trim();
  }

  rest(): string | null {
    if (this.pos > this.s.length) return null;
    const r = this.s.slice(this.pos);
    this.pos = this.s.length + 1;
    return r;
  }
}

/** YYMMDD → YYYY-MM-DD, null when not a date */
function yymmdd(s: string | null): string | null {
  if (!s || !/^\d{6}$/.test(s)) return null;
  const yy = Number(s.slice(0, 2));
  const year = yy < 70 ? 2000 + yy : 1900 + yy;
  const month = Number(s.slice(2, 4));
  const day = Number(s.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${s.slice(2, 4)}-${s.slice(4, 6)}`;
}

/** minor units → decimal string with the currency's decimals, unsigned */
function decimal(minor: bigint, scale: number): string {
  const digits = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const signed = (minor: bigint, scale: number) => `${minor < 0n ? '-' : ''}${decimal(minor, scale)}`;

class Bai2Reader {
  readonly out: StatementEvent[] = [];
  readonly warnings: string[] = [];
  private fileLine = 0;
  private fileDone = false;
  private fileCreatedAt: string | null = null;
  private fileId: string | null = null;
  private fileTotal = 0n;
  private fileGroups = 0;
  private fileRecords = 0;
  private group: Group | null = null;
  private account: Account | null = null;
  private accountWarnings: string[] = [];
  private pending: LogicalRecord | null = null;
  private pendingEnd: Extract<StatementEvent, { type: 'statement-end' }> | null = null;

  constructor(
    private readonly fileName: string | null,
    private readonly options: Bai2Options,
  ) {}

  private fail(reason: string, line: number): never {
    throw new StatementParseError(reason, `line ${line}`, this.fileName);
  }

  /** one physical record (after splitting lines); 88s gather behind the record they continue */
  record(raw: RawRecord): void {
    if (raw.code === '88') {
      if (!this.pending) this.fail('continuation (88) record with no record before it to continue', raw.line);
      this.pending.continuations.push(raw.body);
      this.pending.count++;
      return;
    }
    this.flush();
    this.pending = { code: raw.code, line: raw.line, body: raw.body, continuations: [], count: 1 };
  }

  /** the record before is complete (its 88s read): act on it */
  flush(): void {
    const r = this.pending;
    if (!r) return;
    this.pending = null;
    if (this.fileLine === 0 && r.code !== '01') {
      this.fail(`file without a file header (01) record: the first record is "${r.code}"`, r.line);
    }
    if (this.fileDone) this.fail(`record "${r.code}" after the file trailer (99) record`, r.line);
    this.fileRecords += r.count;
    if (this.group) this.group.records += r.count;
    if (this.account) this.account.records += r.count;
    switch (r.code) {
      case '01':
        return this.fileHeader(r);
      case '02':
        return this.groupHeader(r);
      case '03':
        return this.accountHeader(r);
      case '16':
        return this.detail(r);
      case '49':
        return this.accountTrailer(r);
      case '98':
        return this.groupTrailer(r);
      case '99':
        return this.fileTrailer(r);
    }
  }

  /** the fields of a record and of its 88 continuations, one list */
  private fieldsOf(r: LogicalRecord): Fields {
    return new Fields([r.body, ...r.continuations].join(','));
  }

  private fileHeader(r: LogicalRecord): void {
    if (this.fileLine !== 0) this.fail('second file header (01) record', r.line);
    this.fileLine = r.line;
    const f = this.fieldsOf(r);
    const sender = f.next();
    f.next(); // receiver
    const date = f.next();
    const time = f.next();
    const fileId = f.next();
    f.next(); // physical record length
    f.next(); // block size
    const version = f.next();
    const day = yymmdd(date);
    if (!day) this.fail(`file header (01): file creation date "${date ?? ''}" is not a YYMMDD date`, r.line);
    if (version !== '2') this.fail(`file header (01): version "${version ?? ''}" is not BAI version 2`, r.line);
    this.fileCreatedAt = time && /^\d{4}$/.test(time) ? `${day}T${time.slice(0, 2)}:${time.slice(2)}:00` : day;
    this.fileId = [sender, date, fileId].filter((p) => p).join('/');
  }

  private groupHeader(r: LogicalRecord): void {
    if (this.account)
      this.fail(`group header (02) inside account ${this.account.number}: no account trailer (49)`, r.line);
    if (this.group)
      this.fail(`group header (02) before the group trailer (98) of the group at line ${this.group.line}`, r.line);
    const f = this.fieldsOf(r);
    f.next(); // ultimate receiver
    f.next(); // originator
    const status = f.next();
    const date = f.next();
    f.next(); // as-of time
    const currency = f.next() || null;
    const modifier = f.next() || null;
    const asOfDate = yymmdd(date);
    if (!asOfDate) this.fail(`group header (02): as-of date "${date ?? ''}" is not a YYMMDD date`, r.line);
    if (status && status !== '1') {
      const meaning: Record<string, string> = { '2': 'deletion', '3': 'correction', '4': 'test only' };
      this.warnings.push(`line ${r.line}: group status ${status} (${meaning[status] ?? 'unknown'})`);
    }
    if (currency) this.scaleOf(currency, r.line);
    this.group = { line: r.line, currency, asOfDate, asOfModifier: modifier, total: 0n, accounts: 0, records: r.count };
    this.fileGroups++;
  }

  private scaleOf(currency: string, line: number): number {
    try {
      return currencyScale(currency);
    } catch {
      return this.fail(`"${currency}" is not an ISO 4217 currency code`, line);
    }
  }

  /** a signed BAI2 amount in minor units; blank is null */
  private amount(field: string | null, what: string, line: number): bigint | null {
    if (field === null || field === '') return null;
    if (!/^[+-]?\d{1,18}$/.test(field))
      this.fail(`${what}: amount "${field}" is not a whole number of minor units`, line);
    return BigInt(field);
  }

  /** funds type and the fields that follow it; returns the availability as words */
  private fundsType(
    f: Fields,
    scale: number,
    record: string,
    line: number,
  ): { text: string | null; valueDate: string | null } {
    const type = (f.next() ?? '').toUpperCase();
    switch (type) {
      case '':
        return { text: null, valueDate: null };
      case '0':
        return { text: 'immediate availability (0)', valueDate: null };
      case '1':
        return { text: 'one-day availability (1)', valueDate: null };
      case '2':
        return { text: 'two-or-more-day availability (2)', valueDate: null };
      case 'Z':
        return { text: 'availability unknown (Z)', valueDate: null };
      case 'V': {
        const date = f.next();
        const time = f.next();
        const valueDate = yymmdd(date);
        if (!valueDate) this.fail(`${record}: value date "${date ?? ''}" of funds type V is not a YYMMDD date`, line);
        return { text: `value dated ${valueDate}${time ? ` ${time}` : ''} (V)`, valueDate };
      }
      case 'S': {
        const parts = ['immediate', 'one day', 'two or more days'].map((label) => {
          const minor = this.amount(f.next(), `${record} funds type S`, line);
          return `${label} ${minor === null ? '-' : signed(minor, scale)}`;
        });
        return { text: `distributed availability (S): ${parts.join(', ')}`, valueDate: null };
      }
      case 'D': {
        const countField = f.next();
        if (!countField || !/^\d{1,3}$/.test(countField)) {
          this.fail(`${record}: funds type D needs the number of distributions, found "${countField ?? ''}"`, line);
        }
        const parts: string[] = [];
        for (let i = 0; i < Number(countField); i++) {
          const days = f.next();
          const minor = this.amount(f.next(), `${record} funds type D`, line);
          if (!days || !/^\d+$/.test(days) || minor === null) {
            this.fail(`${record}: funds type D distribution ${i + 1} of ${countField} is incomplete`, line);
          }
          parts.push(`${days} day(s) ${signed(minor, scale)}`);
        }
        return { text: `distributed availability (D): ${parts.join(', ')}`, valueDate: null };
      }
      default:
        return this.fail(`${record}: unknown funds type "${type}" (expected 0, 1, 2, V, S, D or Z)`, line);
    }
  }

  private accountHeader(r: LogicalRecord): void {
    const group = this.group;
    if (!group) this.fail('account identifier (03) outside a group (no group header 02 before it)', r.line);
    if (this.account) {
      this.fail(`account identifier (03) before the account trailer (49) of account ${this.account.number}`, r.line);
    }
    const f = this.fieldsOf(r);
    const number = f.next();
    if (!number) this.fail('account identifier (03) without an account number', r.line);
    const currency = f.next() || group.currency || 'USD';
    const scale = this.scaleOf(currency, r.line);
    const account: Account = {
      line: r.line,
      number,
      currency,
      scale,
      total: 0n,
      records: r.count,
      entries: 0,
      opening: null,
      closing: null,
      movement: 0n,
    };
    // status (001–099: amount, then unused count and funds type) and summaries (count, funds type)
    while (!f.done) {
      const code = f.next();
      if (code === null) break;
      if (code === '') {
        // an empty slot (",,,,": some banks leave one where a balance is not reported)
        const slot = [f.next(), f.next(), f.next()];
        if (slot.every((s) => !s)) continue;
        this.fail('account identifier (03): a summary without a type code', r.line);
      }
      if (!/^\d{3}$/.test(code)) this.fail(`account identifier (03): type code "${code}" is not three digits`, r.line);
      const minor = this.amount(f.next(), `account identifier (03) type ${code}`, r.line);
      const count = f.next();
      if (count && !/^\d+$/.test(count))
        this.fail(`account identifier (03) type ${code}: item count "${count}" is not a number`, r.line);
      this.fundsType(f, scale, `account identifier (03) type ${code}`, r.line);
      if (minor !== null) account.total += minor;
      const balance = (): BalanceValue => ({
        amount: decimal(minor!, scale),
        currency,
        signedAmount: signed(minor!, scale),
        date: group.asOfDate,
      });
      if (code === OPENING_LEDGER && minor !== null) account.opening = balance();
      if (code === CLOSING_LEDGER && minor !== null) account.closing = balance();
    }
    this.endStatement();
    this.account = account;
    this.accountWarnings = [];
    group.accounts++;
    const header: StatementHeader = {
      format: 'bai2',
      messageId: this.fileId,
      statementId: `${number}/${group.asOfDate}${group.asOfModifier ? `/${group.asOfModifier}` : ''}`,
      sequenceNumber: null,
      account: number,
      accountCurrency: currency,
      servicerBic: null,
      createdAt: this.fileCreatedAt,
      fromDate: group.asOfDate,
      toDate: group.asOfDate,
      openingBalance: account.opening,
      closingBalance: account.closing,
      warnings: [],
    };
    this.out.push({ type: 'statement', header });
  }

  private detail(r: LogicalRecord): void {
    const account = this.account;
    const group = this.group!;
    if (!account) this.fail('transaction detail (16) outside an account (no account identifier 03 before it)', r.line);
    const f = new Fields(r.body);
    const code = f.next() ?? '';
    if (!/^\d{3}$/.test(code)) this.fail(`transaction detail (16): type code "${code}" is not three digits`, r.line);
    const minor = this.amount(f.next(), 'transaction detail (16)', r.line);
    if (minor === null) this.fail('transaction detail (16) without an amount', r.line);
    if (minor < 0n)
      this.fail(`transaction detail (16): amount "${minor}" is signed; the type code gives the side`, r.line);
    const funds = this.fundsType(f, account.scale, 'transaction detail (16)', r.line);
    const bankReference = f.next() || null;
    const customerReference = f.next() || null;
    const text = f.rest();
    account.total += minor;

    const meaning = TYPE_CODES.get(code);
    const side = directionOf(code);
    const info: string[] = [];
    if (meaning) info.push(`BAI2 type code ${code}: ${meaning.label}`);
    else if (side)
      info.push(
        `BAI2 type code ${code}: not a code remitd knows (kept as ${side === 'CRDT' ? 'a credit' : 'a debit'} by its range)`,
      );
    else
      info.push(
        `BAI2 type code ${code}: not a transaction detail code (balance or loan range); reported for information`,
      );
    const direction: Direction = side ?? 'CRDT';
    const facts = readText(text, r.continuations, direction);
    if (funds.text) info.push(`Availability: ${funds.text}`);
    if (customerReference) info.push(`Customer reference: ${customerReference}`);
    info.push(...facts.extra);
    const reversal = meaning?.reversal === true;
    const status = side ? 'BOOK' : 'INFO';
    if (status === 'BOOK') account.movement += direction === 'CRDT' ? minor : -minor;

    const entry: ParsedEntry = {
      index: account.entries++,
      direction,
      amount: { amount: decimal(minor, account.scale), currency: account.currency },
      bookingDate: group.asOfDate,
      valueDate: funds.valueDate ?? group.asOfDate,
      status,
      bankReference,
      // BAI2 bank references are unique only per bank's habit: qualified by date and amount (natural-key.ts)
      strongReference: null,
      endToEndId: facts.endToEndId ?? customerReference,
      uetr: null,
      remitterName: facts.remitterName,
      remitterAccount: facts.remitterAccount,
      remitterBic: facts.remitterBic,
      creditedAccount: facts.creditedAccount,
      remittanceUnstructured: facts.remittance,
      remittanceStructured: null,
      instructedAmount: null,
      charges: null,
      bankTransactionCode: `BAI2:${code}`,
      rail: meaning?.rail ?? 'OTHER',
      reversal,
      returnReasonCode: reversal ? facts.returnReasonCode : null,
      originalReference: null,
      changeCode: null,
      location: `line ${r.line}`,
      additionalInfo: info.join('; '),
    };
    this.out.push({ type: 'entry', entry });
  }

  private mismatch(message: string, line: number, warnings: string[]): void {
    if (this.options.controlTotals === 'warn') warnings.push(`line ${line}: ${message}`);
    else this.fail(message, line);
  }

  private accountTrailer(r: LogicalRecord): void {
    const account = this.account;
    const group = this.group!;
    if (!account) this.fail('account trailer (49) without an account identifier (03) before it', r.line);
    const f = this.fieldsOf(r);
    const total = this.amount(f.next(), 'account trailer (49)', r.line);
    const count = f.next();
    if (total === null || !count || !/^\d+$/.test(count)) {
      this.fail('account trailer (49): the control total and the number of records are required', r.line);
    }
    const label = `account trailer (49) of account ${account.number} (line ${account.line})`;
    if (total !== account.total) {
      this.mismatch(
        `${label}: control total ${signed(total, account.scale)} ≠ ${signed(account.total, account.scale)} read`,
        r.line,
        this.accountWarnings,
      );
    }
    if (BigInt(count) !== BigInt(account.records)) {
      this.mismatch(`${label}: says ${count} records, read ${account.records}`, r.line, this.accountWarnings);
    }
    group.total += total;
    let balanced: boolean | null = null;
    if (account.opening && account.closing) {
      const opening = BigInt(account.opening.signedAmount.replace('.', ''));
      const closing = BigInt(account.closing.signedAmount.replace('.', ''));
      balanced = opening + account.movement === closing;
    }
    // held until the next account or the end of the file: warnings of the 98 and 99 trailers
    // (controlTotals 'warn') still reach a statement
    this.pendingEnd = {
      type: 'statement-end',
      closingBalance: account.closing,
      balanced,
      entryCount: account.entries,
      warnings: [...this.warnings.splice(0), ...this.accountWarnings],
    };
    this.account = null;
  }

  private groupTrailer(r: LogicalRecord): void {
    const group = this.group;
    if (this.account)
      this.fail(`group trailer (98) before the account trailer (49) of account ${this.account.number}`, r.line);
    if (!group) this.fail('group trailer (98) without a group header (02) before it', r.line);
    const f = this.fieldsOf(r);
    const total = this.amount(f.next(), 'group trailer (98)', r.line);
    const accounts = f.next();
    const records = f.next();
    if (total === null || !accounts || !records || !/^\d+$/.test(accounts) || !/^\d+$/.test(records)) {
      this.fail('group trailer (98): the control total, number of accounts and number of records are required', r.line);
    }
    const label = `group trailer (98) of the group at line ${group.line}`;
    if (total !== group.total)
      this.mismatch(`${label}: control total ${total} ≠ ${group.total} read`, r.line, this.warnings);
    if (Number(accounts) !== group.accounts) {
      this.mismatch(`${label}: says ${accounts} accounts, read ${group.accounts}`, r.line, this.warnings);
    }
    if (Number(records) !== group.records) {
      this.mismatch(`${label}: says ${records} records, read ${group.records}`, r.line, this.warnings);
    }
    this.fileTotal += total;
    this.group = null;
  }

  private fileTrailer(r: LogicalRecord): void {
    if (this.account || this.group) {
      this.fail(`file trailer (99) before the ${this.account ? 'account (49)' : 'group (98)'} trailer`, r.line);
    }
    const f = this.fieldsOf(r);
    const total = this.amount(f.next(), 'file trailer (99)', r.line);
    const groups = f.next();
    const records = f.next();
    if (total === null || !groups || !records || !/^\d+$/.test(groups) || !/^\d+$/.test(records)) {
      this.fail('file trailer (99): the control total, number of groups and number of records are required', r.line);
    }
    if (total !== this.fileTotal)
      this.mismatch(`file trailer (99): control total ${total} ≠ ${this.fileTotal} read`, r.line, this.warnings);
    if (Number(groups) !== this.fileGroups) {
      this.mismatch(`file trailer (99): says ${groups} groups, read ${this.fileGroups}`, r.line, this.warnings);
    }
    if (Number(records) !== this.fileRecords) {
      this.mismatch(`file trailer (99): says ${records} records, read ${this.fileRecords}`, r.line, this.warnings);
    }
    this.fileDone = true;
  }

  private endStatement(): void {
    if (!this.pendingEnd) return;
    this.pendingEnd.warnings.push(...this.warnings.splice(0));
    this.out.push(this.pendingEnd);
    this.pendingEnd = null;
  }

  end(lastLine: number): void {
    this.flush();
    if (this.fileLine === 0) this.fail('file without a file header (01) record: no records', 1);
    if (!this.fileDone) {
      this.fail(
        `file ends without a file trailer (99) record${this.account ? ` (account ${this.account.number} is not closed by a 49)` : ''}: truncated?`,
        lastLine,
      );
    }
    this.endStatement();
  }
}

/**
 * Cuts decoded text into physical records: each line, split again at "/" followed by another
 * record code; a line that starts with no record code continues the record before it.
 */
class RecordSplitter {
  private buf = '';
  private lineNo = 0;
  private current: RawRecord | null = null;

  constructor(
    private readonly limits: ParserLimits,
    private readonly fileName: string | null,
    private readonly warnings: string[],
  ) {}

  get line(): number {
    return this.lineNo;
  }

  push(chunk: string, emit: (r: RawRecord) => void): void {
    this.buf += chunk;
    let start = 0;
    for (;;) {
      const nl = this.buf.indexOf('\n', start);
      if (nl === -1) break;
      this.physical(this.buf.slice(start, nl), emit);
      start = nl + 1;
    }
    this.buf = this.buf.slice(start);
    if (this.buf.length > this.limits.maxLineLength) throw lineTooLong(this.limits, this.lineNo + 1, this.fileName);
  }

  end(emit: (r: RawRecord) => void): void {
    if (this.buf.length > 0) this.physical(this.buf, emit);
    this.buf = '';
    if (this.current) emit(this.current);
    this.current = null;
  }

  private physical(rawLine: string, emit: (r: RawRecord) => void): void {
    this.lineNo++;
    let line = rawLine.replace(/[\r\x1a\x00]+/g, '');
    if (line.trim().length === 0) return;
    if (this.lineNo === 1) line = line.replace(/^\uFEFF/, '');
    if (/^\s*88:/.test(line)) {
      this.warnings.push(`line ${this.lineNo}: continuation record written "88:" read as "88,"`);
      line = line.replace(/^(\s*)88:/, '$188,');
    }
    const pieces: string[] = [];
    let from = 0;
    INLINE_BREAK.lastIndex = 0;
    for (let m = INLINE_BREAK.exec(line); m; m = INLINE_BREAK.exec(line)) {
      pieces.push(line.slice(from, m.index));
      from = m.index + m[0].length;
    }
    pieces.push(line.slice(from));
    pieces.forEach((piece, i) => {
      const start = RECORD_START.exec(piece);
      if (start) {
        if (this.current) emit(this.current);
        this.current = { code: start[1], body: stripEnd(piece.slice(start[0].length)), line: this.lineNo };
      } else if (i === 0 && this.current) {
        // a record wrapped at the physical record length goes on here
        this.current.body = stripEnd(`${this.current.body}${piece}`);
      } else {
        // pieces after the first start with a record code by construction: this is the first line
        throw new StatementParseError(
          `file without a file header (01) record: the first line starts with "${piece.trim().slice(0, 20)}"`,
          `line ${this.lineNo}`,
          this.fileName,
        );
      }
    });
  }
}

/** the record's "/" terminator (and what trails it) */
function stripEnd(body: string): string {
  return body.replace(/\/\s*$/, '').replace(/\s+$/, '');
}

/** Reads a BAI2 file: one statement per account (03 … 49). */
export async function* readBai2(
  input: ByteChunks,
  fileName?: string,
  options: Bai2Options = {},
): AsyncGenerator<StatementEvent> {
  const reader = new Bai2Reader(fileName ?? null, options);
  const splitter = new RecordSplitter(options.limits ?? DEFAULT_PARSER_LIMITS, fileName ?? null, reader.warnings);
  const report: DecodeReport = { encoding: 'utf8', switchedAt: null };
  const out = reader.out;
  const emit = (r: RawRecord) => reader.record(r);
  let switchNoted = false;
  for await (const chunk of decodeText(input, options, report)) {
    if (report.switchedAt !== null && !switchNoted) {
      switchNoted = true;
      reader.warnings.push(encodingSwitchWarning(report.switchedAt));
    }
    splitter.push(chunk, emit);
    if (out.length > 0) {
      for (const event of out) yield event;
      out.length = 0;
    }
  }
  splitter.end(emit);
  reader.end(splitter.line);
  for (const event of out) yield event;
  out.length = 0;
}
