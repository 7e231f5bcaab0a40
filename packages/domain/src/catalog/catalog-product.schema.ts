import { z } from 'zod';
import { billingCycleSchema } from '../common/billing-cycle.schema';
import { salesforceId18OutputSchema } from '../common/identifiers.schema';
import { moneySchema } from '../common/money.schema';

/** Product family in the portal catalog (`Product2Categories1__c`). */
export const productCategorySchema = z.enum(['sim', 'internet', 'vpn']);
export type ProductCategory = z.infer<typeof productCategorySchema>;

/** What an order line is for (`Item_Class__c`): the plan itself, a one-time fee or an add-on. */
export const itemClassSchema = z.enum(['service', 'activation', 'add_on', 'installation']);
export type ItemClass = z.infer<typeof itemClassSchema>;

/**
 * A sellable SKU: a Salesforce Product2 priced by its entry in the portal pricebook.
 * `price` and `pricebookEntryId` are `null` when the product has no active entry there (not orderable).
 */
export const catalogProductSchema = z.object({
  id: salesforceId18OutputSchema,
  name: z.string(),
  sku: z.string().min(1),
  category: productCategorySchema,
  itemClass: itemClassSchema,
  billingCycle: billingCycleSchema,
  whmcsProductId: z.int().positive().nullable(),
  price: moneySchema.nullable(),
  pricebookEntryId: salesforceId18OutputSchema.nullable(),
  description: z.string().nullable(),
  isSim: z.boolean(),
  portalAccessible: z.boolean(),
  displayOrder: z.int().nullable(),
  simDataSizeGb: z.number().nonnegative().max(1_000_000).nullable(),
  simPlanType: z.string().nullable(),
  simHasFamilyDiscount: z.boolean(),
  internetPlanTier: z.string().nullable(),
  internetOfferingType: z.string().nullable(),
});
export type CatalogProduct = z.infer<typeof catalogProductSchema>;
