import { z } from 'zod';
import {
  salesforceAttributesSchema,
  salesforceDateSchema,
  salesforceDateTimeSchema,
  salesforceNumberSchema,
  salesforceQueryResultSchema,
  salesforceRecordIdSchema,
} from '../../../common/providers/salesforce/salesforce-values.schema';

/** An Order record with the `Account.Name` relationship field (custom fields per our org). */
export const salesforceOrderRawSchema = z.object({
  attributes: salesforceAttributesSchema.optional(),
  Id: salesforceRecordIdSchema,
  OrderNumber: z.string(),
  AccountId: salesforceRecordIdSchema,
  Account: z
    .object({ attributes: salesforceAttributesSchema.optional(), Name: z.string().nullable() })
    .nullable(),
  Status: z.string(),
  Order_Type__c: z.string().nullable(),
  EffectiveDate: salesforceDateSchema.nullable(),
  CreatedDate: salesforceDateTimeSchema,
  TotalAmount: salesforceNumberSchema.nullable(),
  Activation_Type__c: z.string().nullable(),
  Activation_Scheduled_At__c: salesforceDateTimeSchema.nullable(),
  Activation_Status__c: z.string().nullable(),
  Activation_Error_Code__c: z.string().nullable(),
  Activation_Error_Message__c: z.string().nullable(),
  WHMCS_Order_ID__c: z.union([z.string(), salesforceNumberSchema]).nullable(),
});
export type SalesforceOrderRaw = z.infer<typeof salesforceOrderRawSchema>;

/** An OrderItem record with its `Product2` relationship fields. */
export const salesforceOrderItemRawSchema = z.object({
  attributes: salesforceAttributesSchema.optional(),
  Id: salesforceRecordIdSchema,
  OrderId: salesforceRecordIdSchema,
  Quantity: salesforceNumberSchema,
  UnitPrice: salesforceNumberSchema,
  TotalPrice: salesforceNumberSchema.nullable(),
  Product2Id: salesforceRecordIdSchema,
  Product2: z
    .object({
      attributes: salesforceAttributesSchema.optional(),
      Name: z.string(),
      StockKeepingUnit: z.string().nullable(),
      WH_Product_ID__c: salesforceNumberSchema.nullable(),
      Item_Class__c: z.string().nullable(),
      Billing_Cycle__c: z.string().nullable(),
    })
    .nullable(),
  WHMCS_Service_ID__c: z.union([z.string(), salesforceNumberSchema]).nullable(),
  Billing_Cycle__c: z.string().nullable(),
});
export type SalesforceOrderItemRaw = z.infer<typeof salesforceOrderItemRawSchema>;

/** Order items as a query result or a plain array of records. */
export const salesforceOrderItemsRawSchema = z.union([
  salesforceQueryResultSchema(salesforceOrderItemRawSchema),
  z.array(salesforceOrderItemRawSchema),
]);
export type SalesforceOrderItemsRaw = z.infer<typeof salesforceOrderItemsRawSchema>;

/** Order fields the order mappers read: select exactly these. */
export const ORDER_FIELDS = [
  'Id',
  'OrderNumber',
  'AccountId',
  'Account.Name',
  'Status',
  'Order_Type__c',
  'EffectiveDate',
  'CreatedDate',
  'TotalAmount',
  'Activation_Type__c',
  'Activation_Scheduled_At__c',
  'Activation_Status__c',
  'Activation_Error_Code__c',
  'Activation_Error_Message__c',
  'WHMCS_Order_ID__c',
] as const;

/** OrderItem fields the order mappers read: select exactly these. */
export const ORDER_ITEM_FIELDS = [
  'Id',
  'OrderId',
  'Quantity',
  'UnitPrice',
  'TotalPrice',
  'Product2Id',
  'Product2.Name',
  'Product2.StockKeepingUnit',
  'Product2.WH_Product_ID__c',
  'Product2.Item_Class__c',
  'Product2.Billing_Cycle__c',
  'WHMCS_Service_ID__c',
  'Billing_Cycle__c',
] as const;
