import { Redis, type RedisOptions } from 'ioredis';

export interface RedisClientSettings {
  readonly url: string;
  readonly keyPrefix: string;
  readonly commandTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly name: string;
}

// Clients connect as soon as they are built and reconnect forever with a capped backoff: Redis being down at
// boot or later makes the app not ready (and the cache miss), never crashes it, and heals without a restart.
const retryStrategy = (attempt: number): number => Math.min(100 * 2 ** attempt, 2_000);

/**
 * The request-path client: no offline queue and a short command timeout, so a Redis outage fails fast
 * (a cache miss) instead of queueing requests behind a dead connection.
 */
export function createRequestRedis(settings: RedisClientSettings): Redis {
  const options: RedisOptions = {
    connectionName: settings.name,
    keyPrefix: settings.keyPrefix,
    enableOfflineQueue: false,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: settings.connectTimeoutMs,
    maxRetriesPerRequest: 1,
    retryStrategy,
  };
  return new Redis(settings.url, options);
}

/**
 * A BullMQ client: BullMQ needs `maxRetriesPerRequest: null` (blocking commands) and refuses ioredis key
 * prefixes (it has its own `prefix`, which we wrap in a hash tag for Redis Cluster).
 */
export function createQueueRedis(
  settings: Pick<RedisClientSettings, 'url' | 'name' | 'connectTimeoutMs'>,
): Redis {
  return new Redis(settings.url, {
    connectionName: settings.name,
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    connectTimeout: settings.connectTimeoutMs,
    retryStrategy,
  });
}
