import Decimal from 'decimal.js';
import { plural } from '@remitd/core';
import {
  StatementParseError,
  type AmountValue,
  type BalanceValue,
  type Direction,
  type ParsedEntry,
  type Rail,
} from '../statement.model';
import { DEFAULT_PARSER_LIMITS, type ParserLimits } from '../parser-limits';
import type { ByteChunks, StatementEvent, StatementHeader } from '../statement-events';
import {
  emptyDetails,
  looksLikeBic,
  looksLikeIban,
  normalizeAmount,
  parseCurrencyAmount,
  parseField86,
  splitSlashTags,
  type Field86Details,
} from './mt940-field86';
import {
  decodeText,
  encodingSwitchWarning,
  LineSplitter,
  type DecodeOptions,
  type DecodeReport,
} from './text-decoding';
import { DecimalSum } from '../decimal-sum';

/**
 * SWIFT MT940 (customer statement) and MT942 (interim report) reader.
 *
 * Streams line by line: only the unfinished line, the open statement's totals and the
 * statement line (:61: + its :86:) being read are kept. Tolerates the usual bank dialects:
 * SWIFT block wrappers `{1:..}{2:..}{4:` / `-}`, SOH/ETX framing bytes, free-text header lines
 * before the first tag, `:NS:` fields, CRLF/LF/CR, blank lines, `-` separator lines, several
 * statements per file (each `:20:` opens one), UTF-8 or Latin-1/Latin-2 text.
 */
export type Mt940Options = DecodeOptions & { limits?: ParserLimits };

/** Tags we read; any other `:xx:` line is text (inside :86:) or an ignored header line. */
const KNOWN_TAGS = new Set([
  '20',
  '21',
  '25',
  '28',
  '28C',
  '60F',
  '60M',
  '61',
  '62F',
  '62M',
  '64',
  '65',
  '86',
  'NS',
  '13',
  '13D',
  '34F',
  '90D',
  '90C',
]);
const TAG_LINE_RE = /^:([0-9]{2}[A-Z]?|NS):/;
/** any tag-shaped line, known or not (":12:", ":9401:") */
const ANY_TAG_RE = /^:[0-9A-Z]{2,5}:/;

/**
 * Rail by the 3-letter SWIFT transaction type identification code of :61: (NTRF → TRF).
 * Anything not listed is a transfer: SEPA when the details carry SEPA markers, else SWIFT.
 */
const RAIL_BY_TYPE_CODE: Readonly<Record<string, Rail>> = {
  CHK: 'CHEQUE', // cheque
  TCK: 'CHEQUE', // travellers cheque
  CSH: 'CASH', // cash (bank-specific but common)
  CAS: 'CASH',
  CHG: 'OTHER', // charges
  COM: 'OTHER', // commission
  INT: 'OTHER', // interest
};

/** customer references (:61: subfield 7) that say "see field 86" rather than identify anything */
const PLACEHOLDER_REFS = new Set(['NONREF', 'NOREF', 'NOTPROVIDED', 'EREF', 'PREF', 'KREF', 'MARF']);

/** value date, optional entry date, mark, optional funds code, amount, rest */
const LINE61_RE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+(?:[,.]\d*)?)(.*)$/;
const BALANCE_RE = /^([CD])(\d{6})([A-Z]{3})(\d+(?:[,.]\d*)?)$/;
const TOTAL90_RE = /^(\d+)([A-Z]{3})(\d+(?:[,.]\d*)?)$/;

interface Totals90 {
  count: number;
  currency: string;
  amount: string;
  line: number;
}

interface OpenStatement {
  line: number;
  ref20: string;
  seq: string | null;
  account: string | null;
  accountLine: number | null;
  accountCurrency: string | null;
  servicerBic: string | null;
  createdAt: string | null;
  opening: BalanceValue | null;
  closing: BalanceValue | null;
  mt942: boolean;
  headerEmitted: boolean;
  entryCount: number;
  net: DecimalSum;
  credits: { count: number; sum: DecimalSum };
  debits: { count: number; sum: DecimalSum };
  totals90: { C: Totals90 | null; D: Totals90 | null };
  /** customer references already given out as bankReference in this statement */
  customerRefs: Set<string>;
  warnings: string[];
}

