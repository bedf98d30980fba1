import { DomainError } from '@remitd/core';

/** ISO 7064 MOD 97-10 remainder of a string of digits and letters (A=10 … Z=35), as IBANs use. */
export function mod97(input: string): number {
  let rem = 0;
  for (const ch of input.toUpperCase()) {
    const code = ch.charCodeAt(0);
    const v = code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 90 ? code - 55 : -1;
    if (v < 0)
      throw new DomainError('INVALID_ACCOUNT_CHARACTER', `"${ch}" is not allowed in an account number`, 'validation');
    rem = v < 10 ? (rem * 10 + v) % 97 : (rem * 100 + v) % 97;
  }
  return rem;
}

export function normalizeIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

export function isValidIban(iban: string): boolean {
  const s = normalizeIban(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  return mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

/** Builds an IBAN from country and BBAN, computing the two check digits. */
export function buildIban(country: string, bban: string): string {
  const check = 98 - mod97(bban + country + '00');
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** Two MOD 97-10 check digits appended to a plain (non-IBAN) account number, e.g. for US accounts. */
export function withCheckDigits(digits: string): string {
  const check = 98 - mod97(digits + '00');
  return digits + String(check).padStart(2, '0');
}

export function hasValidCheckDigits(number: string): boolean {
  return /^\d{3,}$/.test(number) && mod97(number) === 1;
}

/** Groups an IBAN in blocks of four for people to read. */
export const formatIban = (iban: string) =>
  normalizeIban(iban)
    .replace(/(.{4})/g, '$1 ')
    .trim();

/**
 * A US ABA routing transit number: 9 digits whose weighted sum 3·(d1+d4+d7) + 7·(d2+d5+d8) +
 * (d3+d6+d9) is a multiple of 10 (the ABA checksum), so a mistyped digit is caught before a
 * customer is told to pay there.
 */
export function isValidAbaRoutingNumber(routingNumber: string): boolean {
  if (!/^\d{9}$/.test(routingNumber)) return false;
  const d = [...routingNumber].map(Number);
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
  return sum % 10 === 0;
}
