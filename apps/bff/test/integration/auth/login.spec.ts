import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, startPortal, type PortalHarness } from '../../e2e/support/portal-harness';

// Above the slowest failure path on a loaded 2-core machine (the simulator hashes passwords with scrypt).
const MIN_FAILURE_MS = 1_200;

describe('login: one answer for every failure, rate limited across instances', () => {
  let portal: PortalHarness;
  const login = (email: string, password: string) =>
    portal.request('POST', '/api/auth/login', { body: { email, password } });

  beforeAll(async () => {
    portal = await startPortal({
      // Client 10001 (load-1@example.jp) exists in WHMCS only: no Salesforce account links it.
      whmcs: { extraClients: 1 },
      env: {
        AUTH_LOGIN_MIN_DURATION_MS: String(MIN_FAILURE_MS),
        AUTH_LOGIN_RATE_MAX_PER_EMAIL: '3',
        AUTH_LOGIN_RATE_MAX_PER_IP: '12',
      },
    });
    // Warm the provider connections (WHMCS socket, Salesforce session): timing is compared in steady state.
    await portal.login('hanako');
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('answers unknown email, wrong password and an unlinked client identically, no sooner than the floor', async () => {
    const hanako = customer('hanako');
    const failures = [
      await login('nobody@example.jp', 'Portal!2345'),
      await login(hanako.email, 'wrong-password'),
      await login('load-1@example.jp', 'Load!2345'),
    ];
    for (const failure of failures) {
      expect(failure.status).toBe(401);
      expect(failure.ms).toBeGreaterThanOrEqual(MIN_FAILURE_MS - 5);
    }
    const shapes = failures.map(({ body }) => ({ ...body, requestId: undefined }));
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    expect(shapes[0]).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const durations = failures.map((failure) => failure.ms);
    expect(Math.max(...durations) - Math.min(...durations)).toBeLessThan(300);
    // The unlinked client really passed WHMCS: the difference is invisible from outside.
    expect(portal.whmcs.counter.get('ValidateLogin')).toBeGreaterThanOrEqual(3);
  });

  it('limits attempts per email across instances (shared Redis) with 429 and Retry-After', async () => {
    const taro = customer('taro');
    const peer = await portal.startPeer();
    const peerLogin = (password: string) =>
      peer.request('POST', '/api/auth/login', { body: { email: taro.email, password } });
    expect((await login(taro.email, 'wrong-1')).status).toBe(401);
    expect((await login(taro.email.toUpperCase(), 'wrong-2')).status).toBe(401);
    expect((await peerLogin('wrong-3')).status).toBe(401);
    const limited = await peerLogin(taro.password);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', requestId: expect.any(String) });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect((await login(taro.email, taro.password)).status).toBe(429);
  });

  it('limits attempts per client IP whatever the email', async () => {
    // 1 + 3 + 5 attempts so far from this IP; the limit is 12 per window.
    const statuses: number[] = [];
    for (let n = 0; n < 5; n += 1) statuses.push((await login(`guess-${n}@example.jp`, 'x')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
