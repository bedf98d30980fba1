/**
 * Customer-readable texts for the return/reversal reason codes banks report: NACHA return
 * codes (R01...) and ISO 20022 ExternalReturnReason1Code values as found in camt.053/054
 * (AC01...). Unknown codes are shown as-is with the bank's own text, if any.
 */
const RETURN_REASONS: Readonly<Record<string, string>> = {
  // NACHA (ACH) return codes
  R01: 'Insufficient funds in the sending account',
  R02: 'The sending account is closed',
  R03: 'No account found, or the account could not be located',
  R04: 'Invalid account number',
  R05: 'Unauthorized debit to a consumer account',
  R06: 'Returned at the request of the originating bank',
  R07: 'Authorization revoked by the customer',
  R08: 'Payment stopped',
  R09: 'Uncollected funds',
  R10: 'The account holder says the transfer was not authorized',
  R11: 'The account holder says the transfer did not match its authorization',
  R12: 'The account was sold to another bank',
  R13: 'Invalid routing number',
  R14: 'The account holder is deceased (representative payee)',
  R15: 'The account holder is deceased',
  R16: 'The account is frozen',
  R17: 'The file record was rejected by the bank',
  R20: 'The account does not allow this type of transaction',
  R23: 'The receiver refused the credit',
  R24: 'Duplicate entry',
  R29: 'The corporate account holder says the transfer was not authorized',
  R31: 'Permissible return entry agreed with the sending bank',
  // ISO 20022 return reasons (camt.053 / camt.054 / pacs.004)
  AC01: 'Incorrect account number',
  AC03: 'Invalid beneficiary account number',
  AC04: 'The account is closed',
  AC06: 'The account is blocked',
  AG01: 'Transaction forbidden on this account',
  AG02: 'Invalid bank operation code',
  AM04: 'Insufficient funds',
  AM05: 'Duplicate payment',
  AM09: 'Wrong amount',
  BE01: 'Account holder name does not match the account',
  BE04: 'Missing beneficiary address',
  BE05: 'Unrecognised initiating party',
  CUST: 'Requested by the customer',
  DUPL: 'Duplicate payment',
  FF01: 'Invalid file format',
  FOCR: 'Returned following a cancellation request',
  FR01: 'Returned for suspected fraud',
  MD07: 'The account holder is deceased',
  MS02: 'Reason not specified (customer generated)',
  MS03: 'Reason not specified (bank generated)',
  NARR: "See the bank's explanation",
  RC01: 'Incorrect bank identifier (BIC)',
  RR01: 'Missing account holder account or identification (regulatory)',
  RR02: 'Missing account holder name or address (regulatory)',
  RR03: 'Missing beneficiary name or address (regulatory)',
  RR04: 'Regulatory reason',
  SL01: 'Specific service offered by the bank',
  TM01: "Received after the bank's cut-off time",
};

/** The human text for a return reason code, or null when the code is not known. */
export function describeReturnReason(code: string): string | null {
  return RETURN_REASONS[code.trim().toUpperCase()] ?? null;
}
