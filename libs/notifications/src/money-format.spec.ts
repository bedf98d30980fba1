import { currencyScale, formatAmount, formatMoney, isDecimalString } from './money-format';

describe('formatAmount', () => {
  it.each([
    ['1234567.5', 'USD', '1,234,567.50'],
    ['0', 'USD', '0.00'],
    ['0.1', 'EUR', '0.10'],
    ['999', 'USD', '999.00'],
    ['1000', 'USD', '1,000.00'],
    ['-1234.5', 'USD', '-1,234.50'],
    ['-0.00', 'USD', '0.00'],
    ['000123.40', 'USD', '123.40'],
    ['1234567', 'JPY', '1,234,567'],
    ['1234567.000', 'JPY', '1,234,567'],
    ['1234.5', 'KWD', '1,234.500'],
    ['12345678901234567890.12', 'USD', '12,345,678,901,234,567,890.12'],
    ['0.30', 'CHF', '0.30'],
  ])('%s %s -> %s', (amount, currency, expected) => {
    expect(formatAmount(amount, currency)).toBe(expected);
  });

  it('keeps digits beyond the range of a JS number exact', () => {
    expect(formatAmount('9007199254740993.99', 'USD')).toBe('9,007,199,254,740,993.99');
  });

  it('refuses to round away non-zero digits beyond the currency scale', () => {
    expect(() => formatAmount('1.005', 'USD')).toThrow(/more decimal places than USD allows \(2\)/);
    expect(() => formatAmount('1.5', 'JPY')).toThrow(/JPY allows \(0\)/);
  });

  it('rejects what is not a plain decimal string or currency code', () => {
    for (const bad of ['1,000.00', '1e3', '+1', '.5', '1.', '', ' 1', 'NaN']) {
      expect(() => formatAmount(bad, 'USD')).toThrow(/Invalid amount/);
    }
    expect(() => formatAmount(12 as unknown as string, 'USD')).toThrow(/Invalid amount/);
    expect(() => formatAmount('1', 'usd')).toThrow(/Invalid currency code/);
  });

  it('formatMoney appends the currency code', () => {
    expect(formatMoney('1234567.5', 'USD')).toBe('1,234,567.50 USD');
    expect(formatMoney('500', 'JPY')).toBe('500 JPY');
  });

  it('knows the ISO 4217 scales', () => {
    expect(currencyScale('USD')).toBe(2);
    expect(currencyScale('JPY')).toBe(0);
    expect(currencyScale('BHD')).toBe(3);
    expect(isDecimalString('-12.30')).toBe(true);
    expect(isDecimalString(12.3)).toBe(false);
  });
});
