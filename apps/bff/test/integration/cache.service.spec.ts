import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppConfig } from '../../src/core/config/app-config';
import { loadEnv } from '../../src/core/config/env';
import { ErrorCategory } from '../../src/core/errors/error-category';
import { NotFoundError, ProviderError } from '../../src/core/errors/app.errors';
import { MetricsService, type CacheOutcome } from '../../src/core/metrics/metrics.service';
import { catalogKey, invoicesKey, invoicesPattern } from '../../src/infra/cache/cache-keys';
import { CacheService } from '../../src/infra/cache/cache.service';
import { createRequestRedis } from '../../src/infra/redis/redis.factory';
import { testRedisUrl, uniquePrefix } from '../../../../test-support/redis';
import { startThrowawayRedis } from '../support/throwaway-redis';

const pageSchema = z.object({ page: z.number().int(), items: z.array(z.object({ id: z.string() })) });
type Page = z.infer<typeof pageSchema>;
const page = (n: number): Page => ({ page: n, items: [{ id: `inv-${n}` }] });

function build(url: string, env: Record<string, string> = {}) {
  const config = new AppConfig(
    loadEnv({ REDIS_URL: url, REDIS_KEY_PREFIX: `${uniquePrefix('cache')}:`, ...env }),
  );
  const redis = createRequestRedis({
    url,
    keyPrefix: config.values.REDIS_KEY_PREFIX,
    commandTimeoutMs: config.values.REDIS_COMMAND_TIMEOUT_MS,
    connectTimeoutMs: 500,
    name: 'cache-test',
  });
  redis.on('error', () => undefined);
  const metrics = new MetricsService();
  return { config, redis, metrics, cache: new CacheService(redis, config, metrics) };
}

const ready = (redis: Redis) =>
  redis.status === 'ready' ? Promise.resolve() : new Promise((resolve) => redis.once('ready', resolve));

async function count(metrics: MetricsService, outcome: CacheOutcome): Promise<number> {
  const { values } = await metrics.cacheEvents.get();
  return values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}

