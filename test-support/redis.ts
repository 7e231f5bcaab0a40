import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

/** The Redis URL the integration tier runs against (local only, found or started by the global setup). */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A key prefix / queue name unique to one test, so parallel runs never collide. */
export function uniquePrefix(label = 'test'): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}
