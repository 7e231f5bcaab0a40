import { z } from 'zod';
import {
  salesforceAttributesSchema,
  salesforceNumberSchema,
  salesforceQueryResultSchema,
  salesforceRecordIdSchema,
} from '../../../common/providers/salesforce/salesforce-values.schema';

/** A PricebookEntry row of the `PricebookEntries` child subquery. */
export const salesforcePricebookEntryRawSchema = z.object({
  attributes: salesforceAttributesSchema.optional(),
  Id: salesforceRecordIdSchema,
  Pricebook2Id: salesforceRecordIdSchema,
  UnitPrice: salesforceNumberSchema,
  IsActive: z.boolean(),
});
export type SalesforcePricebookEntryRaw = z.infer<typeof salesforcePricebookEntryRawSchema>;

/** A Product2 record with its `PricebookEntries` subquery (`null` when it has no entries). */
export const salesforceCatalogProductRawSchema = z.object({
  attributes: salesforceAttributesSchema.optional(),
  Id: salesforceRecordIdSchema,
  Name: z.string(),
  StockKeepingUnit: z.string().nullable(),
  SKU__c: z.string().nullable().optional(),
  Product2Categories1__c: z.string(),
  Item_Class__c: z.string(),
  Billing_Cycle__c: z.string(),
  WH_Product_ID__c: salesforceNumberSchema.nullable(),
  Description: z.string().nullable(),
  Portal_Accessible__c: z.boolean().nullable(),
  SIM_Data_Size__c: salesforceNumberSchema.nullable(),
  SIM_Plan_Type__c: z.string().nullable(),
  SIM_Has_Family_Discount__c: z.boolean().nullable(),
  Internet_Plan_Tier__c: z.string().nullable(),
  Internet_Offering_Type__c: z.string().nullable(),
  Internet_Display_Order__c: salesforceNumberSchema.nullable(),
  VPN_Display_Order__c: salesforceNumberSchema.nullable(),
  PricebookEntries: salesforceQueryResultSchema(salesforcePricebookEntryRawSchema).nullable(),
});
export type SalesforceCatalogProductRaw = z.infer<typeof salesforceCatalogProductRawSchema>;

/** Product2 fields the catalog mapper reads: select exactly these (plus the pricebook subquery). */
export const CATALOG_PRODUCT_FIELDS = [
  'Id',
  'Name',
  'StockKeepingUnit',
  'SKU__c',
  'Product2Categories1__c',
  'Item_Class__c',
  'Billing_Cycle__c',
  'WH_Product_ID__c',
  'Description',
  'Portal_Accessible__c',
  'SIM_Data_Size__c',
  'SIM_Plan_Type__c',
  'SIM_Has_Family_Discount__c',
  'Internet_Plan_Tier__c',
  'Internet_Offering_Type__c',
  'Internet_Display_Order__c',
  'VPN_Display_Order__c',
] as const;

/** PricebookEntry fields of the `PricebookEntries` child subquery. */
export const CATALOG_PRICEBOOK_ENTRY_FIELDS = ['Id', 'Pricebook2Id', 'UnitPrice', 'IsActive'] as const;
