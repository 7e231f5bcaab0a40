import type { Redis } from 'ioredis';

// Fenced by the lease: an instance that lost it (paused, partitioned) cannot move the shared position.
const SET_IF_HOLDER = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('set', KEYS[2], ARGV[2]) return 1 else return 0 end`;

/** The last replay id whose job is safely enqueued, per topic: where a new stream resumes (CUSTOM). */
export class ReplayIdRepository {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  async get(): Promise<number | undefined> {
    const value = await this.redis.get(this.key);
    if (value === null) return undefined;
    const replayId = Number(value);
    return Number.isSafeInteger(replayId) && replayId >= 0 ? replayId : undefined;
  }

  /** Stores `replayId` only while `leaseToken` holds `leaseKey`; answers whether it was stored. */
  async save(replayId: number, leaseKey: string, leaseToken: string): Promise<boolean> {
    return (await this.redis.eval(SET_IF_HOLDER, 2, leaseKey, this.key, leaseToken, String(replayId))) === 1;
  }

  async clear(): Promise<void> {
    await this.redis.del(this.key);
  }
}
