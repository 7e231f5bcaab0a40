/**
 * Every cache key and invalidation pattern, in one file: no inline key strings elsewhere.
 * The cache service adds the prefix and schema-version namespace; these are the keys inside it.
 */
export const invoicesKey = (userId: string, page: number): string => `user:${userId}:invoices:page:${page}`;
export const invoicesPattern = (userId: string): string => `user:${userId}:invoices:*`;
export const subscriptionsKey = (userId: string): string => `user:${userId}:subscriptions`;
/** The merged customer profile (`GET /api/me`); WHMCS `ClientEdit` webhooks drop it. */
export const profileKey = (userId: string): string => `user:${userId}:profile`;
/** Everything cached for one user. */
export const userPattern = (userId: string): string => `user:${userId}:*`;
export const catalogKey = (type: string): string => `catalog:${type}`;
export const catalogPattern = (): string => 'catalog:*';
/** Freebit daily usage of one SIM over a date range; the pattern drops every range when quota or plan change. */
export const simUsageKey = (msisdn: string, startDate: string, endDate: string): string =>
  `sim:${msisdn}:usage:${startDate}:${endDate}`;
export const simUsagePattern = (msisdn: string): string => `sim:${msisdn}:usage:*`;
/** An invoice page with a non-default size or a status filter (still under {@link invoicesPattern}). */
export const invoicesQueryKey = (userId: string, page: number, pageSize: number, status: string): string =>
  `${invoicesKey(userId, page)}:size:${pageSize}:status:${status}`;
/** The Salesforce Account linked to a WHMCS client (login). */
export const accountLinkKey = (userId: string): string => `user:${userId}:account-link`;
/** A page of the customer's orders; creating an order drops {@link ordersPattern}. */
export const ordersKey = (userId: string, page: number, pageSize: number): string =>
  `user:${userId}:orders:page:${page}:size:${pageSize}`;
export const ordersPattern = (userId: string): string => `user:${userId}:orders:*`;
