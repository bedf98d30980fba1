import type { AmountValue } from '../statement.model';

/**
 * Field :86: (information to account owner) in the dialects banks actually send:
 *  - German/ZKA and similar: `GVC?00text?10primanota?20..?29 purpose?30 BIC/BLZ?31 account?32?33 name`
 *    (some banks use `>` instead of `?`), with SEPA keywords `EREF+`, `SVWZ+`, ... inside the purpose;
 *  - Dutch/SWIFT-style `/TAG/value` sub-fields (`/EREF/`, `/REMI/`, `/ORDP//NAME/`, `/IBAN/`, `/OCMT/`, ...);
 *  - free text (anything else).
 */
export interface Field86Details {
  remitterName: string | null;
  remitterAccount: string | null;
  remitterBic: string | null;
  endToEndId: string | null;
  uetr: string | null;
  remittanceUnstructured: string | null;
  remittanceStructured: string | null;
  instructedAmount: AmountValue | null;
  charges: AmountValue | null;
  returnReasonCode: string | null;
  /** EREF / creditor id / mandate / SEPA keywords seen */
  sepa: boolean;
}

export function emptyDetails(): Field86Details {
  return {
    remitterName: null,
    remitterAccount: null,
    remitterBic: null,
    endToEndId: null,
    uetr: null,
    remittanceUnstructured: null,
    remittanceStructured: null,
    instructedAmount: null,
    charges: null,
    returnReasonCode: null,
    sepa: false,
  };
}

const BIC_RE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;
const IBAN_RE = /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/;

export function looksLikeBic(value: string): boolean {
  return BIC_RE.test(value);
}

export function looksLikeIban(value: string): boolean {
  return IBAN_RE.test(value);
}

function looksLikeAccount(value: string): boolean {
  return IBAN_RE.test(value) || /^\d[\d -]{5,}$/.test(value);
}

/** "1234,5" / "000100," / "12.50" → "1234.5" / "100" / "12.50": digits kept, leading zeros dropped. */
export function normalizeAmount(raw: string): string {
  const sep = raw.search(/[,.]/);
  let int = sep === -1 ? raw : raw.slice(0, sep);
  const frac = sep === -1 ? '' : raw.slice(sep + 1);
  int = int.replace(/^0+(?=\d)/, '');
  if (int === '') int = '0';
  return frac ? `${int}.${frac}` : int;
}

const CCY_AMOUNT_RE = /^([A-Z]{3})\s*(\d+(?:[.,]\d*)?)/;

/** "EUR1000,00" (optionally followed by more text) → { currency: 'EUR', amount: '1000.00' } */
export function parseCurrencyAmount(value: string): AmountValue | null {
  const m = CCY_AMOUNT_RE.exec(value.trim());
  return m ? { currency: m[1], amount: normalizeAmount(m[2]) } : null;
}

/** the characters of the regex class \s (and of String#trim) */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** text.replace(/\s+/g, ' ').trim(), or null when empty; most values need no change and are not copied */
function collapse(text: string): string | null {
  const n = text.length;
  let clean = true;
  let prevSpace = true; // a blank at the start needs trimming
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) {
        clean = false;
        break;
      }
      prevSpace = true;
    } else if (isSpace(c)) {
      clean = false;
      break;
    } else prevSpace = false;
  }
  if (clean && !prevSpace) return text;
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : null;
}

function clean(value: string | undefined): string | null {
  if (value === undefined) return null;
  const t = value.trim();
  return t.length > 0 ? t : null;
}

/**
 * Joins wrapped lines of free text: SWIFT lines are at most 65 characters, so a full line that
 * does not end in a blank was cut mid-word and continues without a space.
 */
export function joinFreeText(lines: readonly string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i > 0) {
      const prev = lines[i - 1];
      const wrapped = prev.length >= 65 && !/\s$/.test(prev);
      if (!wrapped) out += ' ';
    }
    out += line;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// German / ZKA ?NN sub-fields

const ZKA_START_RE = /^\s*(\d{3})?([?>])(\d\d)/;
const SEPA_KEYWORD_RE = /(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC)\+/g;

