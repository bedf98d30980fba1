/**
 * One normalized model for every bank format (camt.052/053/054, MT940/942, NACHA, BAI2).
 * Amounts are decimal strings exactly as the bank wrote them (normalized: no thousands
 * separators, '.' as decimal point, no sign); direction carries the sign. Parsers never
 * produce JS numbers for money.
 */
export type StatementFormat = 'camt.052' | 'camt.053' | 'camt.054' | 'mt940' | 'mt942' | 'nacha' | 'bai2';

export type Rail = 'SWIFT' | 'ACH' | 'SEPA' | 'CASH' | 'CHEQUE' | 'OTHER';

export type Direction = 'CRDT' | 'DBIT';

export interface AmountValue {
  /** decimal string, non-negative, e.g. "1250.00" */
  amount: string;
  /** ISO 4217 code */
  currency: string;
}

export interface BalanceValue extends AmountValue {
  /** signed: a debit balance is negative, e.g. "-10.50" */
  signedAmount: string;
  /** ISO date YYYY-MM-DD */
  date: string | null;
}

export interface ParsedEntry {
  /** 0-based index of the entry in the statement (after expanding batches into details) */
  index: number;
  direction: Direction;
  amount: AmountValue;
  /** ISO date YYYY-MM-DD */
  bookingDate: string | null;
  valueDate: string | null;
  /** BOOK, PDNG, INFO (camt Sts); MT940/NACHA entries are BOOK */
  status: 'BOOK' | 'PDNG' | 'INFO';
  /** the bank's own reference for the entry (camt AcctSvcrRef / NtryRef, MT940 bank ref, NACHA trace number, BAI2 bank reference) */
  bankReference: string | null;
  /**
   * the entry's identity at the bank when the bank gives one that is unique bank-wide: camt
   * AcctSvcrRef, MT940 bank reference after "//", NACHA trace number qualified by the batch's
   * effective date and batch number. Null when only a per-statement reference exists (camt
   * NtryRef, MT940 customer reference): see natural-key.ts
   */
  strongReference: string | null;
  endToEndId: string | null;
  /** SWIFT UETR when present */
  uetr: string | null;
  remitterName: string | null;
  /** IBAN or other account id of the remitter (debtor for credits) */
  remitterAccount: string | null;
  remitterBic: string | null;
  /** the account credited inside the collection account, e.g. a virtual account number (camt CdtrAcct, NACHA DFI account) */
  creditedAccount: string | null;
  remittanceUnstructured: string | null;
  /** structured creditor reference (camt Strd/CdtrRefInf/Ref, RF/QRR/ISR refs) */
  remittanceStructured: string | null;
  /** amount the remitter instructed, possibly in another currency (camt AmtDtls/InstdAmt, MT940 /OCMT/) */
  instructedAmount: AmountValue | null;
  /** total charges deducted by banks (camt Chrgs, MT940 /CHGS/) in the entry currency when known */
  charges: AmountValue | null;
  /** bank transaction code as given: camt Domain/Family/SubFamily "PMNT/RCDT/ESCT", proprietary code, MT940 N-code "NTRF", NACHA "ACH:22", BAI2 type code "BAI2:195" */
  bankTransactionCode: string | null;
  rail: Rail;
  /** true when the bank marks the entry as a reversal (camt RvslInd, MT940 RC/RD, NACHA return) */
  reversal: boolean;
  /** return reason code (camt RtrInf/Rsn/Cd, NACHA R01..R85) */
  returnReasonCode: string | null;
  /** for returns: the reference of the original entry when the bank gives it (NACHA original trace) */
  originalReference: string | null;
  /** NACHA notification of change code (C01..C14) */
  changeCode: string | null;
  /** where in the file this entry came from: "line 42" or "Stmt[1]/Ntry[3]/TxDtls[2]" */
  location: string;
  /** free text extras worth showing a person (AddtlNtryInf, field 86 raw, addenda) */
  additionalInfo: string | null;
}

export interface ParsedStatement {
  format: StatementFormat;
  /** camt message / MT940 :20: / NACHA file id */
  messageId: string | null;
  /** camt Stmt/Id, MT940 :20:+:28C:, NACHA file id modifier + date, BAI2 account/as-of date/as-of modifier */
  statementId: string | null;
  /** camt ElctrncSeqNb / LglSeqNb, MT940 :28C: statement number */
  sequenceNumber: string | null;
  /** collection account as written by the bank: IBAN or other id (NACHA: immediate destination / company id) */
  account: string;
  accountCurrency: string | null;
  servicerBic: string | null;
  createdAt: string | null;
  fromDate: string | null;
  toDate: string | null;
  openingBalance: BalanceValue | null;
  closingBalance: BalanceValue | null;
  entries: ParsedEntry[];
  /** opening + booked entries = closing? null when there are no balances to compare */
  balanced: boolean | null;
  /** things that did not stop parsing but a person should know */
  warnings: string[];
}

/** A file that cannot be parsed: names the file and the line or element. */
export class StatementParseError extends Error {
  readonly code = 'STATEMENT_PARSE_ERROR';
  constructor(
    readonly reason: string,
    readonly location: string | null,
    readonly fileName: string | null = null,
  ) {
    super(`${fileName ?? 'statement'}${location ? ` at ${location}` : ''}: ${reason}`);
  }
}
