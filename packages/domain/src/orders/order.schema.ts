import { z } from 'zod';
import { billingCycleSchema } from '../common/billing-cycle.schema';
import { salesforceId18OutputSchema } from '../common/identifiers.schema';
import { currencyCodeSchema, moneySchema } from '../common/money.schema';
import { isoDateSchema, isoDateTimeSchema } from '../common/time.schema';
import { itemClassSchema } from '../catalog/catalog-product.schema';

/** Order type (`Order_Type__c`). */
export const orderTypeSchema = z.enum(['internet', 'sim', 'vpn']);
export type OrderType = z.infer<typeof orderTypeSchema>;

/**
 * Activation progress written back by provisioning. `status` is the `Activation_Status__c` picklist value
 * (`Activating`, `Activated`, `Failed`, …) kept verbatim because agents extend the picklist.
 */
export const orderActivationSchema = z.object({
  status: z.string().nullable(),
  type: z.string().nullable(),
  scheduledAt: isoDateTimeSchema.nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type OrderActivation = z.infer<typeof orderActivationSchema>;

/** One order line; `totalPrice` is `unitPrice × quantity` unless Salesforce says otherwise. */
export const orderItemSchema = z.object({
  id: salesforceId18OutputSchema,
  productId: salesforceId18OutputSchema,
  productName: z.string(),
  sku: z.string().nullable(),
  quantity: z.int().positive(),
  unitPrice: moneySchema,
  totalPrice: moneySchema,
  itemClass: itemClassSchema.nullable(),
  billingCycle: billingCycleSchema.nullable(),
  whmcsProductId: z.int().positive().nullable(),
  whmcsServiceId: z.int().positive().nullable(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

/**
 * An order without its lines, as order lists show it. `status` is the Salesforce Order `Status` picklist value
 * (`Pending Review`, `Approved`, `Activated`, …) kept verbatim.
 */
export const orderSummarySchema = z.object({
  id: salesforceId18OutputSchema,
  number: z.string(),
  accountId: salesforceId18OutputSchema,
  accountName: z.string().nullable(),
  status: z.string(),
  type: orderTypeSchema.nullable(),
  effectiveDate: isoDateSchema.nullable(),
  createdAt: isoDateTimeSchema,
  total: moneySchema,
  currency: currencyCodeSchema,
  activation: orderActivationSchema,
  whmcsOrderId: z.int().positive().nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

/** An order with its lines. */
export const orderSchema = orderSummarySchema.extend({ items: z.array(orderItemSchema) });
export type Order = z.infer<typeof orderSchema>;
