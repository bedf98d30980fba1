export { readCamt } from './camt.parser';
export { detectCamt, CAMT_ROOTS } from './camt.detect';
export { railFor, type BankTransactionCode } from './camt.rail';
