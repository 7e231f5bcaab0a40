import { z } from 'zod';
import { salesforceRecordIdSchema } from '../../../common/providers/salesforce/salesforce-values.schema';

const text = z.string().nullable().optional();

/**
 * The event payload after its keys are lower-cased (API names are case-insensitive, so `OrderId__c` and
 * `orderId__c` are the same field) and Avro union wrappers (`{ "string": "…" }`) are unwrapped.
 * `createddate` is epoch milliseconds (Avro long) or an ISO string.
 */
export const orderProvisionRequestedEventRawSchema = z.object({
  orderid__c: salesforceRecordIdSchema,
  idemkey__c: text,
  correlationid__c: text,
  requestedby__c: text,
  version__c: z
    .union([z.number().finite(), z.string().regex(/^\d+(?:\.\d+)?$/)])
    .nullable()
    .optional(),
  createddate: z.union([z.number().finite(), z.bigint(), z.string()]).nullable().optional(),
  createdbyid: salesforceRecordIdSchema.nullable().optional(),
});
export type OrderProvisionRequestedEventRaw = z.infer<typeof orderProvisionRequestedEventRawSchema>;