function parseZka(joined: string, sep: string, gvc: string | undefined): Field86Details {
  const d = emptyDetails();
  // German business transaction codes (GVC) 1xx are the SEPA transactions
  if (gvc && gvc.startsWith('1')) d.sepa = true;
  const re = sep === '?' ? /\?(\d\d)/g : />(\d\d)/g;
  const subfields = new Map<string, string>();
  const purpose: string[] = [];
  let last: { code: string; start: number } | null = null;
  const take = (end: number): void => {
    if (!last) return;
    const value = joined.slice(last.start, end);
    const n = Number(last.code);
    if ((n >= 20 && n <= 29) || (n >= 60 && n <= 63)) purpose.push(value);
    subfields.set(last.code, (subfields.get(last.code) ?? '') + value);
  };
  for (let m = re.exec(joined); m; m = re.exec(joined)) {
    take(m.index);
    last = { code: m[1], start: m.index + m[0].length };
  }
  take(joined.length);

  const name1 = subfields.get('32') ?? '';
  const name2 = subfields.get('33') ?? '';
  d.remitterName = collapse(name1.length >= ZKA_SEGMENT ? name1 + name2 : `${name1} ${name2}`);
  const account = clean(subfields.get('38')) ?? clean(subfields.get('31'));
  d.remitterAccount = account ? account.replace(/\s+/g, '') : null;
  const bic = clean(subfields.get('30'));
  d.remitterBic = bic && looksLikeBic(bic) ? bic : null;

  const sepa = splitSepaKeywords(purpose);
  if (sepa.keywords.size > 0) {
    d.sepa = true;
    const eref = clean(sepa.keywords.get('EREF'));
    d.endToEndId = eref && eref !== 'NOTPROVIDED' ? eref : null;
    d.remittanceUnstructured = collapse(sepa.keywords.get('SVWZ') ?? sepa.rest);
    if (!d.remitterAccount) d.remitterAccount = clean(sepa.keywords.get('IBAN'));
    if (!d.remitterBic) {
      const kwBic = clean(sepa.keywords.get('BIC'));
      d.remitterBic = kwBic && looksLikeBic(kwBic) ? kwBic : null;
    }
  } else {
    d.remittanceUnstructured = collapse(sepa.rest);
  }
  return d;
}

/** ZKA purpose segments hold 27 characters: a full one continues in the next, a shorter one ends. */
const ZKA_SEGMENT = 27;

/**
 * Reads SEPA keywords ("EREF+abc", "SVWZ+text") out of the purpose segments ?20–?29/?60–?63.
 * A keyword's value runs on into following segments while they are full; text that belongs to
 * no keyword is returned as `rest`.
 */
function splitSepaKeywords(segments: readonly string[]): { keywords: Map<string, string>; rest: string } {
  const keywords = new Map<string, string>();
  let rest = '';
  let current: string | null = null;
  let prevFull = false;
  const addRest = (text: string, glued: boolean): void => {
    if (!text) return;
    rest += rest && !glued ? ' ' + text : text;
  };
  for (const seg of segments) {
    const matches = [...seg.matchAll(SEPA_KEYWORD_RE)];
    const lead = seg.slice(0, matches.length > 0 ? matches[0].index : seg.length);
    if (current !== null && prevFull) keywords.set(current, (keywords.get(current) ?? '') + lead);
    else addRest(lead, prevFull);
    matches.forEach((m, i) => {
      const end = i + 1 < matches.length ? matches[i + 1].index : seg.length;
      current = m[1];
      keywords.set(current, (keywords.get(current) ?? '') + seg.slice(m.index + m[0].length, end));
    });
    prevFull = seg.length >= ZKA_SEGMENT;
    if (!prevFull) current = null;
  }
  return { keywords, rest };
}

// ---------------------------------------------------------------------------------------------
// /TAG/value sub-fields

const SLASH_TAGS = [
  'EREF',
  'KREF',
  'MARF',
  'CSID',
  'CNTP',
  'REMI',
  'PURP',
  'RTRN',
  'ORDP',
  'BENM',
  'ULTD',
  'ULTB',
  'ULTC',
  'NAME',
  'ADDR',
  'ID',
  'IBAN',
  'BIC',
  'OCMT',
  'CHGS',
  'TRTP',
  'PREF',
  'IREF',
  'ISDT',
  'UETR',
  'EXCH',
  'SVCL',
  'BUSP',
  'ACCW',
  'SUM',
  'TRCD',
];
const SLASH_TAG_RE = new RegExp(`/(${SLASH_TAGS.join('|')})/`, 'g');

