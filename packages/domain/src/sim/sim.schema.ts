import { z } from 'zod';
import { isoDateSchema } from '../common/time.schema';

/** Mobile network generation of the line (Freebit `contractLine`). */
export const networkTypeSchema = z.enum(['4G', '5G']);
export type NetworkType = z.infer<typeof networkTypeSchema>;

/** Line state as the MVNO reports it. */
export const simStatusSchema = z.enum(['pending', 'active', 'suspended', 'cancelled']);
export type SimStatus = z.infer<typeof simStatusSchema>;

/** Voice options of a voice plan; data-only plans have none (`voice: null`). */
export const simVoiceOptionsSchema = z.object({
  voiceMail: z.boolean(),
  callWaiting: z.boolean(),
  internationalRoaming: z.boolean(),
});
export type SimVoiceOptions = z.infer<typeof simVoiceOptionsSchema>;

/** A SIM line as the MVNO sees it. Quotas are whole megabytes (1 MB = 1024 KB, rounded down). */
export const simDetailsSchema = z.object({
  msisdn: z.string().regex(/^\d{10,14}$/),
  productNumber: z.string().regex(/^[A-Z]{2}\d{13}$/),
  status: simStatusSchema,
  planCode: z.string(),
  planName: z.string().nullable(),
  networkType: networkTypeSchema,
  voice: simVoiceOptionsSchema.nullable(),
  remainingQuotaMb: z.int().nonnegative(),
  startDate: isoDateSchema.nullable(),
  eid: z.string().nullable(),
  simType: z.enum(['esim', 'physical']),
});
export type SimDetails = z.infer<typeof simDetailsSchema>;

/** Data used on one day, in whole megabytes. */
export const simUsageDaySchema = z.object({ date: isoDateSchema, usageMb: z.int().nonnegative() });
export type SimUsageDay = z.infer<typeof simUsageDaySchema>;

/**
 * Usage over an inclusive date range: one entry per day the MVNO reported, oldest first.
 * `totalUsageMb` is the sum of the listed days, so it always matches what the chart shows.
 */
export const simUsageSchema = z.object({
  msisdn: z.string(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  days: z.array(simUsageDaySchema),
  totalUsageMb: z.int().nonnegative(),
  remainingQuotaMb: z.int().nonnegative(),
  totalQuotaMb: z.int().nonnegative().nullable(),
});
export type SimUsage = z.infer<typeof simUsageSchema>;
