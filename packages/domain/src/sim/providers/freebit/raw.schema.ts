import { z } from 'zod';
import { freebitEnvelopeRawSchema } from './envelope.schema';

// RECONSTRUCTION: the public PA03-02 and PA05-01 excerpts stop at the envelope, so the fields below are our
// own plausible shape (shared with the sandbox simulator). Correct them here, in one place, when the full
// Freebit specification is at hand. Quantities are KB as numeric strings; dates are YYYYMMDD.

const kbSchema = z.union([z.string().regex(/^\d{1,15}$/), z.int().nonnegative()]);
const yyyymmddSchema = z.string().regex(/^\d{8}$/);
const flagSchema = z.enum(['10', '20']);

/** PA03-02 `responseDatas[]` entry for an MVNO line (reconstruction). */
export const freebitAccountDetailRawSchema = z.object({
  kind: z.string(),
  account: z.string(),
  productNumber: z.string(),
  eid: z.string().nullable().optional(),
  simKind: z.enum(['E', 'P']).optional(),
  state: z.string(),
  planCode: z.string(),
  planName: z.string().nullable().optional(),
  contractLine: z.string(),
  startDate: z
    .union([yyyymmddSchema, z.literal('')])
    .nullable()
    .optional(),
  remainingQuotaKb: kbSchema,
  talkOption: z
    .object({ voiceMail: flagSchema, callWaiting: flagSchema, worldWing: flagSchema.optional() })
    .nullable()
    .optional(),
});
export type FreebitAccountDetailRaw = z.infer<typeof freebitAccountDetailRawSchema>;

/** PA03-02 response: envelope plus `responseDatas` (only one entry is ever requested). */
export const freebitAccountDetailsResponseRawSchema = freebitEnvelopeRawSchema.extend({
  responseDatas: z.array(freebitAccountDetailRawSchema).min(1),
});
export type FreebitAccountDetailsResponseRaw = z.infer<typeof freebitAccountDetailsResponseRawSchema>;

const trafficDaySchema = z.object({ date: yyyymmddSchema, usageKb: kbSchema });

/** PA05-01 response (reconstruction): today's and recent days' usage plus the quota. */
export const freebitTrafficInfoResponseRawSchema = freebitEnvelopeRawSchema.extend({
  account: z.string(),
  traffic: z.object({
    today: trafficDaySchema.nullable().optional(),
    inRecentDays: z.array(trafficDaySchema),
  }),
  quota: z.object({ totalKb: kbSchema.nullable().optional(), remainingKb: kbSchema }),
});
export type FreebitTrafficInfoResponseRaw = z.infer<typeof freebitTrafficInfoResponseRawSchema>;
