/**
 * A large, balanced camt.053.001.02 statement built with the project's camt builder, streamed to
 * disk: remitter names and IBANs, unstructured and structured remittance, charges on ~30 % of
 * the entries, instructed amounts in another currency on some, a few debits (fees, refunds).
 */
import { camtEntryXml, camtHead, camtTail, type CamtEntrySpec } from '../../test/support/camt-builder';
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
  rfReference,
  StreamingWriter,
  type GeneratedFile,
} from './realistic';

export interface Camt053Options {
  entries: number;
  seed?: number;
  account?: string;
  date?: string;
  statementId?: string;
}

export const CAMT_ACCOUNT = 'DE89370400440532013000';

function entry(rnd: () => number, i: number, date: string): CamtEntrySpec {
  const cents = amountCents(rnd);
  const debit = rnd() < 0.05;
  const spec: CamtEntrySpec = {
    ref: `2026110${date.slice(-1)}${String(i).padStart(8, '0')}`,
    amount: decimal(cents),
    direction: debit ? 'DBIT' : 'CRDT',
    remitterName: remitterName(rnd),
    remitterIban: randomIban(rnd),
    endToEndId: rnd() < 0.7 ? `E2E-${digits(rnd, 10)}` : undefined,
    ustrd: invoiceText(rnd, i),
    btc: debit ? 'PMNT/ICDT/ESCT' : rnd() < 0.6 ? 'PMNT/RCDT/ESCT' : 'PMNT/RCDT/XBCT',
  };
  if (!debit && rnd() < 0.15) spec.strd = rfReference(rnd);
  if (!debit && rnd() < 0.3) spec.charges = decimal(BigInt(int(rnd, 50, 3_500)));
  if (!debit && rnd() < 0.12) {
    const ccy = rnd() < 0.6 ? 'USD' : 'GBP';
    const rate = ccy === 'USD' ? 1.08 : 0.86;
    spec.instructed = { currency: ccy, amount: decimal(BigInt(Math.round(Number(cents) * rate))) };
  }
  return spec;
}

function* entries(n: number, seed: number, date: string): Generator<CamtEntrySpec> {
  const rnd = prng(seed);
  for (let i = 0; i < n; i++) yield entry(rnd, i, date);
}

const STREETS = [
  'Hauptstrasse',
  'Rue de la Paix',
  'Keizersgracht',
  'Via Roma',
  'High Street',
  'Calle Mayor',
  'Bahnhofstrasse',
  'Rynek',
];
const CITIES = [
  '10115 Berlin',
  '75002 Paris',
  '1017 Amsterdam',
  '00184 Roma',
  'London EC1A 1BB',
  '28013 Madrid',
  '8001 Zuerich',
  '00-001 Warszawa',
];
const PURPOSES = ['SUPP', 'GDDS', 'SCVE', 'INVS', 'OTHR'];

/**
 * What the builder leaves out but banks send on nearly every entry: the debtor's postal
 * address, the debtor agent's BIC, the transaction id, a purpose code and the entry's
 * additional information, in the positions the camt.053.001.02 schema gives them.
 */
function enrich(xml: string, rnd: () => number, e: CamtEntrySpec): string {
  const country = e.remitterIban?.slice(0, 2) ?? 'DE';
  const address = `<PstlAdr><Ctry>${country}</Ctry><AdrLine>${pick(rnd, STREETS)} ${int(rnd, 1, 240)}</AdrLine><AdrLine>${pick(rnd, CITIES)}</AdrLine></PstlAdr>`;
  const agent = `<RltdAgts><DbtrAgt><FinInstnId><BIC>${pick(rnd, BICS)}</BIC></FinInstnId></DbtrAgt></RltdAgts><Purp><Cd>${pick(rnd, PURPOSES)}</Cd></Purp>`;
  const info =
    e.direction === 'DBIT'
      ? 'SEPA DIRECT DEBIT / LASTSCHRIFT'
      : e.btc?.endsWith('XBCT')
        ? 'CROSS-BORDER CREDIT TRANSFER / AUSLANDSUEBERWEISUNG'
        : 'SEPA CREDIT TRANSFER / GUTSCHRIFT';
  return xml
    .replace('</Nm></Dbtr>', `</Nm>${address}</Dbtr>`)
    .replace('</Refs>', `<TxId>TX${digits(rnd, 14)}</TxId></Refs>`)
    .replace('</RltdPties>', `</RltdPties>${agent}`)
    .replace('</NtryDtls></Ntry>', `</NtryDtls><AddtlNtryInf>${info}</AddtlNtryInf></Ntry>`);
}

export async function writeCamt053(path: string, opts: Camt053Options): Promise<GeneratedFile> {
  const seed = opts.seed ?? 53;
  const date = opts.date ?? '2026-11-02';
  const account = opts.account ?? CAMT_ACCOUNT;
  // first pass: the closing balance goes into the header, before the entries
  let net = 0n;
  for (const e of entries(opts.entries, seed, date)) {
    const [i, f] = e.amount.split('.');
    const cents = BigInt(i) * 100n + BigInt(f);
    net += e.direction === 'DBIT' ? -cents : cents;
  }
  const opening = 1_000_000_00n;
  const out = await StreamingWriter.create(path);
  await out.write(
    camtHead({
      statementId: opts.statementId ?? `STMT-${date}`,
      msgId: `MSG-${date}-BENCH`,
      sequence: 1,
      account,
      currency: 'EUR',
      opening: decimal(opening),
      closing: decimal(opening + net),
      date,
    }),
  );
  const extra = prng(seed + 1);
  for (const e of entries(opts.entries, seed, date)) await out.write(enrich(camtEntryXml(e, 'EUR', date), extra, e));
  await out.write(camtTail('camt.053'));
  const bytes = await out.close();
  return { path, format: 'camt.053', entries: opts.entries, bytes, account };
}
