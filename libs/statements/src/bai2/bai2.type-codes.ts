import type { Direction, Rail } from '../statement.model';

/**
 * BAI2 detail type codes (16 records) remitd gives a meaning: the rail, and whether the code
 * reports a return or reversal. The ranges decide the side (BAI2: 100–399 credits, 400–699
 * debits, 900–959 customized credits, 960–999 customized debits); 001–099 are balances and
 * 700–799 loan codes, which carry no side. Codes outside the table keep their number: the
 * entry's additional information names it.
 */
export interface TypeCodeMeaning {
  label: string;
  rail: Rail;
  /** the entry undoes an earlier one: an ACH return, a rejected credit, a returned cheque or wire */
  reversal?: boolean;
}

const WIRE: Rail = 'SWIFT';

/** design: only SWIFT and ACH credits are auto-credited; cheques, lockbox and cash are queued, flagged. */
export const TYPE_CODES: ReadonlyMap<string, TypeCodeMeaning> = new Map<string, TypeCodeMeaning>([
  ['108', { label: 'credit (any type)', rail: 'OTHER' }],
  // lockbox and cheques
  ['115', { label: 'lockbox deposit', rail: 'CHEQUE' }],
  ['116', { label: 'item in lockbox deposit', rail: 'CHEQUE' }],
  ['118', { label: 'lockbox adjustment credit', rail: 'CHEQUE' }],
  ['175', { label: 'check deposit package', rail: 'CHEQUE' }],
  ['176', { label: 're-presented check deposit', rail: 'CHEQUE' }],
  ['184', { label: 'draft deposit', rail: 'CHEQUE' }],
  ['187', { label: 'cash letter credit', rail: 'CHEQUE' }],
  ['189', { label: 'cash letter adjustment', rail: 'CHEQUE' }],
  ['221', { label: 'foreign check purchase', rail: 'CHEQUE' }],
  ['222', { label: 'foreign checks deposited', rail: 'CHEQUE' }],
  ['301', { label: 'commercial deposit', rail: 'CHEQUE' }],
  // cash
  ['295', { label: 'ATM credit', rail: 'CASH' }],
  ['353', { label: 'cash center credit', rail: 'CASH' }],
  ['366', { label: 'currency and coin deposited', rail: 'CASH' }],
  // ACH credits
  ['121', { label: 'EDI transaction credit', rail: 'ACH' }],
  ['142', { label: 'ACH credit received', rail: 'ACH' }],
  ['143', { label: 'item in ACH deposit', rail: 'ACH' }],
  ['145', { label: 'ACH concentration credit', rail: 'ACH' }],
  ['164', { label: 'corporate trade payment credit', rail: 'ACH' }],
  ['165', { label: 'preauthorized ACH credit', rail: 'ACH' }],
  ['166', { label: 'ACH settlement', rail: 'ACH' }],
  ['168', { label: 'ACH return item or adjustment settlement', rail: 'ACH' }],
  ['169', { label: 'miscellaneous ACH credit', rail: 'ACH' }],
  // wires
  ['191', { label: 'individual incoming internal money transfer', rail: WIRE }],
  ['195', { label: 'incoming money transfer', rail: WIRE }],
  ['196', { label: 'money transfer adjustment', rail: WIRE }],
  ['206', { label: 'book transfer credit', rail: 'OTHER' }],
  ['208', { label: 'individual international money transfer credit', rail: WIRE }],
  ['216', { label: 'foreign remittance credit', rail: WIRE }],
  ['218', { label: 'foreign collection credit', rail: 'OTHER' }],
  // returns and reversals that come back as credits
  ['123', { label: 'EDIBANX credit return', rail: 'ACH', reversal: true }],
  ['255', { label: 'check returned', rail: 'CHEQUE', reversal: true }],
  ['257', { label: 'individual ACH return item', rail: 'ACH', reversal: true }],
  ['258', { label: 'ACH reversal credit', rail: 'ACH', reversal: true }],
  ['261', { label: 'individual rejected credit', rail: 'ACH', reversal: true }],
  ['266', { label: 'return item', rail: 'OTHER', reversal: true }],
  ['268', { label: 'return item adjustment', rail: 'OTHER', reversal: true }],
  ['395', { label: 'check reversal', rail: 'CHEQUE', reversal: true }],
  ['354', { label: 'interest credit', rail: 'OTHER' }],
  ['399', { label: 'miscellaneous credit', rail: 'OTHER' }],
  // debits
  ['409', { label: 'debit (any type)', rail: 'OTHER' }],
  ['415', { label: 'lockbox debit', rail: 'CHEQUE' }],
  ['447', { label: 'ACH disbursement funding debit', rail: 'ACH' }],
  ['451', { label: 'ACH debit received', rail: 'ACH' }],
  ['455', { label: 'preauthorized ACH debit', rail: 'ACH' }],
  ['466', { label: 'ACH settlement', rail: 'ACH' }],
  ['469', { label: 'miscellaneous ACH debit', rail: 'ACH' }],
  ['475', { label: 'check paid', rail: 'CHEQUE' }],
  ['495', { label: 'outgoing money transfer', rail: WIRE }],
  ['508', { label: 'individual international money transfer debit', rail: WIRE }],
  ['555', { label: 'deposited item returned', rail: 'CHEQUE', reversal: true }],
  ['557', { label: 'individual ACH return item', rail: 'ACH', reversal: true }],
  ['558', { label: 'ACH reversal debit', rail: 'ACH', reversal: true }],
  ['564', { label: 'ACH return item or adjustment settlement', rail: 'ACH', reversal: true }],
  ['698', { label: 'miscellaneous fee', rail: 'OTHER' }],
  ['699', { label: 'miscellaneous debit', rail: 'OTHER' }],
]);

/** The side of a detail type code from its range; null for codes that have none (balances, loans). */
export function directionOf(typeCode: string): Direction | null {
  const n = Number(typeCode);
  if (n >= 100 && n <= 399) return 'CRDT';
  if (n >= 400 && n <= 699) return 'DBIT';
  if (n >= 900 && n <= 959) return 'CRDT';
  if (n >= 960 && n <= 999) return 'DBIT';
  return null;
}

/** Summary codes (03 records) that are balances: the opening and closing ledger of the day. */
export const OPENING_LEDGER = '010';
export const CLOSING_LEDGER = '015';
