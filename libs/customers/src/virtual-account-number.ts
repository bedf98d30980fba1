import { DomainError } from '@remitd/core';
import { buildIban, isValidIban, normalizeIban, withCheckDigits } from './check-digits';

/** How many trailing BBAN characters a virtual account's serial takes. */
export const VIRTUAL_SERIAL_DIGITS = 8;

/**
 * The exclusive virtual account number for `serial` under a collection account.
 * Under an IBAN: the collection account's BBAN with its last 8 characters replaced by the serial,
 * and fresh IBAN check digits (a typo in any digit is caught by MOD 97). Under a plain account
 * number (ACH): the account's leading digits, the serial and two MOD 97 check digits.
 */
export function virtualAccountNumber(
  collection: { iban: string | null; accountNumber: string },
  serial: bigint,
): string {
  if (serial < 1n || serial >= 10n ** BigInt(VIRTUAL_SERIAL_DIGITS)) {
    throw new DomainError(
      'VIRTUAL_ACCOUNT_RANGE_EXHAUSTED',
      `serial ${serial} is outside the collection account's virtual range`,
      'conflict',
    );
  }
  const s = serial.toString().padStart(VIRTUAL_SERIAL_DIGITS, '0');
  if (collection.iban) {
    const iban = normalizeIban(collection.iban);
    if (!isValidIban(iban))
      throw new DomainError('INVALID_IBAN', `collection IBAN ${iban} is not valid`, 'validation', 'iban');
    const bban = iban.slice(4);
    return buildIban(iban.slice(0, 2), bban.slice(0, bban.length - VIRTUAL_SERIAL_DIGITS) + s);
  }
  const prefix = collection.accountNumber.replace(/\D/g, '').slice(0, 4).padEnd(4, '0');
  return withCheckDigits(prefix + s);
}
