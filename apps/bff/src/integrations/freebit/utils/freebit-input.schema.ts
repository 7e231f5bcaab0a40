import { z } from 'zod';
import { ValidationError } from '../../../core/errors/app.errors';

/** Input rules, checked before any Freebit call (the spec's formats; portal limits for quota). */
export const msisdnSchema = z.string().regex(/^\d{11,14}$/, 'must be a phone number of 11–14 digits');
export const productNumberSchema = z
  .string()
  .regex(/^[A-Z]{2}\d{13}$/, 'must be 2 capital letters followed by 13 digits');
export const eidSchema = z.string().regex(/^\d{32}$/, 'must be 32 digits');
export const planCodeSchema = z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'must be 1–32 letters, digits or _');
/** `YYYY-MM-DD`, a real calendar day. */
export const isoDateSchema = z.iso.date();
/** The portal sells top-ups of 100–51,200 MB (Freebit itself accepts 1–512,000). */
export const quotaMbSchema = z.number().int().min(100).max(51_200);

export const registerSimSchema = z.object({
  msisdn: msisdnSchema,
  productNumber: productNumberSchema,
  planCode: planCodeSchema,
  eid: eidSchema.optional(),
  contractLine: z.enum(['4G', '5G']).optional(),
  /** Service start; immediate when omitted. */
  startDate: isoDateSchema.optional(),
});
export type RegisterSimInput = z.input<typeof registerSimSchema>;

/** Parses `input` or throws a {@link ValidationError} naming each bad field (under `field` for a single value). */
export function validate<S extends z.ZodType>(schema: S, input: unknown, field?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({
      path: [...(field === undefined ? [] : [field]), ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

/** `2026-11-25` → `20261125`, Freebit's date format. */
export function toFreebitDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}
