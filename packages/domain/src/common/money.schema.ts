import { z } from 'zod';

/** An ISO 4217 alphabetic currency code, e.g. `JPY`, `USD`. */
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'Invalid ISO 4217 currency code');
export type CurrencyCode = z.infer<typeof currencyCodeSchema>;

/**
 * An exact amount of money: `{ value, currency }` where **`value` is an integer count of the currency's
 * minor units** (ISO 4217 exponent: `JPY` 0 → yen, `USD` 2 → cents, `KWD` 3 → fils).
 * `{ value: 1650, currency: 'JPY' }` is ¥1,650; `{ value: 1234, currency: 'USD' }` is $12.34.
 * Amounts never pass through a float; use the helpers in `money.util` to parse, add and format them.
 */
export const moneySchema = z.object({
  value: z.int(),
  currency: currencyCodeSchema,
});
export type Money = z.infer<typeof moneySchema>;