interface OpenEntry {
  line: number;
  valueDate: string | null;
  bookingDate: string | null;
  mark: 'C' | 'D' | 'RC' | 'RD';
  amount: string;
  typeCode: string | null;
  customerRef: string | null;
  bankRef: string | null;
  supplementary: string[];
  field86: string[] | null;
  ns: string[];
}

type Continuation = '61' | '86' | 'NS' | null;

// ---------------------------------------------------------------------------------------------
// dates

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1];
}

function fullYear(yy: number): number {
  return yy < 80 ? 2000 + yy : 1900 + yy;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYMMDD → YYYY-MM-DD, null for impossible dates (30 February) */
function yymmdd(s: string): string | null {
  return isoDate(fullYear(Number(s.slice(0, 2))), Number(s.slice(2, 4)), Number(s.slice(4, 6)));
}

/** :61: entry date MMDD, in the year of the value date unless it crosses a year end. */
function entryDate(mmdd: string, valueYymmdd: string): string | null {
  const valueYear = fullYear(Number(valueYymmdd.slice(0, 2)));
  const valueMonth = Number(valueYymmdd.slice(2, 4));
  const month = Number(mmdd.slice(0, 2));
  let year = valueYear;
  if (month - valueMonth > 6)
    year -= 1; // value 0102, booked 1231 of the year before
  else if (valueMonth - month > 6) year += 1; // value 1231, booked 0102 of the next year
  return isoDate(year, month, Number(mmdd.slice(2, 4)));
}

// ---------------------------------------------------------------------------------------------
// small field parsers

/** IBAN mod-97 check, so "NL77INGB0574908765EUR" can be told apart from an IBAN ending in letters. */
function ibanChecksumOk(iban: string): boolean {
  if (!looksLikeIban(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const dg of digits) rem = (rem * 10 + (dg.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/**
 * :25: account identification variants: "IBAN", "IBAN EUR", "IBANEUR" (ING), "BIC/account",
 * "BIC/account/EUR", "BLZ/account" (kept whole: the bank code is part of the account id).
 */
function parseAccount(raw: string): { account: string; bic: string | null; currency: string | null } {
  let value = raw.trim();
  let currency: string | null = null;
  let bic: string | null = null;
  const slash = value.indexOf('/');
  if (slash > 0) {
    const prefix = value.slice(0, slash).trim();
    if (looksLikeBic(prefix)) {
      bic = prefix;
      value = value.slice(slash + 1).trim();
    }
  }
  const ccySuffix = /^(.+?)(?:\s+|\/)([A-Z]{3})$/.exec(value);
  if (ccySuffix) {
    value = ccySuffix[1].trim();
    currency = ccySuffix[2];
  } else {
    const glued = /^([A-Z]{2}\d{2}[A-Z0-9]+?)([A-Z]{3})$/.exec(value);
    if (glued && ibanChecksumOk(glued[1]) && !ibanChecksumOk(value)) {
      value = glued[1];
      currency = glued[2];
    }
  }
  return { account: value, bic, currency };
}

/** :13D: YYMMDDhhmm±hhmm → ISO timestamp */
function dateTime13D(raw: string): string | null {
  const m = /^(\d{6})(\d{2})(\d{2})([+-]\d{2})(\d{2})?$/.exec(raw.trim());
  if (!m) return null;
  const day = yymmdd(m[1]);
  if (!day) return null;
  return `${day}T${m[2]}:${m[3]}:00${m[4]}:${m[5] ?? '00'}`;
}

function sameTotal(a: DecimalSum, b: string): boolean {
  return new Decimal(a.toFixed()).eq(new Decimal(b));
}

// ---------------------------------------------------------------------------------------------

/** Sniffs the start of a file: 'mt940' / 'mt942' when it holds SWIFT statement tags, else null. */
export function detectMt940(head: string): 'mt940' | 'mt942' | null {
  const text = head.replace(/[\x01\x03]/g, '');
  if (/\{2:[IO]942/.test(text)) return 'mt942';
  if (/\{2:[IO]940/.test(text)) return 'mt940';
  if (!/(^|[\r\n]|\{4:)\s*:20:/.test(text)) return null;
  if (!/^\s*:(25|28C?|60[FM]|61|13D|34F):/m.test(text)) return null;
  const has942 = /^\s*:(13D|34F):/m.test(text);
  const has940 = /^\s*:60[FM]:/m.test(text);
  return has942 && !has940 ? 'mt942' : 'mt940';
}

class Mt940Reader {
  readonly out: StatementEvent[] = [];
  private lineNo = 0;
  private stmt: OpenStatement | null = null;
  private entry: OpenEntry | null = null;
  private continuation: Continuation = null;
  private pendingDash: string | null = null;
  private seenStatement = false;
  private fileWarnings: string[] = [];
  /** from SWIFT block 2 / header lines, applied to the next statement */
  private formatHint: 'mt940' | 'mt942' | null = null;
  private bicHint: string | null = null;

  constructor(private readonly fileName: string | null) {}

  private fail(reason: string, line: number = this.lineNo): never {
    throw new StatementParseError(reason, `line ${line}`, this.fileName);
  }

  warn(message: string): void {
    if (this.stmt) this.stmt.warnings.push(message);
    else this.fileWarnings.push(message);
  }

  line(raw: string): void {
    this.lineNo++;
    let line = raw;
    if (/[\x00-\x1f]/.test(line)) line = line.replace(/\t/g, ' ').replace(/[\x00-\x1f]/g, '');
    const trimmed = line.trim();
    if (trimmed.length === 0) return;

    if (this.pendingDash !== null) {
      const dash = this.pendingDash;
      this.pendingDash = null;
      // a real "-" separator is followed by the next message (":20:", "{1:", header lines) or
      // the end of the file; text or a statement field after it means the "-" was field text
      const tag = TAG_LINE_RE.exec(trimmed);
      const knownTag = tag !== null && KNOWN_TAGS.has(tag[1]) ? tag[1] : null;
      const isText = !trimmed.startsWith('{') && !trimmed.startsWith('-') && knownTag === null;
      if (isText || (knownTag !== null && knownTag !== '20')) this.continue(dash);
      else this.endStatement();
    }
    this.handle(line, trimmed);
  }

  private handle(line: string, trimmed: string): void {
    if (trimmed.startsWith('{')) return this.block(trimmed);
    if (trimmed.startsWith('-')) {
      // "-" ends a message; but a lone "-" can also be a wrapped character inside :86: text
      if (!trimmed.startsWith('-}') && this.entry && this.continuation) {
        this.pendingDash = trimmed;
        return;
      }
      this.endStatement();
      // "-}{5:...}{1:...}{2:...}{4:": the next message's blocks on the same line
      const next = trimmed.indexOf('{1:');
      if (next !== -1) this.block(trimmed.slice(next));
      return;
    }
    const tag = TAG_LINE_RE.exec(trimmed);
    if (tag && KNOWN_TAGS.has(tag[1])) return this.field(tag[1], trimmed.slice(tag[0].length));
    if (this.stmt && this.continuation) return this.continue(line.trimEnd());
    if (!this.stmt) {
      // header lines before a statement ("ABNANL2A", "940", ":940:", "0000 01INGBNL2AXXXX00001", free text)
      if (looksLikeBic(trimmed)) this.bicHint = trimmed;
      else if (/^:?94[02]:?$/.test(trimmed)) this.formatHint = trimmed.includes('942') ? 'mt942' : 'mt940';
      else if (ANY_TAG_RE.test(trimmed))
        this.warn(`line ${this.lineNo}: ignored unknown tag line "${trimmed.slice(0, 40)}" outside a statement`);
      return;
    }
    // text after a field that takes no continuation (e.g. a wrapped :28C:): ignored
    if (ANY_TAG_RE.test(trimmed)) this.warn(`line ${this.lineNo}: ignored unknown tag line "${trimmed.slice(0, 40)}"`);
  }

  private block(trimmed: string): void {
    this.endStatement();
    const kind = /\{2:[IO](9\d\d)/.exec(trimmed);
    if (kind) this.formatHint = kind[1] === '942' ? 'mt942' : 'mt940';
    const lt = /\{1:F\d\d([A-Z]{6}[A-Z0-9]{2})[A-Z0-9]([A-Z0-9]{3})/.exec(trimmed);
    if (lt) this.bicHint = lt[2] === 'XXX' ? lt[1] : lt[1] + lt[2];
    const body = trimmed.indexOf('{4:');
    if (body !== -1) {
      const rest = trimmed.slice(body + 3).trim();
      if (rest.length > 0 && !rest.startsWith('-')) this.handle(rest, rest);
    }
  }

  private continue(text: string): void {
    const e = this.entry;
    if (!e) return; // statement-level :86:/:NS: text
    if (this.continuation === '61') e.supplementary.push(text);
    else if (this.continuation === '86') e.field86?.push(text);
    else if (this.continuation === 'NS') e.ns.push(text);
  }

  private requireStatement(tag: string): OpenStatement {
    if (!this.stmt) this.fail(`field :${tag}: before any :20: (statement reference)`);
    return this.stmt;
  }

  private field(tag: string, value: string): void {
    const v = value.trimEnd();
    this.continuation = null;
    switch (tag) {
      case '20':
        this.endStatement();
        this.openStatement(v.trim());
        return;
      case '21':
        this.requireStatement(tag);
        this.finishEntry();
        return;
      case '25': {
        const s = this.requireStatement(tag);
        this.finishEntry();
        if (s.account !== null || s.entryCount > 0) {
          this.fail(
            `second :25: in the statement opened by :20: at line ${s.line} (previous :25: at line ${s.accountLine ?? '?'})`,
          );
        }
        const acc = parseAccount(v);
        s.account = acc.account;
        s.accountLine = this.lineNo;
        if (acc.bic) s.servicerBic = acc.bic;
        if (acc.currency && !s.accountCurrency) s.accountCurrency = acc.currency;
        return;
      }
      case '28':
      case '28C': {
        const s = this.requireStatement(tag);
        this.finishEntry();
        s.seq = v.trim() || null;
        return;
      }
      case '60F':
      case '60M': {
        const s = this.requireStatement(tag);
        this.finishEntry();
        if (s.headerEmitted) {
          s.warnings.push(`line ${this.lineNo}: opening balance :${tag}: after the statement lines ignored`);
          return;
        }
        s.opening = this.balance(tag, v);
        s.accountCurrency = s.opening.currency;
        return;
      }
      case '62F':
      case '62M': {
        const s = this.requireStatement(tag);
        this.finishEntry();
        s.closing = this.balance(tag, v);
        if (!s.accountCurrency) s.accountCurrency = s.closing.currency;
        return;
      }
      case '64':
      case '65':
        this.requireStatement(tag);
        this.finishEntry();
        return;
      case '13':
      case '13D': {
        const s = this.requireStatement(tag);
        this.finishEntry();
        s.mt942 = true;
        s.createdAt = dateTime13D(v);
        if (!s.createdAt) s.warnings.push(`line ${this.lineNo}: unreadable :${tag}: date-time "${v.trim()}"`);
        return;
      }
      case '34F': {
        const s = this.requireStatement(tag);
        this.finishEntry();
        s.mt942 = true;
        const ccy = /^([A-Z]{3})/.exec(v.trim());
        if (ccy && !s.accountCurrency) s.accountCurrency = ccy[1];
        return;
      }
      case '90D':
      case '90C': {
        const s = this.requireStatement(tag);
        this.finishEntry();
        s.mt942 = true;
        const m = TOTAL90_RE.exec(v.trim());
        if (!m) {
          s.warnings.push(`line ${this.lineNo}: unreadable :${tag}: total "${v.trim()}"`);
          return;
        }
        const total = { count: Number(m[1]), currency: m[2], amount: normalizeAmount(m[3]), line: this.lineNo };
        if (tag === '90D') s.totals90.D = total;
        else s.totals90.C = total;
        if (!s.accountCurrency) s.accountCurrency = m[2];
        return;
      }
      case '61':
        this.statementLine(v);
        this.continuation = '61';
        return;
      case '86':
        if (this.entry) {
          if (this.entry.field86) this.entry.field86.push(v);
          else this.entry.field86 = [v];
        }
        this.continuation = '86';
        return;
      case 'NS':
        if (this.entry) this.entry.ns.push(v);
        this.continuation = 'NS';
        return;
    }
  }

  private openStatement(ref: string): void {
    this.seenStatement = true;
    this.stmt = {
      line: this.lineNo,
      ref20: ref,
      seq: null,
      account: null,
      accountLine: null,
      accountCurrency: null,
      servicerBic: this.bicHint,
      createdAt: null,
      opening: null,
      closing: null,
      mt942: this.formatHint === 'mt942',
      headerEmitted: false,
      entryCount: 0,
      net: new DecimalSum(),
      credits: { count: 0, sum: new DecimalSum() },
      debits: { count: 0, sum: new DecimalSum() },
      totals90: { C: null, D: null },
      customerRefs: new Set(),
      warnings: this.fileWarnings,
    };
    this.fileWarnings = [];
  }

  private balance(tag: string, value: string): BalanceValue {
    const m = BALANCE_RE.exec(value.trim());
    if (!m) this.fail(`malformed balance :${tag}:${value.trim()} (expected C/D mark, YYMMDD, currency, amount)`);
    const amount = normalizeAmount(m[4]);
    const date = yymmdd(m[2]);
    if (!date) this.warn(`line ${this.lineNo}: impossible balance date ${m[2]} in :${tag}:`);
    const zero = new Decimal(amount).isZero();
    return { amount, currency: m[3], signedAmount: m[1] === 'D' && !zero ? `-${amount}` : amount, date };
  }

  private statementLine(value: string): void {
    const s = this.stmt;
    if (!s || s.account === null) this.fail(':61: statement line before :20: and :25: (no statement or account open)');
    this.finishEntry();
    const text = value.trim();
    const m = LINE61_RE.exec(text);
    if (!m) this.fail(`:61: does not match value date, C/D mark and amount: "${text.slice(0, 60)}"`);
    const valueDate = yymmdd(m[1]);
    if (!valueDate) s.warnings.push(`line ${this.lineNo}: impossible value date ${m[1]} in :61:`);
    const bookingDate = m[2] ? entryDate(m[2], m[1]) : valueDate;
    if (m[2] && !bookingDate) s.warnings.push(`line ${this.lineNo}: impossible entry date ${m[2]} in :61:`);

    let rest = m[6];
    let typeCode: string | null = null;
    if (/^(N[A-Z0-9]{3}|F[A-Z0-9]{3}|S[0-9 ]{3})/.test(rest) && !rest.startsWith('NONREF')) {
      typeCode = rest.slice(0, 4).trim();
      rest = rest.slice(4);
    }
    const sep = rest.indexOf('//');
    const customerRef = (sep === -1 ? rest : rest.slice(0, sep)).trim() || null;
    const bankRef = sep === -1 ? null : rest.slice(sep + 2).trim() || null;

    this.entry = {
      line: this.lineNo,
      valueDate,
      bookingDate,
      mark: m[3] as OpenEntry['mark'],
      amount: normalizeAmount(m[5]),
      typeCode,
      customerRef,
      bankRef,
      supplementary: [],
      field86: null,
      ns: [],
    };
  }

  private emitHeader(s: OpenStatement): void {
    if (s.headerEmitted) return;
    s.headerEmitted = true;
    if (s.account === null) s.warnings.push(`statement :20:${s.ref20} (line ${s.line}) has no :25: account`);
    let statementId = s.ref20;
    if (s.seq !== null) {
      statementId += `/${s.seq}`;
      // banks that never number their statements (":28C:0") would give every statement the same id
      if (!/[1-9]/.test(s.seq) && s.opening?.date) statementId += `/${s.opening.date}`;
    }
    // ING writes the currency right after the IBAN (":25:NL..1234EUR"); strip it once :60F: confirms it
    if (s.account && s.accountCurrency && s.account.endsWith(s.accountCurrency)) {
      const bare = s.account.slice(0, -3);
      if (/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(bare) && /\d$/.test(bare)) s.account = bare;
    }
    const header: StatementHeader = {
      format: s.mt942 ? 'mt942' : 'mt940',
      messageId: s.ref20,
      statementId,
      sequenceNumber: s.seq,
      account: s.account ?? '',
      accountCurrency: s.accountCurrency,
      servicerBic: s.servicerBic,
      createdAt: s.createdAt,
      fromDate: s.opening?.date ?? null,
      toDate: s.entryCount === 0 ? (s.closing?.date ?? null) : null,
      openingBalance: s.opening,
      closingBalance: s.entryCount === 0 ? s.closing : null,
      // the complete list comes with statement-end
      warnings: [],
    };
    this.out.push({ type: 'statement', header });
  }

  private finishEntry(): void {
    const e = this.entry;
    const s = this.stmt;
    if (!e || !s) return;
    this.entry = null;
    this.emitHeader(s);

    const details: Field86Details = e.field86 ? parseField86(e.field86) : emptyDetails();
    if (e.supplementary.length > 0) {
      const pairs = splitSlashTags(e.supplementary.join(''));
      if (pairs) {
        for (const [tag, raw] of pairs) {
          if (tag === 'OCMT' && !details.instructedAmount) details.instructedAmount = parseCurrencyAmount(raw);
          if (tag === 'CHGS' && !details.charges) details.charges = parseCurrencyAmount(raw);
        }
      } else if (!details.remitterAccount && e.supplementary.length === 1) {
        const candidate = e.supplementary[0].trim().replace(/\s+/g, '');
        if (looksLikeIban(candidate)) details.remitterAccount = candidate; // Rabobank: counter account
      }
    }

    const direction: Direction = e.mark === 'C' || e.mark === 'RD' ? 'CRDT' : 'DBIT';
    const reversal = e.mark === 'RC' || e.mark === 'RD';
    const currency = s.accountCurrency ?? 'XXX';
    if (!s.accountCurrency && s.entryCount === 0) {
      s.warnings.push(
        `line ${e.line}: statement currency unknown before the first :61: (no :60F:/:34F:); entries use XXX`,
      );
    }
    const amount: AmountValue = { amount: e.amount, currency };
    const typeKey = e.typeCode && e.typeCode.length === 4 ? e.typeCode.slice(1) : '';
    const rail: Rail = RAIL_BY_TYPE_CODE[typeKey] ?? (details.sepa ? 'SEPA' : 'SWIFT');
    // without a bank reference after "//", the customer reference stands in, unless it is a
    // placeholder ("NONREF", Rabobank's "EREF"/"PREF") or already used by an earlier entry of this
    // statement (customer references need not be unique; bank references are)
    let bankReference = e.bankRef;
    const customerRef = e.customerRef;
    if (!bankReference && customerRef && customerRef.length > 1 && !PLACEHOLDER_REFS.has(customerRef.toUpperCase())) {
      if (!s.customerRefs.has(customerRef)) {
        s.customerRefs.add(customerRef);
        bankReference = customerRef;
      }
    }

    const info: string[] = [];
    // every :86: line was stored with its trailing blanks cut (field, continue)
    if (e.field86) info.push(e.field86.join('\n'));
    if (e.supplementary.length > 0) info.push(e.supplementary.join('\n'));
    if (e.ns.length > 0) info.push(e.ns.join('\n'));
    const additionalInfo = info.join('\n').trim();

    const entry: ParsedEntry = {
      index: s.entryCount,
      direction,
      amount,
      bookingDate: e.bookingDate,
      valueDate: e.valueDate,
      status: 'BOOK',
      bankReference,
      strongReference: e.bankRef, // the customer reference repeats (monthly invoice numbers…)
      endToEndId: details.endToEndId,
      uetr: details.uetr,
      remitterName: details.remitterName,
      remitterAccount: details.remitterAccount,
      remitterBic: details.remitterBic,
      creditedAccount: null,
      remittanceUnstructured: details.remittanceUnstructured,
      remittanceStructured: details.remittanceStructured,
      instructedAmount: details.instructedAmount,
      charges: details.charges,
      bankTransactionCode: e.typeCode || null,
      rail,
      reversal,
      returnReasonCode: details.returnReasonCode,
      originalReference: null,
      changeCode: null,
      location: `line ${e.line}`,
      additionalInfo: additionalInfo.length > 0 ? additionalInfo : null,
    };

    s.entryCount++;
    if (direction === 'CRDT') {
      s.net.add(e.amount);
      s.credits.count++;
      s.credits.sum.add(e.amount);
    } else {
      s.net.add(e.amount, true);
      s.debits.count++;
      s.debits.sum.add(e.amount);
    }
    this.out.push({ type: 'entry', entry });
  }

  private endStatement(): void {
    this.continuation = null;
    const s = this.stmt;
    if (!s) return;
    this.finishEntry();
    this.emitHeader(s);
    this.stmt = null;
    this.bicHint = null;
    this.formatHint = null;

    let balanced: boolean | null = null;
    if (s.opening && s.closing) {
      const net = s.net.toFixed();
      balanced = new Decimal(s.opening.signedAmount).plus(net).eq(new Decimal(s.closing.signedAmount));
      if (!balanced) {
        const expected = new Decimal(s.opening.signedAmount).plus(net).toFixed();
        s.warnings.push(
          `opening ${s.opening.signedAmount} + entries ${net} = ${expected}, but the closing balance is ${s.closing.signedAmount}`,
        );
      }
    }
    for (const [mark, actual] of [
      ['D', s.debits],
      ['C', s.credits],
    ] as const) {
      const total = s.totals90[mark];
      if (!total) continue;
      if (total.count !== actual.count || !sameTotal(actual.sum, total.amount)) {
        s.warnings.push(
          `line ${total.line}: :90${mark}: says ${plural(total.count, 'entry', 'entries')} totalling ${total.amount}, read ${actual.count} totalling ${actual.sum.toFixed()}`,
        );
      }
    }
    this.out.push({
      type: 'statement-end',
      closingBalance: s.closing,
      balanced,
      entryCount: s.entryCount,
      warnings: s.warnings,
    });
  }

  end(): void {
    if (this.pendingDash !== null) this.pendingDash = null;
    this.endStatement();
    if (!this.seenStatement) {
      throw new StatementParseError('no :20: field found: not an MT940/MT942 statement', 'line 1', this.fileName);
    }
  }
}

/**
 * Reads an MT940/MT942 file as a stream of statement events.
 * @param options.encoding 'auto' (default: UTF-8, falling back to Latin-1), 'utf8', 'latin1', 'latin2'
 */
export async function* readMt940(
  input: ByteChunks,
  fileName?: string,
  options: Mt940Options = {},
): AsyncGenerator<StatementEvent> {
  const reader = new Mt940Reader(fileName ?? null);
  const splitter = new LineSplitter((options.limits ?? DEFAULT_PARSER_LIMITS).maxLineLength, fileName ?? null);
  const report: DecodeReport = { encoding: 'utf8', switchedAt: null };
  const out = reader.out;
  let switchNoted = false;
  for await (const text of decodeText(input, options, report)) {
    if (report.switchedAt !== null && !switchNoted) {
      switchNoted = true;
      reader.warn(encodingSwitchWarning(report.switchedAt));
    }
    for (const line of splitter.push(text)) {
      reader.line(line);
      if (out.length > 0) {
        for (const event of out) yield event;
        out.length = 0;
      }
    }
  }
  const last = splitter.end();
  if (last !== null) reader.line(last);
  if (report.switchedAt !== null && !switchNoted) reader.warn(encodingSwitchWarning(report.switchedAt));
  reader.end();
  for (const event of out) yield event;
  out.length = 0;
}
