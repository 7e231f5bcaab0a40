import { z } from 'zod';

const DIGITS = /^\d+$/;
const DECIMAL = /^\s*-?\d+(?:\.\d+)?\s*$/;

// Hot fields use one custom check instead of a union: a union allocates an issue for every branch that
// misses, which dominated mapping time for string ids.
const isNonNegativeId = (value: unknown): value is number | string =>
  typeof value === 'number'
    ? Number.isSafeInteger(value) && value >= 0
    : typeof value === 'string' && DIGITS.test(value);

/** An id WHMCS sends as a JSON number in one action and a numeric string in another (`1` vs `"1"`). */
export const whmcsIdSchema = z.custom<number | string>(isNonNegativeId, 'Expected a numeric id');

/** A money amount: WHMCS sends 2-dp decimal strings (`"15.95"`), occasionally plain numbers. */
export const whmcsMoneySchema = z.custom<string | number>(
  (value) =>
    typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && DECIMAL.test(value),
  'Expected a decimal amount',
);

/** A date or datetime; `0000-00-00`, `0000-00-00 00:00:00` and `""` mean "none". */
export const whmcsDateSchema = z.string().regex(/^(?:\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?)?$/);

/** A count WHMCS may send as a number or a string (`"totalresults":"3"` next to `"numreturned":3`). */
export const whmcsCountSchema = z.custom<number | string>(isNonNegativeId, 'Expected a count');

/** Free text, possibly HTML-escaped (`Yamada &amp; Sons`). */
export const whmcsTextSchema = z.string();

/** Booleans arrive as `true`, `"false"`, `0`/`1` or `"on"`/`""`. */
export const whmcsBoolSchema = z.custom<boolean | number | string>(
  (value) =>
    typeof value === 'boolean' ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value)),
  'Expected a flag',
);

/** The generic error envelope; some actions answer `status` instead of `result`. */
export const whmcsErrorSchema = z.union([
  z.object({ result: z.literal('error'), message: z.string() }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type WhmcsErrorResponse = z.infer<typeof whmcsErrorSchema>;

/**
 * A wrapped WHMCS list (`{ invoice: [...] }`). Empty lists arrive as `""`, `{}`, `{ invoice: [] }`,
 * or with the key missing altogether.
 */
export function whmcsListSchema<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z
    .union([
      z.literal(''),
      z.object({ [key]: z.array(item).optional() } as { [P in K]: z.ZodOptional<z.ZodArray<T>> }),
    ])
    .optional()
    .nullable();
}
