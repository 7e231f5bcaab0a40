import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis, Result } from 'ioredis';
import { AppConfig } from '../../core/config/app-config';
import { REQUEST_REDIS } from '../../infra/redis/redis.tokens';

/**
 * Fixed-window counter shared by every instance. KEYS: counters; ARGV: window ms, then one limit per key.
 * Counts the attempt on every key and answers the longest wait among the exceeded ones (0 = allowed).
 */
const HIT_SCRIPT = `
local wait = 0
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  if count > tonumber(ARGV[i + 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl > wait then wait = ttl end
  end
end
return wait
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    portalLoginRateHit(
      ipKey: string,
      emailKey: string,
      windowMs: number,
      ipLimit: number,
      emailLimit: number,
    ): Result<number, Context>;
  }
}

export interface RateVerdict {
  readonly allowed: boolean;
  /** Seconds until another attempt can succeed (0 when allowed). */
  readonly retryAfterS: number;
}

/** Login attempts per client IP and per email (hashed: no addresses in Redis), across all instances. */
@Injectable()
export class LoginRateLimiterService {
  private readonly logger = new Logger(LoginRateLimiterService.name);

  constructor(
    @Inject(REQUEST_REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    // Idempotent: every instance of the script is the same.
    redis.defineCommand('portalLoginRateHit', { numberOfKeys: 2, lua: HIT_SCRIPT });
  }

  async hit(ip: string, email: string): Promise<RateVerdict> {
    const values = this.config.values;
    const emailHash = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    try {
      const waitMs = await this.redis.portalLoginRateHit(
        `auth:rl:ip:${ip}`,
        `auth:rl:email:${emailHash}`,
        values.AUTH_LOGIN_RATE_WINDOW_S * 1000,
        values.AUTH_LOGIN_RATE_MAX_PER_IP,
        values.AUTH_LOGIN_RATE_MAX_PER_EMAIL,
      );
      return waitMs > 0 ? { allowed: false, retryAfterS: Math.ceil(waitMs / 1000) } : ALLOWED;
    } catch (error) {
      // Fail open: a Redis outage must not lock every customer out (passwords are still checked by WHMCS).
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'login limiter down');
      return ALLOWED;
    }
  }
}

const ALLOWED: RateVerdict = { allowed: true, retryAfterS: 0 };
