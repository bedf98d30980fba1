/**
 * A large NACHA ACH file streamed to disk: batches of CCD/PPD credits (a few debits) to virtual
 * account numbers, payment-related addenda 05 on some entries, correct batch and file control
 * totals (counts, entry hash, debit/credit sums) and the 10-record block padding.
 */
import { asciiName, digits, int, invoiceText, pick, prng, StreamingWriter, type GeneratedFile } from './realistic';

export interface NachaOptions {
  entries: number;
  seed?: number;
  /** immediate destination: 9-digit routing number of the collection bank */
  destination?: string;
  /** YYMMDD */
  date?: string;
  entriesPerBatch?: number;
}

export const NACHA_ACCOUNT = '091000019';

const RECORD = 94;
const EOL = '\n';

const alpha = (s: string, n: number) => s.slice(0, n).padEnd(n, ' ');
const num = (v: bigint | number | string, n: number) => String(v).padStart(n, '0').slice(-n);

function record(s: string): string {
  if (s.length !== RECORD) throw new Error(`NACHA record of ${s.length} characters: ${s}`);
  return s + EOL;
}

const ORIGINATORS = ['EXAMPLE PAYER CO', 'ACME WHOLESALE', 'NORTHWIND TRADE', 'GLOBEX PAYABLES', 'INITECH AP DEPT'];

export async function writeNacha(path: string, opts: NachaOptions): Promise<GeneratedFile> {
  const rnd = prng(opts.seed ?? 94);
  const date = opts.date ?? '261102';
  const destination = opts.destination ?? NACHA_ACCOUNT;
  const perBatch = opts.entriesPerBatch ?? 500;
  const odfi = '11223344';
  const out = await StreamingWriter.create(path);
  let lines = 0;
  const put = async (s: string) => {
    lines++;
    await out.write(record(s));
  };

  await put(
    `101 ${num(destination, 9)}${num('1122334455', 10)}${date}0930A094101${alpha('REMITD COLLECTION BANK', 23)}${alpha('EXAMPLE ORIGIN BANK', 23)}${alpha('', 8)}`,
  );
  const file = { batches: 0, records: 0, hash: 0n, debit: 0n, credit: 0n };
  let written = 0;
  while (written < opts.entries) {
    const n = Math.min(perBatch, opts.entries - written);
    const batchNo = file.batches + 1;
    const sec = batchNo % 3 === 0 ? 'PPD' : 'CCD';
    const companyId = `1${digits(rnd, 9)}`;
    const company = pick(rnd, ORIGINATORS);
    await put(
      `5200${alpha(company, 16)}${alpha('', 20)}${companyId}${sec}${alpha(sec === 'PPD' ? 'SUBSCRIBE' : 'VENDORPAY', 10)}${date}${date}   1${odfi}${num(batchNo, 7)}`,
    );
    const batch = { records: 0, hash: 0n, debit: 0n, credit: 0n };
    for (let k = 0; k < n; k++) {
      const i = written + k;
      const debit = rnd() < 0.03;
      const txCode = debit ? '27' : rnd() < 0.8 ? '22' : '32';
      const rdfi = num(int(rnd, 1_000_000, 99_999_999), 8);
      const cents = BigInt(int(rnd, 500, 2_500_000));
      const addenda = rnd() < 0.35;
      const trace = `${odfi}${num(i + 1, 7)}`;
      await put(
        `6${txCode}${rdfi}${int(rnd, 0, 9)}${alpha(`VA${digits(rnd, 9)}`, 17)}${num(cents, 10)}${alpha(`INV-${digits(rnd, 6)}`, 15)}${alpha(asciiName(rnd), 22)}  ${addenda ? '1' : '0'}${trace}`,
      );
      batch.records++;
      batch.hash += BigInt(rdfi);
      if (debit) batch.debit += cents;
      else batch.credit += cents;
      if (addenda) {
        const info = invoiceText(rnd, i).toUpperCase();
        await put(`705${alpha(info, 80)}${num(1, 4)}${num(i + 1, 7)}`);
        batch.records++;
      }
    }
    written += n;
    await put(
      `8200${num(batch.records, 6)}${num(batch.hash % 10_000_000_000n, 10)}${num(batch.debit, 12)}${num(batch.credit, 12)}${companyId}${alpha('', 19)}${alpha('', 6)}${odfi}${num(batchNo, 7)}`,
    );
    file.batches++;
    file.records += batch.records;
    file.hash += batch.hash;
    file.debit += batch.debit;
    file.credit += batch.credit;
  }
  const blocks = Math.ceil((lines + 1) / 10);
  await put(
    `9${num(file.batches, 6)}${num(blocks, 6)}${num(file.records, 8)}${num(file.hash % 10_000_000_000n, 10)}${num(file.debit, 12)}${num(file.credit, 12)}${alpha('', 39)}`,
  );
  while (lines % 10 !== 0) await put('9'.repeat(RECORD));
  const bytes = await out.close();
  return { path, format: 'nacha', entries: opts.entries, bytes, account: destination };
}
