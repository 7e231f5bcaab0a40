import { z } from 'zod';
import { currencyCodeSchema } from '../common/money.schema';

/** A billing currency as configured in WHMCS: its id, ISO code, display prefix/suffix and default flag. */
export const currencySchema = z.object({
  id: z.int().positive(),
  code: currencyCodeSchema,
  prefix: z.string(),
  suffix: z.string(),
  isDefault: z.boolean(),
});
export type Currency = z.infer<typeof currencySchema>;
