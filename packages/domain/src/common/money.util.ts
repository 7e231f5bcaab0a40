import type { CurrencyCode, Money } from './money.schema';

// ISO 4217 minor-unit exponents that differ from the usual 2.
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000] as const;

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);

/** Thrown by money arithmetic on mismatched currencies, non-integer factors or unsafe results. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

/** The number of minor-unit digits of a currency (ISO 4217): 0 for JPY, 2 for USD, 3 for KWD. */
export function currencyExponent(currency: CurrencyCode): number {
  return EXPONENTS[currency] ?? 2;
}

/**
 * Decimals a provider amount may carry, whatever the currency: WHMCS keeps 2 decimals for every currency
 * (`"123.40"` in JPY), as Salesforce currency fields do by default. Currencies with a larger exponent (KWD: 3)
 * may carry that many. A non-zero digit beyond this cannot come from the provider (float noise such as
 * `0.30000000000000004`), so it is rejected rather than rounded away.
 */
export const PROVIDER_FRACTION_DIGITS = 2;

/**
 * Converts a provider decimal string such as `"1650.00"` or `"-0.10"` to integer minor units of the currency,
 * digit by digit (never through floats).
 *
 * Provider amounts finer than the currency's minor unit are rounded **half-up** to it; WHMCS keeps 2 decimals
 * for every currency, so a JPY tax of `"123.40"` is 123 and `"1650.50"` is 1651. Half-up means half away from
 * zero for negative amounts (`"-0.50"` JPY is -1), as PHP's `round()` and WHMCS's display of zero-decimal
 * currencies do, so a credit mirrors the charge it reverses. Currencies with 2 or more minor digits are exact.
 *
 * Returns `undefined` when the text is not a plain decimal (signs other than a leading `-`, exponents,
 * separators, `NaN`, `Infinity`), has a non-zero digit beyond `max(exponent, PROVIDER_FRACTION_DIGITS)` decimals
 * (`"12.345"` in USD), or leaves the safe-integer range. Leading/trailing whitespace and trailing zeros are fine.
 */
export function decimalToMinor(text: string, currency: CurrencyCode): number | undefined {
  // Hand-rolled rather than regex + slicing: this runs for every amount of every mapped payload.
  const exponent = currencyExponent(currency);
  const precision = Math.max(exponent, PROVIDER_FRACTION_DIGITS);
  let i = 0;
  let end = text.length;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let minor = 0;
  let wholeDigits = 0;
  let fractionDigits = -1;
  let roundUp = false;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (fractionDigits >= 0 || wholeDigits === 0) return undefined;
      fractionDigits = 0;
      continue;
    }
    if (code < 48 || code > 57) return undefined;
    if (fractionDigits < 0) wholeDigits++;
    else if (fractionDigits++ >= exponent) {
      // Below the minor unit: beyond the provider's precision only zeros; otherwise the first dropped digit
      // alone decides half-up (≥ 5 is at least half, < 5 stays below half whatever follows).
      if (fractionDigits > precision) {
        if (code !== 48) return undefined;
      } else if (fractionDigits === exponent + 1) roundUp = code >= 53;
      continue;
    }
    minor = minor * 10 + (code - 48);
    if (minor > Number.MAX_SAFE_INTEGER) return undefined;
  }
  if (wholeDigits === 0 || fractionDigits === 0) return undefined;
  const scaled =
    minor * (POWERS_OF_TEN[exponent - Math.max(0, Math.min(fractionDigits, exponent))] ?? 1) +
    (roundUp ? 1 : 0);
  if (!Number.isSafeInteger(scaled)) return undefined;
  return negative && scaled !== 0 ? -scaled : scaled;
}

/**
 * Converts a JSON number (as Salesforce sends currency fields) to minor units through its shortest
 * decimal representation, so `0.1` stays exactly one tenth; then the rules of {@link decimalToMinor} apply
 * (`1650.5` JPY → 1651, `0.1 + 0.2` USD → `undefined`). Returns `undefined` when not representable.
 */
export function numberToMinor(value: number, currency: CurrencyCode): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  // Exponent notation only appears for magnitudes far outside any invoice (or below 1e-6).
  return text.includes('e') ? undefined : decimalToMinor(text, currency);
}

/**
 * Builds money from a provider decimal string, rounded half-up to the minor unit like {@link decimalToMinor}.
 * @throws {MoneyError} when the text is not a decimal amount a provider could send in that currency.
 */
export function moneyFromDecimal(text: string, currency: CurrencyCode): Money {
  const value = decimalToMinor(text, currency);
  if (value === undefined) throw new MoneyError(`Not a valid ${currency} amount`);
  return { value, currency };
}

/** Zero in the given currency. */
export function zeroMoney(currency: CurrencyCode): Money {
  return { value: 0, currency };
}

function checked(value: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(value)) throw new MoneyError('Money amount out of the safe-integer range');
  return { value, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`Currency mismatch: ${a.currency} vs ${b.currency}`);
}

/** a + b, exact. @throws {MoneyError} on different currencies or overflow. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checked(a.value + b.value, a.currency);
}

/** a − b, exact. @throws {MoneyError} on different currencies or overflow. */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checked(a.value - b.value, a.currency);
}

/** Money times an integer quantity. @throws {MoneyError} on a non-integer factor or overflow. */
export function multiplyMoney(amount: Money, factor: number): Money {
  if (!Number.isInteger(factor)) throw new MoneyError('Money can only be multiplied by an integer');
  return checked(amount.value * factor, amount.currency);
}

/** Sum of amounts in one currency (zero for an empty list). @throws {MoneyError} on a foreign currency. */
export function sumMoney(amounts: readonly Money[], currency: CurrencyCode): Money {
  let total = zeroMoney(currency);
  for (const amount of amounts) total = addMoney(total, amount);
  return total;
}

/** The amount as a plain decimal string in major units: `{1234,'USD'}` → `"12.34"`, `{1650,'JPY'}` → `"1650"`. */
export function toDecimalString(amount: Money): string {
  const exponent = currencyExponent(amount.currency);
  const digits = Math.abs(amount.value)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = amount.value < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Formatting options for {@link formatMoney}; WHMCS currency prefixes/suffixes plug in directly. */
export interface FormatMoneyOptions {
  /** Printed before the number, e.g. `¥` or `$`. Default: none. */
  prefix?: string;
  /** Printed after the number, e.g. ` JPY`. Default: a space and the currency code. */
  suffix?: string;
  /** Thousands separator. Default `,`. */
  groupSeparator?: string;
}

/** Human-readable amount, e.g. `¥1,650 JPY` or `-$12.34 USD`, built from the integer (no float, no Intl rounding). */
export function formatMoney(amount: Money, options: FormatMoneyOptions = {}): string {
  const { prefix = '', suffix = ` ${amount.currency}`, groupSeparator = ',' } = options;
  const decimal = toDecimalString(amount);
  const negative = decimal.startsWith('-');
  const [whole = '', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  return `${negative ? '-' : ''}${prefix}${grouped}${fraction === undefined ? '' : `.${fraction}`}${suffix}`;
}
