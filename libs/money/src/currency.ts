import { DomainError } from '@remitd/core';

/**
 * ISO 4217 active codes and their minor-unit scale. Most use 2; the exceptions are listed.
 * Funds codes and precious metals (XAU, XDR…) are not accepted for payments.
 */
const ISO_4217 =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
  'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
  'LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR ' +
  'NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP ' +
  'STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF ' +
  'XPF YER ZAR ZMW ZWG';
const SCALE_0 = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const SCALE_3 = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

const SCALES: ReadonlyMap<string, number> = new Map(
  ISO_4217.split(' ').map((c) => [c, SCALE_0.has(c) ? 0 : SCALE_3.has(c) ? 3 : 2]),
);

export type CurrencyCode = string & { readonly __currency: unique symbol };

export function isCurrency(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && SCALES.has(code);
}

export function currency(code: string, field = 'currency'): CurrencyCode {
  if (!isCurrency(code)) {
    throw new DomainError(
      'UNKNOWN_CURRENCY',
      `${field}: "${code}" is not an ISO 4217 currency code`,
      'validation',
      field,
    );
  }
  return code;
}

export function currencyScale(code: string): number {
  const s = SCALES.get(code);
  if (s === undefined)
    throw new DomainError('UNKNOWN_CURRENCY', `"${code}" is not an ISO 4217 currency code`, 'validation');
  return s;
}

export const SUPPORTED_CURRENCIES: readonly string[] = [...SCALES.keys()];
