import { z } from 'zod';
import { billingCycleSchema } from '../common/billing-cycle.schema';
import { currencyCodeSchema, moneySchema } from '../common/money.schema';
import { isoDateSchema } from '../common/time.schema';

/** Service status as WHMCS tracks it. */
export const subscriptionStatusSchema = z.enum([
  'pending',
  'active',
  'suspended',
  'terminated',
  'cancelled',
  'fraud',
  'completed',
]);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

/**
 * SIM identifiers stored in the WHMCS service custom fields (SIM Number, Serial Number, EID). Each is `null`
 * until provisioning fills it in; `eid` stays `null` for physical SIMs.
 */
export const subscriptionSimSchema = z.object({
  msisdn: z.string().nullable(),
  productNumber: z.string().nullable(),
  eid: z.string().nullable(),
});
export type SubscriptionSim = z.infer<typeof subscriptionSimSchema>;

/**
 * A customer's service (a WHMCS "product"). `isSim` follows the business rule "the product name contains
 * `sim`, case-insensitively"; `sim` carries the identifiers for those services and is `null` otherwise.
 */
export const subscriptionSchema = z.object({
  id: z.int().positive(),
  productId: z.int().positive(),
  productName: z.string(),
  groupName: z.string(),
  status: subscriptionStatusSchema,
  registeredAt: isoDateSchema.nullable(),
  nextDueAt: isoDateSchema.nullable(),
  billingCycle: billingCycleSchema,
  recurringAmount: moneySchema,
  firstPaymentAmount: moneySchema,
  currency: currencyCodeSchema,
  isSim: z.boolean(),
  sim: subscriptionSimSchema.nullable(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** A customer's services with the provider's total count. */
export const subscriptionListSchema = z.object({
  totalItems: z.int().nonnegative(),
  items: z.array(subscriptionSchema),
});
export type SubscriptionList = z.infer<typeof subscriptionListSchema>;
