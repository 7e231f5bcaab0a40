import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../common/time.schema';

/** One requested line: a catalog SKU and how many. */
export const newOrderItemSchema = z.object({
  sku: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,79}$/, 'Invalid SKU'),
  quantity: z.int().min(1).max(10),
});
export type NewOrderItem = z.infer<typeof newOrderItemSchema>;

/** Mobile number portability details, collected when the customer keeps an existing number. */
export const newOrderMnpSchema = z.object({
  reserveNumber: z.string().regex(/^\d{10}$/, 'MNP reservation numbers have 10 digits'),
  reserveExpireDate: isoDateSchema,
  msisdn: z.string().regex(/^0\d{9,10}$/, 'Invalid phone number'),
});

/** What a SIM order needs besides its SKUs. `eid` (32 digits) is required for eSIM. */
export const newOrderSimSchema = z.object({
  simType: z.enum(['esim', 'physical']),
  eid: z
    .string()
    .regex(/^\d{32}$/, 'An EID has 32 digits')
    .optional(),
  voiceMail: z.boolean(),
  callWaiting: z.boolean(),
  mnp: newOrderMnpSchema.optional(),
});
export type NewOrderSim = z.infer<typeof newOrderSimSchema>;

/**
 * A checkout request from the portal: items by SKU and quantity, the activation timing and, for SIM
 * orders, the SIM details. Cross-field rules: SKUs are unique, a scheduled activation has a time, an
 * eSIM has an EID. (Catalog rules such as "a SIM plan needs an activation fee" live in the BFF.)
 */
export const newOrderSchema = z
  .object({
    items: z.array(newOrderItemSchema).min(1).max(20),
    activationType: z.enum(['immediate', 'scheduled']),
    activationScheduledAt: isoDateTimeSchema.optional(),
    sim: newOrderSimSchema.optional(),
  })
  .superRefine((order, ctx) => {
    const seen = new Set<string>();
    order.items.forEach((item, index) => {
      if (seen.has(item.sku))
        ctx.addIssue({ code: 'custom', path: ['items', index, 'sku'], message: 'Duplicate SKU' });
      seen.add(item.sku);
    });
    if (order.activationType === 'scheduled' && order.activationScheduledAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['activationScheduledAt'],
        message: 'Required for scheduled activation',
      });
    }
    if (order.sim?.simType === 'esim' && order.sim.eid === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sim', 'eid'], message: 'Required for eSIM' });
    }
  });
export type NewOrder = z.infer<typeof newOrderSchema>;
