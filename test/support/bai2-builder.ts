/**
 * Builds a BAI2 prior-day file for tests: one group, one account, "/"-terminated records, the
 * opening and closing ledger balances and every control total and record count filled in.
 */
export interface Bai2DetailSpec {
  /** BAI2 detail type code, e.g. '195' (incoming wire), '165' (ACH credit), '451' (ACH debit) */
  typeCode: string;
  /** decimal string in the currency, e.g. "1250.00" */
  amount: string;
  bankReference: string;
  customerReference?: string;
  text?: string;
  /** 88 continuation lines, e.g. "CACT: VA…" */
  continuations?: string[];
}

export interface Bai2FileSpec {
  account: string;
  /** YYMMDD */
  asOfDate: string;
  fileId?: string;
  currency?: string;
  opening: string;
  details: Bai2DetailSpec[];
}

const minor = (amount: string) => BigInt(amount.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1'));

export function bai2Closing(opening: string, details: readonly Bai2DetailSpec[]): bigint {
  let closing = minor(opening);
  for (const d of details) closing += Number(d.typeCode) < 400 ? minor(d.amount) : -minor(d.amount);
  return closing;
}

export function buildBai2(spec: Bai2FileSpec): string {
  const currency = spec.currency ?? 'USD';
  const opening = minor(spec.opening);
  const closing = bai2Closing(spec.opening, spec.details);
  const credits = spec.details.filter((d) => Number(d.typeCode) < 400).reduce((s, d) => s + minor(d.amount), 0n);
  const debits = spec.details.filter((d) => Number(d.typeCode) >= 400).reduce((s, d) => s + minor(d.amount), 0n);
  const lines = [`03,${spec.account},${currency},010,${opening},,,015,${closing},,,100,${credits},,,400,${debits},,/`];
  let total = opening + closing + credits + debits;
  for (const d of spec.details) {
    lines.push(
      `16,${d.typeCode},${minor(d.amount)},0,${d.bankReference},${d.customerReference ?? ''},${d.text ?? ''}/`,
    );
    for (const c of d.continuations ?? []) lines.push(`88,${c}/`);
    total += minor(d.amount);
  }
  lines.push(`49,${total},${lines.length + 1}/`);
  const records = lines.length;
  return [
    `01,TESTBANK,REMITD,${spec.asOfDate},0600,${spec.fileId ?? '1'},,,2/`,
    `02,REMITD,021000021,1,${spec.asOfDate},2359,${currency},2/`,
    ...lines,
    `98,${total},1,${records + 2}/`,
    `99,${total},1,${records + 4}/`,
    '',
  ].join('\n');
}
