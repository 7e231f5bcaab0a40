import { z } from 'zod';

export const subscriptionIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'Invalid subscription id')
    .transform(Number)
    .describe('WHMCS service id'),
});
