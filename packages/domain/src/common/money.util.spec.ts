import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  currencyExponent,
  decimalToMinor,
  formatMoney,
  moneyFromDecimal,
  MoneyError,
  multiplyMoney,
  numberToMinor,
  subtractMoney,
  sumMoney,
  toDecimalString,
} from './money.util';

describe('money', () => {
  it('adds "0.10" + "0.20" to exactly "0.30" (no float drift)', () => {
    const sum = addMoney(moneyFromDecimal('0.10', 'USD'), moneyFromDecimal('0.20', 'USD'));
    expect(sum).toEqual({ value: 30, currency: 'USD' });
    expect(toDecimalString(sum)).toBe('0.30');
    expect(sum).toEqual(moneyFromDecimal('0.30', 'USD'));
    expect(0.1 + 0.2).not.toBe(0.3); // the float trap this avoids
  });

  it('sums many small amounts exactly', () => {
    const tenCents = moneyFromDecimal('0.10', 'USD');
    const total = sumMoney(
      Array.from({ length: 1000 }, () => tenCents),
      'USD',
    );
    expect(toDecimalString(total)).toBe('100.00');
    expect(toDecimalString(multiplyMoney(moneyFromDecimal('0.07', 'USD'), 3))).toBe('0.21');
    expect(
      toDecimalString(subtractMoney(moneyFromDecimal('0.30', 'USD'), moneyFromDecimal('0.10', 'USD'))),
    ).toBe('0.20');
  });

  it('converts JSON numbers through their decimal form', () => {
    expect(numberToMinor(0.1, 'USD')).toBe(10);
    expect(numberToMinor(0.1 + 0.2, 'USD')).toBeUndefined(); // 0.30000000000000004 is not an exact USD amount
    expect(numberToMinor(1650, 'JPY')).toBe(1650);
    expect(numberToMinor(1e-7, 'USD')).toBeUndefined();
    expect(numberToMinor(Number.NaN, 'USD')).toBeUndefined();
    expect(numberToMinor(Number.POSITIVE_INFINITY, 'USD')).toBeUndefined();
  });

  it('respects ISO 4217 exponents', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(decimalToMinor('1650.00', 'JPY')).toBe(1650);
    expect(decimalToMinor('1650.50', 'JPY')).toBeUndefined();
    expect(decimalToMinor('1.234', 'KWD')).toBe(1234);
    expect(decimalToMinor('12.5', 'USD')).toBe(1250);
    expect(decimalToMinor('12.345', 'USD')).toBeUndefined();
    expect(decimalToMinor('12.340', 'USD')).toBe(1234);
    expect(decimalToMinor('-0.05', 'USD')).toBe(-5);
    expect(decimalToMinor('-0.00', 'USD')).toBe(0);
    expect(decimalToMinor('1,650', 'JPY')).toBeUndefined();
    expect(decimalToMinor('1e3', 'JPY')).toBeUndefined();
    expect(decimalToMinor('99999999999999999999', 'JPY')).toBeUndefined();
  });

  it('refuses mixed currencies, fractional factors and overflow', () => {
    const yen = moneyFromDecimal('1', 'JPY');
    expect(() => addMoney(yen, moneyFromDecimal('1', 'USD'))).toThrow(MoneyError);
    expect(() => multiplyMoney(yen, 1.5)).toThrow(MoneyError);
    expect(() => multiplyMoney({ value: Number.MAX_SAFE_INTEGER, currency: 'JPY' }, 2)).toThrow(MoneyError);
    expect(() => moneyFromDecimal('0.5', 'JPY')).toThrow(MoneyError);
  });

  it('formats without floats, with WHMCS-style prefix and suffix', () => {
    expect(formatMoney({ value: 1234567, currency: 'JPY' }, { prefix: '¥' })).toBe('¥1,234,567 JPY');
    expect(formatMoney({ value: -1234, currency: 'USD' }, { prefix: '$', suffix: '' })).toBe('-$12.34');
    expect(formatMoney({ value: 5, currency: 'USD' })).toBe('0.05 USD');
    expect(toDecimalString({ value: 1650, currency: 'JPY' })).toBe('1650');
    expect(toDecimalString({ value: 1, currency: 'KWD' })).toBe('0.001');
  });
});

describe('decimalToMinor against a BigInt reference', () => {
  // Reference: exact rational arithmetic with BigInt; undefined when not a whole number of minor units.
  function reference(text: string, exponent: number): number | undefined {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) return undefined;
    const [, sign = '', whole = '', fraction = ''] = match;
    const scaled = BigInt(whole + fraction) * 10n ** BigInt(exponent);
    const divisor = 10n ** BigInt(fraction.length);
    if (scaled % divisor !== 0n) return undefined;
    const minor = scaled / divisor;
    if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
    return sign === '-' && minor !== 0n ? -Number(minor) : Number(minor);
  }

  it('agrees on generated decimal strings and near-misses', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', ' ', '+'),
        fc.stringMatching(/^\d{0,18}$/),
        fc.option(fc.stringMatching(/^\d{0,6}$/), { nil: undefined }),
        fc.constantFrom('', ' ', 'x'),
      )
      .map(
        ([sign, whole, fraction, tail]) =>
          `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}${tail}`,
      );
    fc.assert(
      fc.property(decimal, fc.constantFrom('JPY', 'USD', 'KWD'), (text, currency) => {
        expect(decimalToMinor(text, currency)).toBe(reference(text, currencyExponent(currency)));
      }),
      { numRuns: 2000 },
    );
  });
});
