import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { AppConfig } from '../../core/config/app-config';
import { isTransient } from '../../core/errors/app.errors';
import { MetricsService } from '../../core/metrics/metrics.service';
import { REQUEST_REDIS } from '../redis/redis.tokens';
import { CachedJson } from './cached-json';

export interface CacheSetOptions<S extends z.ZodType> {
  /** The domain schema the value must satisfy: only validated values are ever stored. */
  readonly schema: S;
}

const SCAN_COUNT = 1_000;

/**
 * The only door to cached data. Entries are stored as `<freshUntilMs>\n<json>` and kept past their TTL for
 * CACHE_STALE_GRACE_S, so an expired entry can still be served (marked stale) when its loader fails
 * temporarily. Redis errors are cache misses: logged, counted, never a failed request.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  private readonly namespace: string;
  private readonly keyPrefix: string;
  private readonly graceMs: number;
  private readonly inFlight = new Map<string, Promise<CachedJson>>();

  constructor(
    @Inject(REQUEST_REDIS) private readonly redis: Redis,
    config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    this.namespace = `cache:${config.values.CACHE_SCHEMA_VERSION}:`;
    this.keyPrefix = config.values.REDIS_KEY_PREFIX;
    this.graceMs = config.values.CACHE_STALE_GRACE_S * 1000;
  }

  /** The stored entry (possibly stale), or undefined on a miss or a Redis error. */
  async get(key: string): Promise<CachedJson | undefined> {
    const entry = await this.read(key);
    this.metrics.countCache(entry === undefined ? 'miss' : entry.stale ? 'stale' : 'hit');
    return entry;
  }

  /** Validates `value` with the schema and stores its JSON for `ttlSeconds` (plus the stale grace). */
  async set<S extends z.ZodType>(
    key: string,
    value: z.infer<S>,
    ttlSeconds: number,
    options: CacheSetOptions<S>,
  ): Promise<CachedJson> {
    const json = JSON.stringify(options.schema.parse(value));
    await this.store(key, json, ttlSeconds);
    return new CachedJson(json, false);
  }

  /**
   * A fresh entry, else the loader's value (validated, stored, returned). Concurrent callers for one key share a
   * single read and a single loader call (per process). When the loader fails temporarily and an expired entry
   * is still within its grace period, that entry is returned with `stale: true`. Failures are never cached.
   */
  getOrSet<S extends z.ZodType>(
    key: string,
    ttlSeconds: number,
    loader: () => Promise<z.infer<S>>,
    options: CacheSetOptions<S>,
  ): Promise<CachedJson> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    // A hit (the hot path of every cached read) settles in one step after the Redis reply: no async frames.
    const created = this.read(key).then((existing) => {
      if (existing && !existing.stale) {
        this.inFlight.delete(key);
        this.metrics.countCache('hit');
        return existing;
      }
      return this.load(key, ttlSeconds, loader, options, existing).finally(() => this.inFlight.delete(key));
    });
    this.inFlight.set(key, created);
    return created;
  }

  /** Removes every key matching a glob pattern (from cache-keys.ts) with SCAN + UNLINK; answers how many. */
  async invalidate(pattern: string): Promise<number> {
    const match = this.keyPrefix + this.namespace + pattern;
    let cursor = '0';
    let removed = 0;
    try {
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', match, 'COUNT', SCAN_COUNT);
        cursor = next;
        // SCAN answers full keys, but the client prefixes every key it sends: strip ours first.
        if (keys.length > 0)
          removed += await this.redis.unlink(...keys.map((k) => k.slice(this.keyPrefix.length)));
      } while (cursor !== '0');
    } catch (error) {
      this.redisFailed('invalidate', pattern, error);
    }
    return removed;
  }

  private async load<S extends z.ZodType>(
    key: string,
    ttlSeconds: number,
    loader: () => Promise<z.infer<S>>,
    options: CacheSetOptions<S>,
    expired: CachedJson | undefined,
  ): Promise<CachedJson> {
    this.metrics.countCache('miss');
    let value: z.infer<S>;
    try {
      value = await loader();
    } catch (error) {
      if (expired && isTransient(error)) {
        this.metrics.countCache('stale');
        this.logger.warn({ key, err: error }, 'serving a stale cache entry: loader failed temporarily');
        return expired;
      }
      throw error;
    }
    const json = JSON.stringify(options.schema.parse(value));
    await this.store(key, json, ttlSeconds);
    return new CachedJson(json, false);
  }

  /** The stored entry (possibly stale); a miss or a Redis error is undefined. */
  private read(key: string): Promise<CachedJson | undefined> {
    return this.redis.get(this.namespace + key).then(
      (stored) => (stored === null ? undefined : decode(stored)),
      (error: unknown) => {
        this.redisFailed('get', key, error);
        return undefined;
      },
    );
  }

  private async store(key: string, json: string, ttlSeconds: number): Promise<void> {
    const ttlMs = ttlSeconds * 1000;
    try {
      await this.redis.set(
        this.namespace + key,
        `${Date.now() + ttlMs}\n${json}`,
        'PX',
        ttlMs + this.graceMs,
      );
    } catch (error) {
      this.redisFailed('set', key, error);
    }
  }

  private redisFailed(operation: string, key: string, error: unknown): void {
    this.metrics.countCache('error');
    this.logger.warn(
      { operation, key, err: error instanceof Error ? error.message : String(error) },
      'cache unavailable',
    );
  }
}

function decode(stored: string): CachedJson | undefined {
  const newline = stored.indexOf('\n');
  if (newline < 0) return undefined;
  const freshUntil = Number(stored.slice(0, newline));
  return new CachedJson(stored.slice(newline + 1), !(freshUntil > Date.now()));
}
