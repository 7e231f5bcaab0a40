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
  PROVIDER_FRACTION_DIGITS,
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
    expect(numberToMinor(1650.5, 'JPY')).toBe(1651);
    expect(numberToMinor(0.1 + 0.2, 'JPY')).toBeUndefined(); // float noise is rejected, not rounded away
    expect(numberToMinor(1e-7, 'USD')).toBeUndefined();
    expect(numberToMinor(Number.NaN, 'USD')).toBeUndefined();
    expect(numberToMinor(Number.POSITIVE_INFINITY, 'USD')).toBeUndefined();
  });

  it('respects ISO 4217 exponents', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(decimalToMinor('1650.00', 'JPY')).toBe(1650);
    expect(decimalToMinor('1650.50', 'JPY')).toBe(1651);
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

  // WHMCS keeps 2 decimals for every currency: finer than the minor unit → half-up (away from zero).
  it.each([
    ['123.40', 'JPY', 123],
    ['123.50', 'JPY', 124],
    ['123.49', 'JPY', 123],
    ['123.5', 'JPY', 124],
    ['0.49', 'JPY', 0],
    ['0.50', 'JPY', 1],
    ['1357.40', 'JPY', 1357],
    ['1650.50', 'JPY', 1651],
    ['1650.500', 'JPY', 1651],
    ['-0.50', 'JPY', -1],
    ['-0.49', 'JPY', 0],
    ['-123.40', 'JPY', -123],
    ['-123.50', 'JPY', -124],
    [' 99.99 ', 'JPY', 100],
    ['9007199254740990.50', 'JPY', 9007199254740991],
    ['0.10', 'USD', 10],
    ['0.05', 'USD', 5],
    ['-0.05', 'USD', -5],
    ['1.230', 'KWD', 1230],
  ])('decimalToMinor(%j, %s) = %d', (text, currency, expected) => {
    const minor = decimalToMinor(text, currency);
    expect(minor).toBe(expected);
    expect(Object.is(minor, -0)).toBe(false);
  });

  it.each([
    ['1650.505', 'JPY'], // a third decimal is beyond what WHMCS can send
    ['0.001', 'JPY'],
    ['12.345', 'USD'],
    ['1.2345', 'KWD'],
    ['9007199254740991.50', 'JPY'], // rounds past the safe-integer range
    ['NaN', 'JPY'],
    ['Infinity', 'JPY'],
    ['-Infinity', 'USD'],
    ['', 'JPY'],
    ['-', 'JPY'],
    ['.50', 'JPY'],
    ['12.', 'JPY'],
    ['+1.00', 'JPY'],
    ['1.2.3', 'JPY'],
    ['¥1,650', 'JPY'],
    ['0x10', 'JPY'],
  ])('decimalToMinor(%j, %s) is rejected', (text, currency) => {
    expect(decimalToMinor(text, currency)).toBeUndefined();
  });

  it('refuses mixed currencies, fractional factors and overflow', () => {
    const yen = moneyFromDecimal('1', 'JPY');
    expect(() => addMoney(yen, moneyFromDecimal('1', 'USD'))).toThrow(MoneyError);
    expect(() => multiplyMoney(yen, 1.5)).toThrow(MoneyError);
    expect(() => multiplyMoney({ value: Number.MAX_SAFE_INTEGER, currency: 'JPY' }, 2)).toThrow(MoneyError);
    expect(moneyFromDecimal('0.5', 'JPY')).toEqual({ value: 1, currency: 'JPY' });
    expect(() => moneyFromDecimal('0.505', 'JPY')).toThrow(MoneyError);
    expect(() => moneyFromDecimal('NaN', 'JPY')).toThrow(MoneyError);
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
  // Reference: exact rational arithmetic with BigInt, rounded half away from zero to the minor unit;
  // undefined when a non-zero digit lies beyond the provider's precision or the result is unsafe.
  function reference(text: string, exponent: number): number | undefined {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) return undefined;
    const [, sign = '', whole = '', fraction = ''] = match;
    if (/[1-9]/.test(fraction.slice(Math.max(exponent, PROVIDER_FRACTION_DIGITS)))) return undefined;
    const scaled = BigInt(whole + fraction) * 10n ** BigInt(exponent);
    const divisor = 10n ** BigInt(fraction.length);
    const minor = scaled / divisor + (2n * (scaled % divisor) >= divisor ? 1n : 0n);
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

  it('maps every WHMCS 2-decimal JPY amount to its half-up rounding', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (hundredths) => {
        const abs = hundredths < 0n ? -hundredths : hundredths;
        const text = `${hundredths < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        const expected = (abs / 100n + (abs % 100n >= 50n ? 1n : 0n)) * (hundredths < 0n ? -1n : 1n);
        const minor = decimalToMinor(text, 'JPY');
        if (expected > BigInt(Number.MAX_SAFE_INTEGER) || -expected > BigInt(Number.MAX_SAFE_INTEGER))
          expect(minor).toBeUndefined();
        else expect(minor === undefined ? undefined : BigInt(minor)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('sums generated USD amounts exactly (no float drift)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 50 }),
        (cents) => {
          const texts = cents.map((c) => {
            const abs = c < 0n ? -c : c;
            return `${c < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
          });
          const total = sumMoney(
            texts.map((text) => moneyFromDecimal(text, 'USD')),
            'USD',
          );
          expect(BigInt(total.value)).toBe(cents.reduce((a, b) => a + b, 0n));
        },
      ),
      { numRuns: 500 },
    );
  });
});
