import { z } from 'zod';

/** Code Freebit uses for success; documented as numeric but sent as a string. */
export const FREEBIT_SUCCESS_CODE = '100';

const codeSchema = z.union([z.string(), z.number()]);

/** The envelope every Freebit response shares: `resultCode`, `status.message`, `status.statusCode`. */
export const freebitEnvelopeRawSchema = z.object({
  resultCode: codeSchema,
  status: z
    .object({ message: z.string().optional(), statusCode: codeSchema.optional() })
    .nullable()
    .optional(),
});
export type FreebitEnvelopeRaw = z.infer<typeof freebitEnvelopeRawSchema>;

/** The `authOem` response: the envelope plus the `authKey` to send with every later call. */
export const freebitAuthOemResponseRawSchema = freebitEnvelopeRawSchema.extend({
  authKey: z.string().min(1),
});
export type FreebitAuthOemResponseRaw = z.infer<typeof freebitAuthOemResponseRawSchema>;
