import { z } from 'zod';
import {
  salesforceAttributesSchema,
  salesforceNumberSchema,
  salesforceRecordIdSchema,
} from '../../../common/providers/salesforce/salesforce-values.schema';

/**
 * An Account record. The WHMCS client id and customer number API names are not public: we picked
 * `WHMCS_Client_ID__c` (Number) and `Customer_Number__c` (Text); the id may also arrive as text.
 */
export const salesforceAccountRawSchema = z.object({
  attributes: salesforceAttributesSchema.optional(),
  Id: salesforceRecordIdSchema,
  Name: z.string(),
  Customer_Number__c: z.string().nullable(),
  WHMCS_Client_ID__c: z.union([salesforceNumberSchema, z.string()]).nullable(),
  PersonEmail: z.string().nullable().optional(),
  Phone: z.string().nullable(),
});
export type SalesforceAccountRaw = z.infer<typeof salesforceAccountRawSchema>;

/** Account fields the account mapper reads (`PersonEmail` needs person accounts enabled). */
export const ACCOUNT_FIELDS = [
  'Id',
  'Name',
  'Customer_Number__c',
  'WHMCS_Client_ID__c',
  'PersonEmail',
  'Phone',
] as const;
