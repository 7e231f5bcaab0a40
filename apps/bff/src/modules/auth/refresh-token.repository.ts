import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis, Result } from 'ioredis';
import { REQUEST_REDIS } from '../../infra/redis/redis.tokens';

/** Who a refresh-token family belongs to: enough to mint an access token without asking a provider. */
export interface TokenOwner {
  readonly userId: string;
  readonly whmcsClientId: number;
  readonly salesforceAccountId: string;
}

export type RotationOutcome =
  | { readonly kind: 'rotated'; readonly token: string; readonly owner: TokenOwner }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'reused' };

const tokenKey = (hash: string): string => `auth:rt:${hash}`;
const successorKey = (hash: string): string => `auth:rt:${hash}:next`;
const familyKey = (family: string): string => `auth:rf:${family}`;

/**
 * Atomic rotation. KEYS: old token, its family, the old token's successor slot, the new token.
 * ARGV: family, new token, grace ms, ttl ms. Inside the grace window a rotated token answers the successor it
 * already has (concurrent refreshes from several tabs); after it, presenting it again revokes the family.
 */
const ROTATE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'family') ~= ARGV[1] then return {'invalid'} end
if redis.call('HGET', KEYS[2], 'state') ~= 'active' then return {'invalid'} end
local owner = redis.call('HMGET', KEYS[2], 'sub', 'cid', 'aid')
if redis.call('HGET', KEYS[1], 'state') == 'active' then
  redis.call('HSET', KEYS[1], 'state', 'rotated')
  redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3])
  redis.call('HSET', KEYS[4], 'family', ARGV[1], 'state', 'active')
  redis.call('PEXPIRE', KEYS[4], ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  return {'rotated', ARGV[2], owner[1], owner[2], owner[3]}
end
local successor = redis.call('GET', KEYS[3])
if successor then return {'rotated', successor, owner[1], owner[2], owner[3]} end
redis.call('HSET', KEYS[2], 'state', 'revoked')
return {'reused'}
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    portalRotateRefreshToken(
      tokenKey: string,
      familyKey: string,
      successorKey: string,
      nextKey: string,
      family: string,
      nextToken: string,
      graceMs: number,
      ttlMs: number,
    ): Result<string[], Context>;
  }
}

/** Opaque 256-bit tokens; only their SHA-256 is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Refresh-token families in Redis: issue, rotate (atomically, with reuse detection) and revoke. */
@Injectable()
export class RefreshTokenRepository {
  constructor(@Inject(REQUEST_REDIS) private readonly redis: Redis) {
    // Idempotent: every instance of the script is the same.
    redis.defineCommand('portalRotateRefreshToken', { numberOfKeys: 4, lua: ROTATE_SCRIPT });
  }

  /** Starts a new family (a login) and answers its first token. */
  async issue(owner: TokenOwner, ttlMs: number): Promise<string> {
    const token = newRefreshToken();
    const family = randomUUID();
    await this.redis
      .multi()
      .hset(familyKey(family), {
        state: 'active',
        sub: owner.userId,
        cid: String(owner.whmcsClientId),
        aid: owner.salesforceAccountId,
      })
      .pexpire(familyKey(family), ttlMs)
      .hset(tokenKey(hashRefreshToken(token)), { family, state: 'active' })
      .pexpire(tokenKey(hashRefreshToken(token)), ttlMs)
      .exec();
    return token;
  }

  async rotate(token: string, graceMs: number, ttlMs: number): Promise<RotationOutcome> {
    const hash = hashRefreshToken(token);
    const family = await this.redis.hget(tokenKey(hash), 'family');
    if (family === null) return { kind: 'invalid' };
    const next = newRefreshToken();
    const answer = await this.redis.portalRotateRefreshToken(
      tokenKey(hash),
      familyKey(family),
      successorKey(hash),
      tokenKey(hashRefreshToken(next)),
      family,
      next,
      Math.max(graceMs, 1),
      ttlMs,
    );
    const [kind, successor, sub, cid, aid] = answer;
    if (kind === 'reused') return { kind: 'reused' };
    if (kind !== 'rotated' || !successor || !sub || !cid || !aid) return { kind: 'invalid' };
    return {
      kind: 'rotated',
      token: successor,
      owner: { userId: sub, whmcsClientId: Number(cid), salesforceAccountId: aid },
    };
  }

  /** Revokes the family the token belongs to (logout); unknown tokens are ignored. */
  async revokeFamilyOf(token: string): Promise<void> {
    const family = await this.redis.hget(tokenKey(hashRefreshToken(token)), 'family');
    if (family === null) return;
    // HSET on an expired family would recreate it without a TTL; only touch one that still exists.
    if ((await this.redis.exists(familyKey(family))) === 1) {
      await this.redis.hset(familyKey(family), 'state', 'revoked');
    }
  }
}