function slashValue(raw: string): string {
  return raw.trim().replace(/\/+$/, '').trim();
}

/** Splits `/TAG/value/TAG/value` into [tag, value] pairs in order; null when no known tag occurs. */
export function splitSlashTags(joined: string): Array<[string, string]> | null {
  // a tag inside the previous tag's value is taken as value text ("/REMI/see /NAME/ x" is rare;
  // "//CNTP/" after an empty value is the common case and splits correctly)
  let pairs: Array<[string, string]> | null = null;
  let tag = '';
  let start = 0;
  SLASH_TAG_RE.lastIndex = 0;
  for (let m = SLASH_TAG_RE.exec(joined); m !== null; m = SLASH_TAG_RE.exec(joined)) {
    if (pairs === null) pairs = [];
    else pairs.push([tag, joined.slice(start, m.index)]);
    tag = m[1];
    start = m.index + m[0].length;
  }
  if (pairs === null) return null;
  pairs.push([tag, joined.slice(start)]);
  return pairs;
}

function partyFrom(value: string): { account: string | null; name: string | null } {
  const parts = slashValue(value)
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return { account: null, name: null };
  if (looksLikeAccount(parts[0])) return { account: parts[0].replace(/\s+/g, ''), name: collapse(parts[1] ?? '') };
  return { account: null, name: collapse(parts[0]) };
}

function parseSlash(pairs: Array<[string, string]>): Field86Details {
  const d = emptyDetails();
  const first = new Map<string, string>();
  for (const [tag, value] of pairs) if (!first.has(tag)) first.set(tag, value);
  const get = (tag: string): string | null => {
    const v = first.get(tag);
    if (v === undefined) return null;
    const s = slashValue(v);
    return s.length > 0 ? s : null;
  };

  const eref = get('EREF');
  if (first.has('EREF') || first.has('CSID') || first.has('MARF')) d.sepa = true;
  if (/SEPA/i.test(get('TRTP') ?? '')) d.sepa = true;
  d.endToEndId = eref && eref.toUpperCase() !== 'NOTPROVIDED' ? eref : null;
  d.uetr = get('UETR');

  const remi = get('REMI');
  if (remi) {
    const strd = /^STRD\/[A-Z]{3,4}\/(.*)$/s.exec(remi);
    if (strd) {
      d.remittanceStructured = collapse(strd[1].replace(/\/+$/, ''));
    } else {
      d.remittanceUnstructured = collapse(remi.replace(/^USTD(?:\/\/?|$)/, '').replace(/^\/+/, ''));
    }
  }

  const cntp = first.has('CNTP') ? slashValue(first.get('CNTP')!).split('/') : [];
  const ordp = first.has('ORDP') ? partyFrom(first.get('ORDP')!) : null;
  const benm = first.has('BENM') ? partyFrom(first.get('BENM')!) : null;

  d.remitterName = get('NAME') ?? ordp?.name ?? benm?.name ?? clean(cntp[2]) ?? null;
  if (d.remitterName) d.remitterName = collapse(d.remitterName);
  const iban = get('IBAN');
  d.remitterAccount =
    (iban ? iban.replace(/\s+/g, '') : null) ?? clean(cntp[0]) ?? ordp?.account ?? benm?.account ?? get('ACCW');
  const bic = get('BIC') ?? clean(cntp[1]);
  d.remitterBic = bic && looksLikeBic(bic) ? bic : null;

  const ocmt = get('OCMT');
  d.instructedAmount = ocmt ? parseCurrencyAmount(ocmt) : null;
  const chgs = get('CHGS');
  d.charges = chgs ? parseCurrencyAmount(chgs) : null;
  const rtrn = get('RTRN');
  d.returnReasonCode = rtrn ? clean(rtrn.split('/')[0]) : null;
  return d;
}

/**
 * Parses the lines of one :86: field (first line without the tag). Wrapped lines are joined
 * without a separator for the structured dialects, whose sub-fields break mid-word.
 */
export function parseField86(lines: readonly string[]): Field86Details {
  const joined = lines.join('');
  const zka = ZKA_START_RE.exec(joined);
  if (zka) return parseZka(joined, zka[2], zka[1]);
  const pairs = splitSlashTags(joined);
  if (pairs) return parseSlash(pairs);
  const d = emptyDetails();
  d.remittanceUnstructured = collapse(joinFreeText(lines));
  return d;
}
