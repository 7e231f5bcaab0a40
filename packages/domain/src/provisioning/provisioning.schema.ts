import { z } from 'zod';
import { salesforceId18OutputSchema } from '../common/identifiers.schema';
import { isoDateTimeSchema } from '../common/time.schema';

/**
 * The decoded `OrderProvisionRequested__e` platform event: published by a Flow when an Order is approved.
 * Field names are normalised from Salesforce API names, which are case-insensitive.
 */
export const orderProvisionRequestedEventSchema = z.object({
  orderId: salesforceId18OutputSchema,
  idempotencyKey: z.string().max(80).nullable(),
  correlationId: z.string().max(80).nullable(),
  requestedBy: z.string().max(80).nullable(),
  version: z.int().nonnegative().nullable(),
  createdAt: isoDateTimeSchema.nullable(),
  createdById: salesforceId18OutputSchema.nullable(),
});
export type OrderProvisionRequestedEvent = z.infer<typeof orderProvisionRequestedEventSchema>;

/** Where a provisioning request came from. */
export const provisioningSourceSchema = z.enum(['platform_event', 'webhook', 'manual']);
export type ProvisioningSource = z.infer<typeof provisioningSourceSchema>;

/**
 * The data of a provisioning job. `idempotencyKey` is always set (the event's key, else the order id) so the
 * job id derived from it is deterministic; `requestId` ties worker logs to the request that enqueued it.
 */
export const provisioningJobDataSchema = z.object({
  orderId: salesforceId18OutputSchema,
  idempotencyKey: z.string().min(1).max(80),
  correlationId: z.string().nullable(),
  requestedBy: z.string().nullable(),
  requestId: z.string().nullable(),
  source: provisioningSourceSchema,
  receivedAt: isoDateTimeSchema,
});
export type ProvisioningJobData = z.infer<typeof provisioningJobDataSchema>;
