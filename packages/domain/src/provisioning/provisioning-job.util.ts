import {
  type OrderProvisionRequestedEvent,
  type ProvisioningJobData,
  provisioningJobDataSchema,
  type ProvisioningSource,
} from './provisioning.schema';

/** Where and when the request was received, supplied by the caller (never read from a clock here). */
export interface ProvisioningJobContext {
  source: ProvisioningSource;
  requestId: string | null;
  receivedAt: Date;
}

/**
 * Builds validated job data from a provisioning event.
 * @throws {ZodError} when the context holds an invalid date (a programming error).
 */
export function toProvisioningJobData(
  event: OrderProvisionRequestedEvent,
  ctx: ProvisioningJobContext,
): ProvisioningJobData {
  return provisioningJobDataSchema.parse({
    orderId: event.orderId,
    idempotencyKey: event.idempotencyKey ?? event.orderId,
    correlationId: event.correlationId,
    requestedBy: event.requestedBy,
    requestId: ctx.requestId,
    source: ctx.source,
    receivedAt: ctx.receivedAt.toISOString(),
  });
}
