/**
 * The BullMQ job id of a provisioning event: derived from `IdemKey__c` (one per approval), else from the
 * event id, so a re-delivered or re-published event maps to the same job and BullMQ drops the duplicate.
 * BullMQ ids may not contain `:` (its key separator) nor be integers: the key is URI-encoded (`:` → `%3A`,
 * which keeps the mapping one-to-one) and prefixed.
 */
export function provisionOrderJobId(idemKey: string | null | undefined, eventId: string): string {
  const key = idemKey?.trim();
  return key ? `po-idem-${encodeURIComponent(key)}` : `po-event-${encodeURIComponent(eventId)}`;
}
