/**
 * Deterministic, realistic-looking data for the benchmark files: a seeded PRNG, remitter names,
 * IBANs with valid check digits, invoice texts and amounts. Nothing here allocates per file,
 * only per entry, so generators can stream any number of entries.
 */
import { open, type FileHandle } from 'node:fs/promises';

export { prng } from '../../test/support/prng';

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
export const int = (rnd: () => number, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
export const digits = (rnd: () => number, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rnd() * 10));
  return s;
};

const COMPANY_WORDS = [
  'Acme',
  'Northwind',
  'Contoso',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Wonka',
  'Gringotts',
  'Oceanic',
  'Pied Piper',
  'Massive Dynamic',
  'Aperture',
  'Blue Sun',
  'Monarch',
  'Sirius',
  'Nakatomi',
  'Dunder Mifflin',
  'Prestige',
  'Rekall',
  'Weyland',
  'Zorg',
];
const COMPANY_KINDS = ['GmbH', 'Ltd', 'B.V.', 'S.A.', 'AG', 'Inc.', 'LLC', 'SARL', 'S.p.A.', 'Oy', 'AB', 'Sp. z o.o.'];
const COMPANY_TRADES = [
  'Trading',
  'Logistics',
  'Software',
  'Holding',
  'Consulting',
  'Industries',
  'Retail',
  'Media',
  'Foods',
  'Energy',
];
const FIRST = [
  'Anna',
  'Jan',
  'Marie',
  'Lukas',
  'Sofia',
  'Pierre',
  'Giulia',
  'Mateo',
  'Emma',
  'Noah',
  'Olga',
  'Chen',
  'Aiko',
  'Ravi',
];
const LAST = [
  'Müller',
  'Dupont',
  'Rossi',
  'García',
  'Novak',
  'Jansen',
  'Smith',
  'Kowalski',
  'Nielsen',
  'Silva',
  'Tanaka',
  'Okafor',
];

export function remitterName(rnd: () => number): string {
  if (rnd() < 0.2) return `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
  return `${pick(rnd, COMPANY_WORDS)} ${pick(rnd, COMPANY_TRADES)} ${pick(rnd, COMPANY_KINDS)}`;
}

/** ASCII-only variant for formats that are plain ASCII (NACHA) */
export function asciiName(rnd: () => number): string {
  return remitterName(rnd)
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .toUpperCase();
}

/** country, BBAN length in digits */
const IBAN_COUNTRIES: readonly [string, number][] = [
  ['DE', 18],
  ['FR', 23],
  ['NL', 14],
  ['BE', 12],
  ['AT', 16],
  ['ES', 20],
  ['IT', 23],
  ['GB', 18],
  ['CH', 17],
  ['PL', 24],
];

/** ISO 7064 mod 97-10 check digits over BBAN + country + "00" */
export function ibanFor(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const part = code >= 65 ? String(code - 55) : ch;
    for (const d of part) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}

export function randomIban(rnd: () => number): string {
  const [country, len] = pick(rnd, IBAN_COUNTRIES);
  let bban = digits(rnd, len);
  // banks with letters in the BBAN (NL bank code, GB sort code prefix)
  if (country === 'NL') bban = `${pick(rnd, ['RABO', 'INGB', 'ABNA', 'TRIO'])}${bban.slice(4)}`;
  if (country === 'GB') bban = `${pick(rnd, ['NWBK', 'BARC', 'LOYD', 'HBUK'])}${bban.slice(4)}`;
  return ibanFor(country, bban);
}

export const BICS = [
  'COBADEFFXXX',
  'DEUTDEFFXXX',
  'BNPAFRPPXXX',
  'INGBNL2AXXX',
  'RABONL2UXXX',
  'BARCGB22XXX',
  'UBSWCHZH80A',
  'CITIUS33XXX',
];

/** amount in cents: mostly invoice-sized, a few large transfers */
export function amountCents(rnd: () => number): bigint {
  const r = rnd();
  if (r < 0.6) return BigInt(int(rnd, 1_000, 250_000));
  if (r < 0.95) return BigInt(int(rnd, 250_000, 5_000_000));
  return BigInt(int(rnd, 5_000_000, 250_000_000));
}

export function decimal(cents: bigint, sep = '.'): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}${sep}${(abs % 100n).toString().padStart(2, '0')}`;
}

export function invoiceText(rnd: () => number, i: number): string {
  const inv = `INV-2026-${String(int(rnd, 1, 999_999)).padStart(6, '0')}`;
  const va = `VA-${digits(rnd, 6)}`;
  switch (int(rnd, 0, 4)) {
    case 0:
      return `Invoice ${inv} customer ${va}`;
    case 1:
      return `Payment for ${inv} and ${inv.slice(0, -2)}${digits(rnd, 2)} / account ${va} / thank you`;
    case 2:
      return `${va} ${inv} partial payment ${i % 7 === 0 ? 'second instalment' : 'first instalment'}`;
    case 3:
      return `Order ${digits(rnd, 8)} ref ${va}`;
    default:
      return `Subscription ${pick(rnd, ['January', 'February', 'March', 'April', 'May', 'June'])} 2026 ${va} contract ${digits(rnd, 5)}`;
  }
}

/** RF creditor reference (ISO 11649) with valid check digits */
export function rfReference(rnd: () => number): string {
  const body = `${digits(rnd, 4)}${pick(rnd, ['INV', 'VA', 'CUST'])}${digits(rnd, 6)}`;
  const iban = ibanFor('RF', body); // same mod 97 scheme: "RF" + check + body
  return iban;
}

/**
 * Buffered sequential writer: appends strings to a file in ~1 MB writes, so a 100 MB file is
 * never held in memory.
 */
export class StreamingWriter {
  private parts: string[] = [];
  private pending = 0;
  bytes = 0;

  private constructor(
    private readonly fh: FileHandle,
    private readonly flushAt: number,
  ) {}

  static async create(path: string, flushAt = 1 << 20): Promise<StreamingWriter> {
    return new StreamingWriter(await open(path, 'w'), flushAt);
  }

  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= this.flushAt) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.bytes += buf.length;
    await this.fh.write(buf);
  }

  async close(): Promise<number> {
    await this.flush();
    await this.fh.close();
    return this.bytes;
  }
}

export interface GeneratedFile {
  path: string;
  format: 'camt.053' | 'mt940' | 'nacha' | 'bai2';
  entries: number;
  bytes: number;
  /** the statement's account as the parser reads it (for the collection account row) */
  account: string;
}
