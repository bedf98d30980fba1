/**
 * A large BAI2 prior-day file streamed to disk: one group, one account, wires (195, keyed 88
 * continuations) and ACH credits (165/169, ACH tags in the text) to virtual account numbers, a
 * few debits, opening and closing ledger balances and control totals and counts that add up.
 */
import {
  amountCents,
  asciiName,
  digits,
  invoiceText,
  pick,
  prng,
  StreamingWriter,
  type GeneratedFile,
} from './realistic';

export interface Bai2Options {
  entries: number;
  seed?: number;
  account?: string;
}

export const BAI2_ACCOUNT = '9876543210';

export async function writeBai2(path: string, opts: Bai2Options): Promise<GeneratedFile> {
  const account = opts.account ?? BAI2_ACCOUNT;
  const out = await StreamingWriter.create(path);
  let accountRecords = 0;
  let accountTotal = 0n;
  let credits = 0n;
  let debits = 0n;
  const details: string[] = [];
  await out.write('01,REMITDBANK,REMITD,261202,0600,1,,,2/\n');
  await out.write('02,REMITD,021000021,1,261201,2359,USD,2/\n');
  // the 03 record needs the day's totals: the details are written to a second file section after
  // it, so they are generated first with the same seed and counted, then written
  const pass = async (write: boolean) => {
    const r = prng(opts.seed ?? 2);
    for (let i = 0; i < opts.entries; i++) {
      const cents = amountCents(r);
      const kind = r();
      const va = `VA1${digits(r, 8)}`;
      const ref = `B2${String(i + 1).padStart(10, '0')}`;
      let lines: string[];
      if (kind < 0.03) {
        if (!write) debits += cents;
        lines = [`16,451,${cents},0,${ref},,ACH DEBIT ORIG CO NAME:UTILITY CO/`];
      } else if (kind < 0.5) {
        if (!write) credits += cents;
        lines = [
          `16,195,${cents},0,${ref},,INCOMING WIRE/`,
          `88,DBNM: ${asciiName(r)}/`,
          `88,CACT: ${va}/`,
          `88,REMI: ${invoiceText(r, i).replace(/[/,]/g, ' ')}/`,
        ];
      } else {
        if (!write) credits += cents;
        const code = pick(r, ['165', '169']);
        lines = [`16,${code},${cents},1,${ref},,ORIG CO NAME:${asciiName(r)} CO ENTRY DESCR:VENDORPAY IND ID:${va}/`];
      }
      if (write) {
        for (const l of lines) details.push(l);
        if (details.length >= 2000) await out.write(`${details.splice(0).join('\n')}\n`);
      } else {
        accountRecords += lines.length;
        accountTotal += cents;
      }
    }
    if (write && details.length > 0) await out.write(`${details.splice(0).join('\n')}\n`);
  };
  await pass(false);
  const opening = 100_000_00n;
  const closing = opening + credits - debits;
  await out.write(`03,${account},USD,010,${opening},,,015,${closing},,,100,${credits},,,400,${debits},,/\n`);
  accountRecords += 2; // 03 and 49
  accountTotal += opening + closing + credits + debits;
  await pass(true);
  await out.write(`49,${accountTotal},${accountRecords}/\n`);
  await out.write(`98,${accountTotal},1,${accountRecords + 2}/\n`);
  await out.write(`99,${accountTotal},1,${accountRecords + 4}/\n`);
  const bytes = await out.close();
  return { path, format: 'bai2', entries: opts.entries, bytes, account };
}
