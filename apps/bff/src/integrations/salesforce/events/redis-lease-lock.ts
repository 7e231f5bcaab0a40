import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A Redis lease (SET NX PX + compare-and-renew). The holder renews it before it lapses; if the holder dies,
 * the key expires after at most one lease period and the next contender takes it.
 */
export class RedisLeaseLock {
  /** Unique per holder, so a renewal or release never touches somebody else's lease. */
  readonly token = randomUUID();

  constructor(
    private readonly redis: Redis,
    readonly key: string,
    private readonly leaseMs: number,
  ) {}

  async tryAcquire(): Promise<boolean> {
    return (await this.redis.set(this.key, this.token, 'PX', this.leaseMs, 'NX')) === 'OK';
  }

  /** Extends the lease; false when it was lost (expired and taken, or deleted). */
  async renew(): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.key, this.token, String(this.leaseMs))) === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }
}
