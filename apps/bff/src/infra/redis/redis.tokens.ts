/** The request-path ioredis client (cache): `@Inject(REQUEST_REDIS) redis: Redis`. */
export const REQUEST_REDIS = Symbol('REQUEST_REDIS');
/** A BullMQ producer connection (no key prefix): `@Inject(QUEUE_REDIS) redis: Redis`. */
export const QUEUE_REDIS = Symbol('QUEUE_REDIS');
