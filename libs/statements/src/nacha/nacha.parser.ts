import { StatementParseError, type Direction, type ParsedEntry } from '../statement.model';
import type { ByteChunks, StatementEvent, StatementHeader } from '../statement-events';
import { decodeText, encodingSwitchWarning, type DecodeOptions, type DecodeReport } from '../mt940/text-decoding';

/**
 * NACHA ACH file reader (94-character records): 1 file header, 5 batch header, 6 entry detail,
 * 7 addenda (05 payment related information, 98 notification of change, 99 return / dishonored
 * return / contested dishonored return, 02 and IAT 10–18), 8 batch control, 9 file control and
 * all-9 block padding.
 *
 * One file is one statement (format 'nacha', currency USD, no balances). Streams record by
 * record: only the unfinished record, the open batch's control totals and the entry being read
 * (6 record + its addenda) are kept. Tolerates files without line breaks (one long string of
 * 94-character records), CRLF, and records shorter than 94 characters (padded with spaces).
 */
export interface NachaOptions extends DecodeOptions {
  /** which header field is the statement account; default 'immediate-destination' */
  accountFrom?: 'immediate-destination' | 'immediate-origin';
  /** explicit statement account, overrides accountFrom */
  account?: string;
}

const RECORD = 94;

/** Transaction codes by the side of the receiver's account they post to. */
const CREDIT_CODES = new Set([
  '21',
  '22',
  '23',
  '24',
  '31',
  '32',
  '33',
  '34',
  '41',
  '42',
  '43',
  '44',
  '51',
  '52',
  '53',
  '54',
]);
const DEBIT_CODES = new Set(['26', '27', '28', '29', '36', '37', '38', '39', '46', '47', '48', '49', '55', '56']);
/** zero-dollar prenotifications */
const PRENOTE_CODES = new Set(['23', '28', '33', '38', '43', '48', '53']);

const HASH_MODULUS = 10_000_000_000n;

interface Batch {
  line: number;
  sec: string;
  companyName: string | null;
  companyId: string | null;
  description: string | null;
  effectiveDate: string | null;
  batchNumber: string;
  records: number;
  hash: bigint;
  debit: bigint;
  credit: bigint;
}

interface ReturnInfo {
  code: string;
  originalTrace: string | null;
  text: string;
}

interface OpenEntry {
  line: number;
  txCode: string;
  direction: Direction;
  cents: string;
  account: string | null;
  idNumber: string | null;
  name: string | null;
  trace: string | null;
  paymentInfo: string[];
  returns: ReturnInfo[];
  noc: { code: string; originalTrace: string | null; text: string } | null;
  originatorName: string | null;
  extra: string[];
}

function fullYear(yy: number): number {
  return yy < 80 ? 2000 + yy : 1900 + yy;
}

