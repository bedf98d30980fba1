import type { AmountValue, Rail } from '../statement.model';

/**
 * Payment rail from the ISO 20022 Bank Transaction Code (BTC): Domain / Family / SubFamily,
 * e.g. PMNT/RCDT/ESCT = Payments / Received Credit Transfers / SEPA Credit Transfer.
 * Codes are from the ISO 20022 external code set "ExternalBankTransactionFamily1Code" /
 * "ExternalBankTransactionSubFamily1Code" (BTC list published by ISO 20022 / SWIFT).
 *
 * Sub family codes are looked up first, then the family code.
 */
const RAIL_BY_CODE: ReadonlyMap<string, Rail> = new Map<string, Rail>(
  Object.entries({
    // SEPA: ESCT SEPA credit transfer, ESDD SEPA core direct debit, BBDD SEPA B2B direct debit
    ESCT: 'SEPA',
    ESDD: 'SEPA',
    BBDD: 'SEPA',
    // SWIFT (cross-border): XBCT cross-border credit transfer, XBSA cross-border salary,
    // XICT cross-border intra-company transfer, XBST cross-border standing order
    XBCT: 'SWIFT',
    XBSA: 'SWIFT',
    XICT: 'SWIFT',
    XBST: 'SWIFT',
    // ACH: ACDT ACH credit, ADBT ACH debit, ACOR ACH corporate trade, APAC ACH pre-authorised,
    // ARET ACH return, AREV ACH reversal, ASET ACH settlement, ATXN ACH transaction, ACON ACH concentration
    ACDT: 'ACH',
    ADBT: 'ACH',
    ACOR: 'ACH',
    APAC: 'ACH',
    ARET: 'ACH',
    AREV: 'ACH',
    ASET: 'ACH',
    ATXN: 'ACH',
    ACON: 'ACH',
    // Cash: family CNTR counter transactions; CDPT cash deposit, CWDL cash withdrawal,
    // BCDP branch deposit, BCWD branch withdrawal, FCDP/FCWD foreign currency deposit/withdrawal
    CNTR: 'CASH',
    CDPT: 'CASH',
    CWDL: 'CASH',
    BCDP: 'CASH',
    BCWD: 'CASH',
    FCDP: 'CASH',
    FCWD: 'CASH',
    // Cheques: families RCHQ received / ICHQ issued cheques; CCHQ cheque, BCHQ bank cheque,
    // CCCH certified customer cheque, CRCQ crossed cheque, URCQ cheque under reserve,
    // UPCQ unpaid cheque, CQRV cheque reversal, XBCQ foreign cheque, OPCQ open cheque, ORCQ order cheque
    RCHQ: 'CHEQUE',
    ICHQ: 'CHEQUE',
    CCHQ: 'CHEQUE',
    BCHQ: 'CHEQUE',
    CCCH: 'CHEQUE',
    CRCQ: 'CHEQUE',
    URCQ: 'CHEQUE',
    UPCQ: 'CHEQUE',
    CQRV: 'CHEQUE',
    XBCQ: 'CHEQUE',
    OPCQ: 'CHEQUE',
    ORCQ: 'CHEQUE',
  } satisfies Record<string, Rail>),
);

/** Hints inside non-standard sub family or proprietary codes ("SEPA-CT", "SWIFT MT103", "CHK"). */
const RAIL_HINTS: ReadonlyArray<readonly [string, Rail]> = [
  ['SEPA', 'SEPA'],
  ['XBCT', 'SWIFT'],
  ['SWIFT', 'SWIFT'],
  ['CHEQUE', 'CHEQUE'],
  ['CHQ', 'CHEQUE'],
  ['CHK', 'CHEQUE'],
  ['ACH', 'ACH'],
];

export interface BankTransactionCode {
  domain: string | null;
  family: string | null;
  subFamily: string | null;
  proprietary: string | null;
}

const hintCache = new Map<string, Rail | null>();

function hinted(code: string, wholeTokens: boolean): Rail | null {
  const key = wholeTokens ? code : `~${code}`;
  const cached = hintCache.get(key);
  if (cached !== undefined) return cached;
  const rail = findHint(code, wholeTokens);
  if (hintCache.size < 2048) hintCache.set(key, rail);
  return rail;
}

function findHint(code: string, wholeTokens: boolean): Rail | null {
  const upper = code.toUpperCase();
  if (!wholeTokens) {
    for (const [hint, rail] of RAIL_HINTS) if (upper.includes(hint)) return rail;
    return null;
  }
  // proprietary codes are free text: only whole tokens count ("ACH" but not "ATTACHED")
  for (const token of upper.split(/[^A-Z0-9]+/)) {
    const rail = RAIL_BY_CODE.get(token);
    if (rail) return rail;
    for (const [hint, r] of RAIL_HINTS) if (token === hint) return r;
  }
  return null;
}

/**
 * Rail for an entry: by BTC first; when the code is not conclusive, a UETR or an instructed
 * amount in a foreign currency routed through a BIC points to SWIFT; otherwise OTHER.
 */
export function railFor(
  btc: BankTransactionCode,
  uetr: string | null,
  amount: AmountValue,
  instructed: AmountValue | null,
  counterpartyBic: string | null,
): Rail {
  if (btc.subFamily) {
    const rail = RAIL_BY_CODE.get(btc.subFamily) ?? hinted(btc.subFamily, false);
    if (rail) return rail;
  }
  if (btc.family) {
    const rail = RAIL_BY_CODE.get(btc.family);
    if (rail) return rail;
  }
  if (btc.proprietary) {
    const rail = hinted(btc.proprietary, true);
    if (rail) return rail;
  }
  if (uetr) return 'SWIFT';
  if (instructed && instructed.currency !== amount.currency && counterpartyBic) return 'SWIFT';
  return 'OTHER';
}
