import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, type TestApp } from '../support/test-app';
import { freePort } from '../support/throwaway-redis';

// The platform alone: feature modules have their own boot-time Redis needs.
describe('platform with Redis unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    const env = { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, REDIS_CONNECT_TIMEOUT_MS: '200' };
    t = await bootTestApp(env, [], []);
  });
  afterAll(() => t.close());

  it('boots, stays live, and reports not ready naming Redis', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'error', error: { redis: { status: 'down' } } });
  });
});