describe('CacheService against a real Redis', () => {
  let t: ReturnType<typeof build>;
  let admin: Redis;

  beforeAll(async () => {
    t = build(testRedisUrl());
    await ready(t.redis);
    admin = new Redis(testRedisUrl());
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    await t.cache.invalidate('*');
    await t.redis.quit();
    await admin.quit();
  });

  it('calls the loader exactly once for 500 concurrent callers of a cold key', async () => {
    const loader = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return page(1);
    });
    const key = invoicesKey('u-single', 1);
    const results = await Promise.all(
      Array.from({ length: 500 }, () => t.cache.getOrSet(key, 90, loader, { schema: pageSchema })),
    );
    expect(loader).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r.json))).toEqual(new Set([JSON.stringify(page(1))]));
    const again = await t.cache.getOrSet(key, 90, loader, { schema: pageSchema });
    expect(again.stale).toBe(false);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('stores the validated JSON under a versioned namespace with TTL plus grace', async () => {
    await t.cache.set(catalogKey('internet'), { page: 1, items: [] }, 600, { schema: pageSchema });
    const full = `${t.config.values.REDIS_KEY_PREFIX}cache:v1:catalog:internet`;
    const stored = await admin.get(full);
    expect(stored?.split('\n')[1]).toBe('{"page":1,"items":[]}');
    const ttl = await admin.pttl(full);
    expect(ttl).toBeGreaterThan(600_000);
    expect(ttl).toBeLessThanOrEqual((600 + t.config.values.CACHE_STALE_GRACE_S) * 1000);
  });

  it('never caches invalid values or failures', async () => {
    const key = invoicesKey('u-fail', 1);
    await expect(
      t.cache.getOrSet(key, 90, () => Promise.resolve({ page: 'x' } as unknown as Page), {
        schema: pageSchema,
      }),
    ).rejects.toThrow();
    await expect(
      t.cache.getOrSet(key, 90, () => Promise.reject(new NotFoundError()), { schema: pageSchema }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.cache.get(key)).toBeUndefined();
  });

  it('serves an expired entry marked stale when the loader fails temporarily, and only then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const key = invoicesKey('u-stale', 1);
    await t.cache.set(key, page(1), 60, { schema: pageSchema });
    vi.setSystemTime(Date.now() + 61_000);
    const before = await count(t.metrics, 'stale');

    const temporary = new ProviderError({ provider: 'whmcs', category: ErrorCategory.TEMPORARY, code: 'X' });
    const served = await t.cache.getOrSet(key, 60, () => Promise.reject(temporary), { schema: pageSchema });
    expect(served).toMatchObject({ json: JSON.stringify(page(1)), stale: true });
    expect(await count(t.metrics, 'stale')).toBe(before + 1);

    await expect(
      t.cache.getOrSet(key, 60, () => Promise.reject(new NotFoundError()), { schema: pageSchema }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const refreshed = await t.cache.getOrSet(key, 60, () => Promise.resolve(page(2)), { schema: pageSchema });
    expect(refreshed).toMatchObject({ json: JSON.stringify(page(2)), stale: false });
  });

  it('invalidates 10,000 keys with SCAN + UNLINK while concurrent reads keep working', async () => {
    const user = 'u-bulk';
    for (let start = 0; start < 10_000; start += 1_000) {
      const pipeline = t.redis.pipeline();
      const fresh = `${Date.now() + 600_000}\n`;
      for (let i = start; i < start + 1_000; i++)
        pipeline.set(`cache:v1:${invoicesKey(user, i)}`, `${fresh}{"page":${i}}`);
      await pipeline.exec();
    }
    await t.cache.set(catalogKey('bulk-survivor'), page(7), 600, { schema: pageSchema });
    const keysSpy = vi.spyOn(t.redis, 'keys');

    let reads = 0;
    let done = false;
    const reader = (async () => {
      while (!done) {
        const entry = await t.cache.get(catalogKey('bulk-survivor'));
        expect(entry?.json).toBe(JSON.stringify(page(7)));
        reads++;
      }
    })();
    const removed = await t.cache.invalidate(invoicesPattern(user));
    done = true;
    await reader;

    expect(removed).toBe(10_000);
    expect(reads).toBeGreaterThan(1);
    expect(keysSpy).not.toHaveBeenCalled();
    const [, left] = await admin.scan(
      0,
      'MATCH',
      `${t.config.values.REDIS_KEY_PREFIX}cache:v1:user:${user}:*`,
      'COUNT',
      20_000,
    );
    expect(left).toEqual([]);
    expect(await t.cache.get(catalogKey('bulk-survivor'))).toBeDefined();
  });
});

describe('CacheService when Redis is down', () => {
  it('answers the loader value within 300 ms and counts the error once the server stopped', async () => {
    const server = await startThrowawayRedis();
    const t = build(server.url);
    await ready(t.redis);
    await t.cache.set(invoicesKey('u-down', 1), page(1), 90, { schema: pageSchema });
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const errorsBefore = await count(t.metrics, 'error');
    const started = performance.now();
    const result = await t.cache.getOrSet(invoicesKey('u-down', 1), 90, () => Promise.resolve(page(2)), {
      schema: pageSchema,
    });
    const elapsed = performance.now() - started;

    expect(result).toMatchObject({ json: JSON.stringify(page(2)), stale: false });
    expect(elapsed).toBeLessThan(300);
    expect(await count(t.metrics, 'error')).toBeGreaterThan(errorsBefore);
    t.redis.disconnect();
  });

  it('answers the loader value within 300 ms when Redis never answered', async () => {
    const t = build('redis://127.0.0.1:1');
    const started = performance.now();
    const result = await t.cache.getOrSet(invoicesKey('u-never', 1), 90, () => Promise.resolve(page(3)), {
      schema: pageSchema,
    });
    expect(performance.now() - started).toBeLessThan(300);
    expect(result.json).toBe(JSON.stringify(page(3)));
    expect(await count(t.metrics, 'error')).toBe(2);
    t.redis.disconnect();
  });
});
