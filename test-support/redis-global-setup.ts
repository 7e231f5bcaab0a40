import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Finds a local Redis for the integration tier, or starts a throw-away one (the same helper `pnpm dev` uses). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!LOOPBACK.has(new URL(url).hostname)) {
    throw new Error(
      `Refusing to run integration tests against a non-local Redis (${new URL(url).hostname}).`,
    );
  }
  const { ensureRedis } = await import('../scripts/lib/local-redis.mjs');
  const redis = await ensureRedis(url);
  project.provide('redisUrl', redis.url);
  return () => {
    redis.stop();
    return Promise.resolve();
  };
}
