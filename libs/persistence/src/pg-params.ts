/**
 * Parameters for node-postgres, the way the set-based hot paths pass them: whole columns as
 * arrays (`unnest($1::uuid[], $2::numeric[], …)`, `= ANY($1::text[])`).
 *
 * An array whose SQL cast names its type (`$n::uuid[]`, `$n::text[]`, `$n::numeric[]`) is sent
 * in PostgreSQL's binary array format: the server copies 16 bytes per uuid and the bytes of each
 * text instead of parsing an escaped literal (array_in was a tenth of the server's CPU in a
 * reconciliation batch). Any other array, and any element the binary encoder does not take
 * (a uuid or number in an unusual spelling, a text with a NUL), goes as a text literal, so the
 * server accepts or rejects it exactly as it would have.
 */

const OID = { uuid: 2950, text: 25, numeric: 1700 } as const;
type ElementType = keyof typeof OID;

const CASTS = /\$(\d+)::(uuid|text|numeric)\[\]/g;
/** query text → parameter position (1-based) → element type; the hot paths' SQL is static */
const castsOf = new Map<string, Map<number, ElementType>>();
const CASTS_CACHED_MAX = 1000;

export function pgParams(text: string, values: readonly unknown[]): unknown[] {
  let casts = castsOf.get(text);
  if (!casts) {
    casts = new Map();
    for (const m of text.matchAll(CASTS)) casts.set(Number(m[1]), m[2] as ElementType);
    if (castsOf.size < CASTS_CACHED_MAX) castsOf.set(text, casts);
  }
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const type = Array.isArray(v) ? casts.get(i + 1) : undefined;
    out[i] = (type && binaryArray(type, v as unknown[])) ?? arrayParam(v);
  }
  return out;
}

