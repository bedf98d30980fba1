/**
 * A large, balanced MT940 statement (one :20: with N :61:/:86: pairs), streamed to disk. :86:
 * alternates between the two dialects banks send most: Dutch/SWIFT `/TAG/value` sub-fields
 * (with /OCMT/ and /CHGS/ on some entries) and German/ZKA `?NN` sub-fields with SEPA keywords.
 * Lines are wrapped at 65 characters as in SWIFT, CRLF line ends.
 */
import {
  amountCents,
  BICS,
  decimal,
  digits,
  int,
  invoiceText,
  pick,
  prng,
  randomIban,
  remitterName,
  StreamingWriter,
  type GeneratedFile,
} from './realistic';

export interface Mt940Options {
  entries: number;
  seed?: number;
  account?: string;
  /** YYMMDD */
  date?: string;
}

export const MT940_ACCOUNT = 'NL91ABNA0417164300';

const CRLF = '\r\n';

/**
 * A field's value cut into SWIFT lines of at most 65 characters (the first one after the tag).
 * SWIFT forbids a line starting with '-' (end of message) or ':' (next field), so such a break
 * moves one character earlier.
 */
function wrap(tag: string, value: string): string {
  let out = tag;
  let width = 65 - tag.length;
  let i = 0;
  while (value.length - i > width) {
    let cut = i + width;
    while (cut > i + 1 && (value[cut] === '-' || value[cut] === ':')) cut--;
    out += value.slice(i, cut) + CRLF;
    i = cut;
    width = 65;
  }
  return out + value.slice(i) + CRLF;
}

/** ASCII only: SWIFT character set X has no umlauts */
const swiftText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[?]/g, '');

interface Mt940Entry {
  cents: bigint;
  debit: boolean;
  text: string;
}

function zkaSegments(text: string, from: number, max: number): string {
  let out = '';
  for (let i = 0, n = from; i < text.length && n < from + max; i += 27, n++) out += `?${n}${text.slice(i, i + 27)}`;
  return out;
}

function entry(rnd: () => number, i: number, date: string): Mt940Entry {
  const cents = amountCents(rnd);
  const debit = rnd() < 0.05;
  const name = swiftText(remitterName(rnd));
  const iban = randomIban(rnd);
  const bic = pick(rnd, BICS);
  const remi = swiftText(invoiceText(rnd, i));
  const e2e = `E2E-${digits(rnd, 10)}`;
  const typeCode = debit ? 'NDDT' : pick(rnd, ['NTRF', 'NTRF', 'NTRF', 'N541', 'NCMZ']);
  const bankRef = `${date}${String(i).padStart(9, '0')}`;
  const customerRef = rnd() < 0.5 ? 'NONREF' : `INV${digits(rnd, 9)}`;
  let text = wrap(
    ':61:',
    `${date}${date.slice(2)}${debit ? 'D' : 'C'}${decimal(cents, ',')}${typeCode}${customerRef}//${bankRef}`,
  );
  if (rnd() < 0.65) {
    let f86 = `/EREF/${e2e}/ORDP//NAME/${name}/IBAN/${iban}/BIC/${bic}/REMI/USTD//${remi}/`;
    if (!debit && rnd() < 0.3) f86 += `/CHGS/EUR${decimal(BigInt(int(rnd, 50, 3_500)), ',')}/`;
    if (!debit && rnd() < 0.12) f86 += `/OCMT/USD${decimal(BigInt(Math.round(Number(cents) * 1.08)), ',')}/`;
    f86 += `/ISDT/20${date.slice(0, 2)}-${date.slice(2, 4)}-${date.slice(4, 6)}`;
    text += wrap(':86:', f86);
  } else {
    const purpose = zkaSegments(`EREF+${e2e}`, 20, 1) + zkaSegments(`SVWZ+${remi}`, 21, 8);
    const names = zkaSegments(name.slice(0, 54), 32, 2);
    text += wrap(
      ':86:',
      `${debit ? '105?00SEPA-LASTSCHRIFT' : '166?00SEPA-GUTSCHRIFT'}?109310${purpose}?30${bic}?31${iban}${names}?34000`,
    );
  }
  return { cents, debit, text };
}

function* entries(n: number, seed: number, date: string): Generator<Mt940Entry> {
  const rnd = prng(seed);
  for (let i = 0; i < n; i++) yield entry(rnd, i, date);
}

export async function writeMt940(path: string, opts: Mt940Options): Promise<GeneratedFile> {
  const seed = opts.seed ?? 940;
  const date = opts.date ?? '261102';
  const account = opts.account ?? MT940_ACCOUNT;
  let net = 0n;
  for (const e of entries(opts.entries, seed, date)) net += e.debit ? -e.cents : e.cents;
  const opening = 1_000_000_00n;
  const closing = opening + net;
  const balance = (tag: string, cents: bigint) =>
    `${tag}${cents < 0n ? 'D' : 'C'}${date}EUR${decimal(cents < 0n ? -cents : cents, ',')}${CRLF}`;

  const out = await StreamingWriter.create(path);
  await out.write(`:20:STMT${date}BENCH${CRLF}:25:${account} EUR${CRLF}:28C:00307/001${CRLF}`);
  await out.write(balance(':60F:', opening));
  for (const e of entries(opts.entries, seed, date)) await out.write(e.text);
  await out.write(balance(':62F:', closing));
  await out.write(`-${CRLF}`);
  const bytes = await out.close();
  return { path, format: 'mt940', entries: opts.entries, bytes, account };
}
