import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD` (no time zone: due dates and start dates are days, not instants). */
export const isoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof isoDateSchema>;

/** An instant in UTC, ISO 8601 with a `Z` offset, e.g. `2026-10-05T12:34:56.000Z`. */
export const isoDateTimeSchema = z.iso.datetime();
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;