const NEEDS_ESCAPE = /[\\"]/;

/**
 * A flat array of strings and numbers as a PostgreSQL array literal, every element quoted and
 * backslashes and double quotes escaped: what node-postgres sends for it, built in one pass.
 * Anything else (nested arrays, dates, buffers) is left to node-postgres.
 */
export function arrayParam(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  let out = '{';
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (i) out += ',';
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'string') out += NEEDS_ESCAPE.test(v) ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`;
    else if (typeof v === 'number' || typeof v === 'bigint') out += `"${v}"`;
    else return value;
  }
  return `${out}}`;
}

/**
 * A one-dimensional array in PostgreSQL's binary format (array_recv): ndim, has-nulls flag,
 * element type oid, length and lower bound, then each element as int32 length (−1 for NULL) and
 * its binary form. Null when an element is not in the canonical form this encoder takes.
 * Two passes (sizes, then bytes) straight into one buffer: no object per element.
 */
export function binaryArray(type: ElementType, values: readonly unknown[]): Buffer | null {
  const n = values.length;
  const lengths = new Int32Array(n);
  let size = n ? 20 : 12;
  let nulls = 0;
  // numeric: the base-10000 digits of every element, and per element its count, weight, sign, scale
  let digits: Int16Array | undefined;
  let used = 0;
  let meta: Int32Array | undefined;
  if (type === 'numeric') {
    digits = new Int16Array(n * 6 + 8);
    meta = new Int32Array(n * 4);
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      lengths[i] = -1;
      nulls = 1;
      size += 4;
      continue;
    }
    let len: number;
    if (type === 'uuid') {
      if (typeof v !== 'string' || v.length !== 36) return null;
      len = 16; // its characters are checked as they are decoded
    } else if (type === 'text') {
      if (typeof v !== 'string' || v.includes('\0')) return null;
      len = Buffer.byteLength(v, 'utf8');
    } else {
      const text = typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : null;
      if (text === null) return null;
      if (digits!.length - used < text.length / 4 + 4) {
        const grown = new Int16Array(digits!.length * 2 + text.length);
        grown.set(digits!);
        digits = grown;
      }
      const count = parseNumeric(text, digits!, used, meta!, i * 4);
      if (count < 0) return null;
      used += count;
      len = 8 + 2 * count;
    }
    lengths[i] = len;
    size += 4 + len;
  }
  const out = Buffer.allocUnsafe(size);
  let o = out.writeInt32BE(n ? 1 : 0, 0);
  o = out.writeInt32BE(nulls, o);
  o = out.writeInt32BE(OID[type], o);
  if (n) {
    o = out.writeInt32BE(n, o);
    o = out.writeInt32BE(1, o);
  }
  let d = 0;
  for (let i = 0; i < n; i++) {
    const len = lengths[i];
    o = out.writeInt32BE(len, o);
    if (len < 0) continue;
    const v = values[i] as string;
    if (type === 'uuid') {
      if (!writeUuid(v, out, o)) return null;
    } else if (type === 'text') {
      out.write(v, o, len, 'utf8');
    } else {
      const count = meta![i * 4];
      out.writeInt16BE(count, o);
      out.writeInt16BE(meta![i * 4 + 1], o + 2);
      out.writeUInt16BE(meta![i * 4 + 2], o + 4);
      out.writeInt16BE(meta![i * 4 + 3], o + 6);
      for (let k = 0; k < count; k++) out.writeInt16BE(digits![d + k], o + 8 + 2 * k);
      d += count;
    }
    o += len;
  }
  return out;
}

/** ASCII code → hex digit value, −1 for anything else */
const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[65 + c] = HEX[97 + c] = 10 + c;

/**
 * Decodes a uuid in the canonical 8-4-4-4-12 spelling (either case) into 16 bytes at `at`;
 * false for any other spelling (which then goes as text).
 */
function writeUuid(v: string, out: Buffer, at: number): boolean {
  let o = at;
  let bad = 0;
  for (let i = 0; i < 36; i += 2) {
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      bad |= v.charCodeAt(i) ^ 45;
      i++;
    }
    const a = v.charCodeAt(i);
    const b = v.charCodeAt(i + 1);
    const hi = HEX[a & 127];
    const lo = HEX[b & 127];
    bad |= ((a | b) & ~127) | ((hi | lo) & ~15);
    out[o++] = (hi << 4) | lo;
  }
  return bad === 0;
}

const NUMERIC_POS = 0x0000;
const NUMERIC_NEG = 0x4000;
const MAX_DIGITS = 1000;

/**
 * Parses a plain decimal (`-?digits[.digits]`) into numeric_send's form: base-10000 digits
 * (leading and trailing zero groups dropped) into `digits` from `at`, and count, weight, sign and
 * display scale into `meta` from `m`. Returns the digit count, or −1 for anything else.
 */
function parseNumeric(s: string, digits: Int16Array, at: number, meta: Int32Array, m: number): number {
  let i = 0;
  const neg = s.charCodeAt(0) === 45;
  if (neg) i = 1;
  let dot = -1;
  for (let k = i; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 46 && dot < 0 && k > i && k < s.length - 1) dot = k;
    else if (c < 48 || c > 57) return -1;
  }
  if (i >= s.length) return -1;
  const intEnd = dot < 0 ? s.length : dot;
  while (i < intEnd - 1 && s.charCodeAt(i) === 48) i++; // leading zeros
  const intDigits = intEnd - i;
  const scale = dot < 0 ? 0 : s.length - dot - 1;
  if (intDigits > MAX_DIGITS || scale > MAX_DIGITS) return -1;
  // groups of four decimal digits aligned on the decimal point
  const intGroups = Math.ceil(intDigits / 4);
  const fracGroups = Math.ceil(scale / 4);
  let count = 0;
  let weight = intGroups - 1;
  let started = false;
  let lastNonZero = -1;
  for (let g = 0; g < intGroups + fracGroups; g++) {
    let value = 0;
    for (let k = 0; k < 4; k++) {
      // position of this decimal digit counted from the decimal point (int: negative)
      const pos = g < intGroups ? intEnd - (intGroups - g) * 4 + k : intEnd + 1 + (g - intGroups) * 4 + k;
      const inRange = g < intGroups ? pos >= i : pos < s.length;
      value = value * 10 + (inRange ? s.charCodeAt(pos) - 48 : 0);
    }
    if (!started && value === 0) {
      weight--;
      continue;
    }
    started = true;
    digits[at + count] = value;
    if (value !== 0) lastNonZero = count;
    count++;
  }
  count = lastNonZero + 1;
  meta[m] = count;
  meta[m + 1] = count ? weight : 0;
  meta[m + 2] = count && neg ? NUMERIC_NEG : NUMERIC_POS;
  meta[m + 3] = scale;
  return count;
}
