import { z } from 'zod';

/** An id WHMCS sends as a JSON number in one action and a numeric string in another (`1` vs `"1"`). */
export const whmcsIdSchema = z.union([z.int().nonnegative(), z.string().regex(/^\d+$/)]);

/** A money amount: WHMCS sends 2-dp decimal strings (`"15.95"`), occasionally plain numbers. */
export const whmcsMoneySchema = z.union([z.string().regex(/^\s*-?\d+(?:\.\d+)?\s*$/), z.number()]);

/** A date or datetime; `0000-00-00`, `0000-00-00 00:00:00` and `""` mean "none". */
export const whmcsDateSchema = z.string().regex(/^(?:\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?)?$/);

/** A count WHMCS may send as a number or a string (`"totalresults":"3"` next to `"numreturned":3`). */
export const whmcsCountSchema = z.union([z.int().nonnegative(), z.string().regex(/^\d+$/)]);

/** Free text, possibly HTML-escaped (`Yamada &amp; Sons`). */
export const whmcsTextSchema = z.string();

/** Booleans arrive as `true`, `"false"`, `0`/`1` or `"on"`/`""`. */
export const whmcsBoolSchema = z.union([z.boolean(), z.number(), z.string()]);

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
