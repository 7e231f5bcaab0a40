import type { DefaultJobOptions } from 'bullmq';

/** Every BullMQ queue of the BFF. Keys live under QUEUE_PREFIX (a Redis Cluster hash tag, `{bff}` by default). */
export const QueueName = {
  PROVISIONING: 'provisioning',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names per queue. */
export const JobName = {
  PROVISION_ORDER: 'provision-order',
  /** Repeatable: enqueues approved orders that never got activated (missed events, failed enqueues). */
  RECONCILE_ORDERS: 'reconcile-orders',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/**
 * The provisioning retry backoff: a custom BullMQ strategy the provisioning worker computes from config
 * (PROVISIONING_BACKOFF_BASE_MS / _MAX_MS / _JITTER: exponential, capped, with jitter).
 */
export const PROVISIONING_BACKOFF_TYPE = 'provisioning-exponential';

/**
 * Defaults for provisioning jobs. Completed jobs are kept for a week so a re-delivered event (same job id)
 * is still recognised as a duplicate; failed ones stay a month for inspection and manual retry. `attempts` is a
 * ceiling: the worker gives up earlier when PROVISIONING_ATTEMPTS is lower.
 */
export const PROVISIONING_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: PROVISIONING_BACKOFF_TYPE },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
