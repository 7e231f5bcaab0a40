import { z } from 'zod';
import { salesforceIdSchema } from '../../identifiers.schema';

/** The `attributes` block on every record jsforce returns. */
export const salesforceAttributesSchema = z.object({ type: z.string(), url: z.string().optional() });

/** A Date field: `YYYY-MM-DD`. */
export const salesforceDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A DateTime field: REST sends `2026-03-28T09:15:00.000+0000`; `Z` and `+00:00` forms are accepted too. */
export const salesforceDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})$/);

/** A record id (15 or 18 characters); mappers normalise it to 18. */
export const salesforceRecordIdSchema = salesforceIdSchema;

/** A finite Number/Currency field. */
export const salesforceNumberSchema = z.number().finite();

/**
 * A query result page, or a child-relationship subquery inside a record (`{ totalSize, done, records }`).
 * A child subquery with no rows arrives as `null`.
 */
export function salesforceQueryResultSchema<T extends z.ZodType>(record: T) {
  return z.object({
    totalSize: z.int().nonnegative(),
    done: z.boolean(),
    nextRecordsUrl: z.string().optional(),
    records: z.array(record),
  });
}
