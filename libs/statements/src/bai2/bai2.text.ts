import type { Direction } from '../statement.model';

/**
 * What banks put in the text field of a BAI2 16 record and in its 88 continuations. BAI2 leaves
 * the text free; remitd reads these dialects (anything else stays whole in the remittance text):
 *
 * 1. Keyed continuation lines, one `KEY: value` per 88 record (Goldman Sachs and others):
 *    `EREF` end-to-end / client reference, `CREF` clearing reference, `REMI` remittance text,
 *    `DBNM`/`CRNM` debtor/creditor name, `DACT`/`CACT` debtor/creditor account, `DABA`/`CABA`
 *    debtor/creditor routing number, `DBIC`/`CBIC` debtor/creditor BIC, `CHKN` cheque number,
 *    `IDNM` identification. For a credit the debtor is the remitter and `CACT` the credited
 *    (virtual) account; for a debit the creditor is the counterparty.
 * 2. Labelled text in the 16 record itself, comma separated: `From: NAME`, `Return From: NAME`,
 *    `Remittance Info: "TEXT"`, `Reason: "R02"` (the ACH return reason).
 * 3. Fedwire-style tags in the text: `B/O: NAME` or `ORG: /ACCOUNT NAME` (the originator),
 *    `BNF: /ACCOUNT NAME` (the beneficiary: its account is the credited account), `OBI: TEXT`
 *    (originator to beneficiary information), `REF: TEXT`.
 * 4. ACH company-entry tags: `ORIG CO NAME: NAME` (the remitter), `CO ENTRY DESCR: TEXT`,
 *    `IND ID: ID`, `IND NAME: NAME`, `RETURN REASON: R01`.
 * Plain text (no keys) is the remittance information as it is.
 */
export interface TextFacts {
  remitterName: string | null;
  remitterAccount: string | null;
  remitterBic: string | null;
  creditedAccount: string | null;
  endToEndId: string | null;
  remittance: string | null;
  returnReasonCode: string | null;
  /** keyed facts with no field of their own, for a person to read */
  extra: string[];
}

const KEYED = /^([A-Z]{4}):\s?(.*)$/;
const TAG =
  /\b(B\/O|ORG|BNF|OBI|REF|ORIG CO NAME|ORIG ID|DESC DATE|CO ENTRY DESCR|SEC|TRACE#|EED|IND ID|IND NAME|RETURN REASON)\s*:\s*/g;

const clean = (s: string | undefined | null): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > 0 && t !== '-' ? t : null;
};

/** `/12345 ACME CORP` → account 12345, name ACME CORP; `ACME CORP` → name only */
function partyOf(value: string): { account: string | null; name: string | null } {
  const m = /^\/(\S+)\s*(.*)$/.exec(value.trim());
  return m ? { account: m[1], name: clean(m[2]) } : { account: null, name: clean(value) };
}

export function readText(text: string | null, continuations: readonly string[], direction: Direction): TextFacts {
  const facts: TextFacts = {
    remitterName: null,
    remitterAccount: null,
    remitterBic: null,
    creditedAccount: null,
    endToEndId: null,
    remittance: null,
    returnReasonCode: null,
    extra: [],
  };
  const keyed = new Map<string, string>();
  const free: string[] = [];
  for (const line of continuations) {
    const m = KEYED.exec(line.trim());
    if (m) {
      const value = clean(m[2]);
      if (value) keyed.set(m[1], keyed.has(m[1]) ? `${keyed.get(m[1])} ${value}` : value);
    } else if (clean(line)) free.push(line.trim());
  }
  const credit = direction === 'CRDT';
  if (keyed.size > 0) {
    facts.remitterName = (credit ? keyed.get('DBNM') : keyed.get('CRNM')) ?? null;
    facts.remitterAccount = (credit ? keyed.get('DACT') : keyed.get('CACT')) ?? null;
    facts.remitterBic = (credit ? keyed.get('DBIC') : keyed.get('CBIC')) ?? null;
    facts.creditedAccount = credit ? (keyed.get('CACT') ?? null) : null;
    facts.endToEndId = keyed.get('EREF') ?? null;
    facts.remittance = keyed.get('REMI') ?? null;
    for (const [key, value] of keyed) {
      if (!['DBNM', 'CRNM', 'DACT', 'CACT', 'DBIC', 'CBIC', 'EREF', 'REMI'].includes(key)) {
        facts.extra.push(`${key}: ${value}`);
      }
    }
  }
  const whole = clean([text ?? '', ...free].join(' '));
  if (!whole) return facts;

  // dialect 2: labelled, comma-separated parts of the 16 text
  const from = /(?:^|,\s*)(?:Return )?From:\s*([^,]+)/.exec(whole);
  const remittanceInfo = /Remittance Info:\s*"([^"]*)"/.exec(whole);
  const reason = /Reason:\s*"?(R\d\d)\b/.exec(whole);
  if (from && credit) facts.remitterName ??= clean(from[1]);
  if (remittanceInfo) facts.remittance ??= clean(remittanceInfo[1]);
  if (reason) facts.returnReasonCode = reason[1];

  // dialects 3 and 4: tags inside the text
  const tags = new Map<string, string>();
  const found = [...whole.matchAll(TAG)];
  found.forEach((m, i) => {
    const end = i + 1 < found.length ? found[i + 1].index : whole.length;
    const value = clean(whole.slice(m.index + m[0].length, end));
    if (value) tags.set(m[1], value);
  });
  if (tags.size > 0) {
    for (const origin of [tags.get('ORG'), tags.get('B/O')]) {
      if (!origin || !credit) continue;
      const party = partyOf(origin);
      facts.remitterName ??= party.name;
      facts.remitterAccount ??= party.account;
    }
    const beneficiary = tags.get('BNF');
    if (beneficiary && credit) facts.creditedAccount ??= partyOf(beneficiary).account;
    if (tags.has('ORIG CO NAME') && credit) facts.remitterName ??= tags.get('ORIG CO NAME')!;
    const returnReason = /^R\d\d\b/.exec(tags.get('RETURN REASON') ?? '');
    if (returnReason) facts.returnReasonCode ??= returnReason[0];
    const remittance = [tags.get('OBI'), tags.get('CO ENTRY DESCR'), tags.get('REF')].filter(Boolean).join(' ');
    if (remittance) facts.remittance ??= remittance;
  }
  // the whole text stays readable: structured parts may miss what a person needs
  if (!facts.remittance) facts.remittance = whole;
  else if (whole !== facts.remittance) facts.extra.unshift(`Text: ${whole}`);
  return facts;
}
