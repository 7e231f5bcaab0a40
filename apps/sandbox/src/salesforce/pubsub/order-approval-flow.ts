import { randomUUID } from 'node:crypto';
import { ORDER_PROVISION_REQUESTED } from './platform-event-schema';
import type { PlatformEventPublisher } from './platform-event-publisher';

/** The Order record the store hands to approval listeners (API-name keys). */
export type ApprovedOrderRecord = Readonly<Record<string, unknown> & { readonly Id: string }>;

/** The part of the Salesforce store the Flow listens to. */
export interface OrderApprovalSource {
  onOrderApproved(listener: (order: ApprovedOrderRecord) => void): () => void;
}

/**
 * The org's record-triggered Flow: when an Order enters a fulfilment status it publishes
 * `OrderProvisionRequested__e`. `IdemKey__c` is `<OrderId>:<approval time, seconds>`, so one approval
 * yields one key however often the event is delivered. Returns the function that detaches the Flow.
 */
export function attachOrderApprovalFlow(
  source: OrderApprovalSource,
  publisher: PlatformEventPublisher,
  now: () => Date = () => new Date(),
): () => void {
  return source.onOrderApproved((order) => {
    const approvedAt = now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const requestedBy = typeof order.LastModifiedById === 'string' ? order.LastModifiedById : null;
    publisher.publish(ORDER_PROVISION_REQUESTED.topicName, {
      OrderId__c: order.Id,
      IdemKey__c: `${order.Id}:${approvedAt}`,
      CorrelationId__c: randomUUID(),
      RequestedBy__c: requestedBy,
      Version__c: 1,
    });
  });
}