/** YYMMDD → YYYY-MM-DD; null for blanks, zeros and impossible dates */
function yymmdd(s: string): string | null {
  if (!/^\d{6}$/.test(s)) return null;
  const year = fullYear(Number(s.slice(0, 2)));
  const month = Number(s.slice(2, 4));
  const day = Number(s.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${s.slice(2, 4)}-${s.slice(4, 6)}`;
}

/** "0000012354" cents → "123.54" */
function centsToDecimal(cents: string): string {
  const digits = cents.replace(/^0+/, '').padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function dollars(cents: bigint): string {
  return centsToDecimal(cents.toString());
}

function text(s: string): string | null {
  const t = s.trim();
  return t.length > 0 ? t : null;
}

function numeric(s: string): bigint | null {
  const t = s.trim();
  return /^\d+$/.test(t) ? BigInt(t) : null;
}

const VALID_CHANGE_CODE = /^C(0[1-9]|1[0-4]|6[1-9])$/;

/** Sniffs the start of a file: true when the first record is an ACH file header. */
export function detectNacha(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').replace(/^[\r\n]+/, '');
  const first = text.slice(0, RECORD);
  if (!/^1(\d\d| \d)/.test(first)) return false;
  return first.startsWith('101') || first.slice(34, 37) === '094';
}

/**
 * Cuts decoded text into records: a line is a record; a line of two or more records' length
 * (a file without line breaks) is cut every 94 characters.
 */
class RecordSplitter {
  private buf = '';
  private longLine = false;

  push(chunk: string): string[] {
    const out: string[] = [];
    const buf = this.buf + chunk;
    let pos = 0;
    for (;;) {
      const nl = lineEnd(buf, pos);
      if (this.longLine) {
        if (nl !== -1 && nl - pos <= RECORD) {
          out.push(buf.slice(pos, nl));
          pos = skipLineEnd(buf, nl);
          this.longLine = false;
        } else if ((nl !== -1 && nl - pos > RECORD) || buf.length - pos > RECORD) {
          out.push(buf.slice(pos, pos + RECORD));
          pos += RECORD;
        } else break;
      } else if (nl === -1) {
        if (buf.length - pos >= 2 * RECORD) this.longLine = true;
        else break;
      } else if (nl - pos >= 2 * RECORD) {
        this.longLine = true;
      } else {
        out.push(buf.slice(pos, nl));
        pos = skipLineEnd(buf, nl);
      }
    }
    this.buf = buf.slice(pos);
    return out.filter(notBlank);
  }

  end(): string[] {
    const rest = this.buf;
    this.buf = '';
    const out: string[] = [];
    if (this.longLine) for (let i = 0; i < rest.length; i += RECORD) out.push(rest.slice(i, i + RECORD));
    else out.push(rest);
    return out.filter(notBlank);
  }
}

/** blank lines and DOS end-of-file (Ctrl-Z) or NUL padding are not records */
function notBlank(record: string): boolean {
  return record.replace(/[\x00-\x20\x1a]/g, '').length > 0;
}

function lineEnd(s: string, from: number): number {
  const n = s.indexOf('\n', from);
  const r = s.indexOf('\r', from);
  if (n === -1) return r;
  if (r === -1) return n;
  return Math.min(n, r);
}

function skipLineEnd(s: string, at: number): number {
  return s.charCodeAt(at) === 13 && s.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

class NachaReader {
  readonly out: StatementEvent[] = [];
  private recordNo = 0;
  private headerSeen = false;
  private fileControlSeen = false;
  private batch: Batch | null = null;
  private entry: OpenEntry | null = null;
  private entryCount = 0;
  readonly warnings: string[] = [];
  private shortRecords = 0;
  private firstShort = 0;
  private longRecords = 0;
  private firstLong = 0;
  private file = { batches: 0, records: 0, hash: 0n, debit: 0n, credit: 0n };

  constructor(
    private readonly fileName: string | null,
    private readonly options: NachaOptions,
  ) {}

  private fail(reason: string): never {
    throw new StatementParseError(reason, `line ${this.recordNo}`, this.fileName);
  }

  private warn(message: string): void {
    this.warnings.push(`line ${this.recordNo}: ${message}`);
  }

  record(raw: string): void {
    this.recordNo++;
    let rec = raw;
    if (rec.length < RECORD) {
      if (this.shortRecords++ === 0) this.firstShort = this.recordNo;
      rec = rec.padEnd(RECORD, ' ');
    } else if (rec.length > RECORD) {
      if (this.longRecords++ === 0) this.firstLong = this.recordNo;
    }
    const type = rec[0];
    if (!this.headerSeen && type !== '1') {
      this.fail(`file without a file header (1) record: the first record is type "${type}"`);
    }
    if (this.fileControlSeen) {
      if (/^9+\s*$/.test(rec)) return;
      this.fail(`record type "${type}" after the file control (9) record`);
    }
    switch (type) {
      case '1':
        return this.fileHeader(rec);
      case '5':
        return this.batchHeader(rec);
      case '6':
        return this.entryDetail(rec);
      case '7':
        return this.addenda(rec);
      case '8':
        return this.batchControl(rec);
      case '9':
        if (/^9+\s*$/.test(rec)) return; // block padding
        return this.fileControl(rec);
      default:
        this.fail(`unknown record type "${type}"`);
    }
  }

  private fileHeader(rec: string): void {
    if (this.headerSeen) this.fail('second file header (1) record');
    this.headerSeen = true;
    const destination = rec.slice(3, 13).trim();
    const origin = rec.slice(13, 23).trim();
    const date = rec.slice(23, 29);
    const time = rec.slice(29, 33);
    const modifier = rec.slice(33, 34).trim();
    const day = yymmdd(date);
    if (!day) this.warn(`unreadable file creation date "${date}"`);
    const createdAt = day && /^\d{4}$/.test(time) ? `${day}T${time.slice(0, 2)}:${time.slice(2)}:00` : day;
    const fileId = [origin, date.trim(), modifier].filter((p) => p.length > 0).join('-');
    const account = this.options.account ?? (this.options.accountFrom === 'immediate-origin' ? origin : destination);
    const header: StatementHeader = {
      format: 'nacha',
      messageId: fileId,
      statementId: fileId,
      sequenceNumber: modifier || null,
      account,
      accountCurrency: 'USD',
      servicerBic: null,
      createdAt,
      fromDate: null,
      toDate: null,
      openingBalance: null,
      closingBalance: null,
      // the complete list comes with statement-end
      warnings: [],
    };
    this.out.push({ type: 'statement', header });
  }

  private batchHeader(rec: string): void {
    this.finishEntry();
    if (this.batch) {
      this.warn(`batch ${this.batch.batchNumber} (line ${this.batch.line}) has no batch control (8) record`);
    }
    const sec = rec.slice(50, 53).trim();
    const iat = sec === 'IAT';
    const effective = rec.slice(69, 75);
    const effectiveDate = yymmdd(effective);
    const batchNumber = rec
      .slice(87, 94)
      .trim()
      .replace(/^0+(?=\d)/, '');
    if (!effectiveDate && effective.trim() !== '' && effective !== '000000') {
      this.warn(`batch ${batchNumber}: unreadable effective entry date "${effective}"`);
    }
    this.batch = {
      line: this.recordNo,
      sec,
      companyName: iat ? null : text(rec.slice(4, 20)),
      companyId: text(rec.slice(40, 50)),
      description: text(rec.slice(53, 63)),
      effectiveDate,
      batchNumber,
      records: 0,
      hash: 0n,
      debit: 0n,
      credit: 0n,
    };
    this.file.batches++;
  }

  private entryDetail(rec: string): void {
    const batch = this.batch;
    if (!batch) this.fail('entry detail (6) record outside a batch (no batch header 5 record before it)');
    this.finishEntry();
    const txCode = rec.slice(1, 3);
    const direction: Direction | null = CREDIT_CODES.has(txCode) ? 'CRDT' : DEBIT_CODES.has(txCode) ? 'DBIT' : null;
    if (!direction) this.fail(`unknown transaction code "${txCode}"`);
    const cents = rec.slice(29, 39);
    if (!/^\d{10}$/.test(cents)) this.fail(`non-numeric amount "${cents}"`);
    const rdfi = numeric(rec.slice(3, 11));
    if (rdfi === null) this.warn(`non-numeric receiving DFI id "${rec.slice(3, 11)}" left out of the entry hash`);
    else batch.hash += rdfi;
    const amount = BigInt(cents);
    if (direction === 'CRDT') batch.credit += amount;
    else batch.debit += amount;
    batch.records++;

    const iat = batch.sec === 'IAT';
    this.entry = {
      line: this.recordNo,
      txCode,
      direction,
      cents,
      account: text(iat ? rec.slice(39, 74) : rec.slice(12, 29)),
      idNumber: iat ? null : text(rec.slice(39, 54)),
      name: iat ? null : text(batch.sec === 'CTX' ? rec.slice(58, 74) : rec.slice(54, 76)),
      trace: text(rec.slice(79, 94)),
      paymentInfo: [],
      returns: [],
      noc: null,
      originatorName: null,
      extra: [],
    };
  }

  private addenda(rec: string): void {
    const e = this.entry;
    if (!this.batch || !e) {
      this.warn('addenda (7) record without an entry detail record ignored');
      return;
    }
    this.batch.records++;
    const kind = rec.slice(1, 3);
    switch (kind) {
      case '05':
        e.paymentInfo.push(rec.slice(3, 83));
        return;
      case '99':
        e.returns.push(this.returnAddenda(rec));
        return;
      case '98': {
        const code = rec.slice(3, 6);
        if (!VALID_CHANGE_CODE.test(code)) {
          this.fail(`invalid change code "${code.trim()}" in notification of change (expected C01–C14 or C61–C69)`);
        }
        const corrected = rec.slice(35, 64).trim();
        const originalTrace = text(rec.slice(6, 21));
        e.noc = {
          code,
          originalTrace,
          text: `NOC ${code}: corrected data "${corrected}"${originalTrace ? ` (original trace ${originalTrace})` : ''}`,
        };
        return;
      }
      case '02':
        e.extra.push(`Terminal: ${rec.slice(3, 83).replace(/\s+/g, ' ').trim()}`);
        return;
      case '10': {
        const receiver = text(rec.slice(46, 81));
        if (receiver) e.extra.push(`Receiver name: ${receiver}`);
        return;
      }
      case '11':
        e.originatorName = text(rec.slice(3, 38));
        return;
      default:
        if (!/^1[2-8]$/.test(kind)) this.warn(`unknown addenda type "${kind}" ignored`);
    }
  }

  private returnAddenda(rec: string): ReturnInfo {
    const code = rec.slice(3, 6);
    if (!/^R\d\d$/.test(code)) this.warn(`malformed return reason code "${code}"`);
    const n = Number(code.slice(1));
    const originalTrace = text(rec.slice(6, 21));
    const rdfi = text(rec.slice(27, 35));
    const parts: string[] = [];
    let label = 'Return';
    if (n >= 61 && n <= 69) {
      label = 'Dishonored return';
      const returnTrace = text(rec.slice(38, 53));
      const returnReason = text(rec.slice(56, 58));
      if (returnTrace) parts.push(`return trace ${returnTrace}`);
      if (returnReason) parts.push(`return reason R${returnReason}`);
      const info = text(rec.slice(58, 79));
      if (info) parts.push(info);
    } else if (n >= 70 && n <= 77) {
      label = 'Contested dishonored return';
      const returnTrace = text(rec.slice(38, 53));
      const returnReason = text(rec.slice(56, 58));
      const dishonoredTrace = text(rec.slice(58, 73));
      const dishonoredReason = text(rec.slice(76, 78));
      if (returnTrace) parts.push(`return trace ${returnTrace}`);
      if (returnReason) parts.push(`return reason R${returnReason}`);
      if (dishonoredTrace) parts.push(`dishonored return trace ${dishonoredTrace}`);
      if (dishonoredReason) parts.push(`dishonored return reason R${dishonoredReason}`);
    } else {
      const info = text(rec.slice(35, 79));
      if (info) parts.push(info);
    }
    if (originalTrace) parts.unshift(`original trace ${originalTrace}`);
    if (rdfi) parts.push(`original RDFI ${rdfi}`);
    return { code, originalTrace, text: `${label} ${code}${parts.length ? ` (${parts.join(', ')})` : ''}` };
  }

  private finishEntry(): void {
    const e = this.entry;
    const batch = this.batch;
    if (!e || !batch) return;
    this.entry = null;

    let addendaText = '';
    e.paymentInfo.forEach((info, i) => {
      const piece = info.replace(/\s+$/, '');
      // a full 80-character segment continues in the next addenda (long remittance split mid-word)
      const glued = i > 0 && !/\s$/.test(e.paymentInfo[i - 1]) && e.paymentInfo[i - 1].length >= 80;
      addendaText += i === 0 || glued ? piece : ` ${piece}`;
    });
    const remittance = [batch.description, addendaText.trim()].filter((s) => s && s.length > 0).join(' ');
    const lastReturn = e.returns.length > 0 ? e.returns[e.returns.length - 1] : null;

    const info: string[] = [];
    if (e.name) info.push(`Receiver name: ${e.name}`);
    if (e.idNumber) info.push(`Identification: ${e.idNumber}`);
    if (PRENOTE_CODES.has(e.txCode)) info.push('Prenotification (zero-dollar)');
    for (const r of e.returns) info.push(r.text);
    if (e.noc) info.push(e.noc.text);
    info.push(...e.extra);

    const entry: ParsedEntry = {
      index: this.entryCount++,
      direction: e.direction,
      amount: { amount: centsToDecimal(e.cents), currency: 'USD' },
      bookingDate: batch.effectiveDate,
      valueDate: batch.effectiveDate,
      status: 'BOOK',
      bankReference: e.trace,
      // trace numbers repeat across days and files: unique only with the effective date and batch
      strongReference: e.trace ? `${batch.effectiveDate ?? '?'}/${batch.batchNumber}/${e.trace}` : null,
      endToEndId: null,
      uetr: null,
      remitterName: e.originatorName ?? batch.companyName,
      remitterAccount: batch.companyId,
      remitterBic: null,
      creditedAccount: e.account,
      remittanceUnstructured: remittance.length > 0 ? remittance : null,
      remittanceStructured: null,
      instructedAmount: null,
      charges: null,
      bankTransactionCode: `ACH:${batch.sec}:${e.txCode}`,
      rail: 'ACH',
      // returns, and reversing entries (NACHA requires the description "REVERSAL" on those)
      reversal: lastReturn !== null || batch.description === 'REVERSAL',
      returnReasonCode: lastReturn?.code ?? null,
      originalReference: lastReturn?.originalTrace ?? e.noc?.originalTrace ?? null,
      changeCode: e.noc?.code ?? null,
      location: `line ${e.line}`,
      additionalInfo: info.length > 0 ? info.join('; ') : null,
    };
    this.out.push({ type: 'entry', entry });
  }

  private batchControl(rec: string): void {
    this.finishEntry();
    const batch = this.batch;
    if (!batch) {
      this.warn('batch control (8) record without a batch header ignored');
      return;
    }
    this.batch = null;
    this.addToFile(batch);
    const label = `batch ${batch.batchNumber || '?'} (line ${batch.line})`;
    const count = numeric(rec.slice(4, 10));
    const hash = numeric(rec.slice(10, 20));
    const debit = numeric(rec.slice(20, 32));
    const credit = numeric(rec.slice(32, 44));
    if (count === null || hash === null || debit === null || credit === null) {
      this.warn(`${label}: unreadable batch control totals`);
      return;
    }
    if (count !== BigInt(batch.records)) {
      this.warn(`${label}: batch control says ${count} entry/addenda records, read ${batch.records}`);
    }
    if (hash !== batch.hash % HASH_MODULUS) {
      this.warn(`${label}: batch control entry hash ${hash} ≠ ${batch.hash % HASH_MODULUS} computed`);
    }
    if (debit !== batch.debit) {
      this.warn(`${label}: batch control total debits ${dollars(debit)} ≠ ${dollars(batch.debit)} read`);
    }
    if (credit !== batch.credit) {
      this.warn(`${label}: batch control total credits ${dollars(credit)} ≠ ${dollars(batch.credit)} read`);
    }
  }

  private addToFile(batch: Batch): void {
    this.file.records += batch.records;
    this.file.hash += batch.hash;
    this.file.debit += batch.debit;
    this.file.credit += batch.credit;
  }

  private fileControl(rec: string): void {
    this.finishEntry();
    if (this.batch) {
      this.warn(`batch ${this.batch.batchNumber} (line ${this.batch.line}) has no batch control (8) record`);
      this.addToFile(this.batch);
      this.batch = null;
    }
    this.fileControlSeen = true;
    const batches = numeric(rec.slice(1, 7));
    const records = numeric(rec.slice(13, 21));
    const hash = numeric(rec.slice(21, 31));
    const debit = numeric(rec.slice(31, 43));
    const credit = numeric(rec.slice(43, 55));
    if (batches === null || records === null || hash === null || debit === null || credit === null) {
      this.warn('unreadable file control totals');
      return;
    }
    const f = this.file;
    if (batches !== BigInt(f.batches)) this.warn(`file control says ${batches} batches, read ${f.batches}`);
    if (records !== BigInt(f.records)) {
      this.warn(`file control says ${records} entry/addenda records, read ${f.records}`);
    }
    if (hash !== f.hash % HASH_MODULUS)
      this.warn(`file control entry hash ${hash} ≠ ${f.hash % HASH_MODULUS} computed`);
    if (debit !== f.debit) this.warn(`file control total debits ${dollars(debit)} ≠ ${dollars(f.debit)} read`);
    if (credit !== f.credit) this.warn(`file control total credits ${dollars(credit)} ≠ ${dollars(f.credit)} read`);
  }

  end(): void {
    if (!this.headerSeen) {
      throw new StatementParseError('file without a file header (1) record: no records', 'line 1', this.fileName);
    }
    this.finishEntry();
    if (this.batch) {
      this.warn(`batch ${this.batch.batchNumber} (line ${this.batch.line}) has no batch control (8) record`);
      this.batch = null;
    }
    if (!this.fileControlSeen) this.warnings.push('file has no file control (9) record');
    if (this.shortRecords > 0) {
      this.warnings.push(
        `${this.shortRecords} record(s) shorter than 94 characters were padded with spaces (first at line ${this.firstShort})`,
      );
    }
    if (this.longRecords > 0) {
      this.warnings.push(
        `${this.longRecords} record(s) longer than 94 characters (first at line ${this.firstLong}); fields read by position`,
      );
    }
    this.out.push({
      type: 'statement-end',
      closingBalance: null,
      balanced: null,
      entryCount: this.entryCount,
      warnings: this.warnings,
    });
  }
}

/**
 * Reads a NACHA ACH file as one statement: header, one entry per 6 record, statement-end with
 * batch/file control mismatches as warnings.
 */
export async function* readNacha(
  input: ByteChunks,
  fileName?: string,
  options: NachaOptions = {},
): AsyncGenerator<StatementEvent> {
  const reader = new NachaReader(fileName ?? null, options);
  const splitter = new RecordSplitter();
  const report: DecodeReport = { encoding: 'utf8', switchedAt: null };
  const out = reader.out;
  let switchNoted = false;
  for await (const chunk of decodeText(input, options, report)) {
    if (report.switchedAt !== null && !switchNoted) {
      switchNoted = true;
      reader.warnings.push(encodingSwitchWarning(report.switchedAt));
    }
    for (const rec of splitter.push(chunk)) {
      reader.record(rec);
      if (out.length > 0) {
        for (const event of out) yield event;
        out.length = 0;
      }
    }
  }
  for (const rec of splitter.end()) {
    reader.record(rec);
    if (out.length > 0) {
      for (const event of out) yield event;
      out.length = 0;
    }
  }
  if (report.switchedAt !== null && !switchNoted) reader.warnings.push(encodingSwitchWarning(report.switchedAt));
  reader.end();
  for (const event of out) yield event;
  out.length = 0;
}
