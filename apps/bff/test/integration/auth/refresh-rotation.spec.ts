import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_REDIS } from '../../../src/infra/redis/redis.tokens';
import { startPortal, type PortalHarness } from '../../e2e/support/portal-harness';

// Long enough for 8 concurrent refreshes on a loaded machine to all land inside it.
const GRACE_MS = 2_000;

describe('refresh tokens: rotation, grace window, reuse detection, logout', () => {
  let portal: PortalHarness;
  const refresh = (refreshToken: string) =>
    portal.request('POST', '/api/auth/refresh', { body: { refreshToken } });

  beforeAll(async () => {
    portal = await startPortal({ env: { AUTH_REFRESH_GRACE_MS: String(GRACE_MS) } });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('rotates on every use: a new opaque 256-bit token each time, with a working access token', async () => {
    const first = await portal.login('hanako');
    expect(first.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    expect((await portal.request('GET', '/api/me', { token: third.body.accessToken })).status).toBe(200);
  });

  it('stores only hashes of refresh tokens', async () => {
    const { refreshToken } = await portal.login('hanako');
    const redis = portal.app.get<Redis>(REQUEST_REDIS);
    const pattern = `${portal.test.config.values.REDIS_KEY_PREFIX}auth:*`;
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain(refreshToken);
    expect(keys).toContain(
      `${portal.test.config.values.REDIS_KEY_PREFIX}auth:rt:${createHash('sha256').update(refreshToken).digest('hex')}`,
    );
  });

  it('answers concurrent refreshes of one token inside the grace window with the same successor', async () => {
    const { refreshToken } = await portal.login('taro');
    const answers = await Promise.all(Array.from({ length: 8 }, () => refresh(refreshToken)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((answer) => answer.body.refreshToken)).size).toBe(1);
    // The family is intact: the successor keeps working.
    expect((await refresh(answers[0]!.body.refreshToken)).status).toBe(200);
  });

  it('revokes the whole family when a rotated token comes back after the grace window', async () => {
    const first = await portal.login('hanako');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    await sleep(GRACE_MS + 200);
    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    // The legitimate successor is dead too: whoever holds it must log in again.
    const successor = await refresh(second.body.refreshToken);
    expect(successor.status).toBe(401);
    // Another login (another family) is unaffected.
    const other = await portal.login('hanako');
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('logout revokes the family; unknown and malformed tokens get the same kinds of answers', async () => {
    const session = await portal.login('hanako');
    const next = await refresh(session.refreshToken);
    expect(
      (await portal.request('POST', '/api/auth/logout', { body: { refreshToken: next.body.refreshToken } }))
        .status,
    ).toBe(204);
    expect((await refresh(next.body.refreshToken)).status).toBe(401);
    expect(
      (await portal.request('POST', '/api/auth/logout', { body: { refreshToken: 'A'.repeat(43) } })).status,
    ).toBe(204);
    expect((await refresh('A'.repeat(43))).status).toBe(401);
    const malformed = await refresh('not-a-token');
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields[0].path).toBe('refreshToken');
  });
});
