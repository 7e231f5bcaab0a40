import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config';
import { RedisService } from '../../../infra/redis/redis.service';

const EXTEND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * A per-order mutex in Redis. Jobs for one order can have different ids (an event and a reconciliation run), so
 * the job id alone cannot keep two workers off the same order at once; this can. The holder renews it while it
 * works (a SIM activation may take minutes); it expires by itself if the holder dies, and only the holder
 * releases it.
 */
@Injectable()
export class OrderLockRepository {
  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  /** The release function, or undefined when another job holds the order. */
  async acquire(orderId: string): Promise<(() => Promise<void>) | undefined> {
    const key = `${this.config.values.QUEUE_PREFIX}:provisioning:order-lock:${orderId}`;
    const token = randomUUID();
    // As long as the job lock: when the holder dies, the order frees up as its job is recovered as stalled.
    const ttl = this.config.values.PROVISIONING_LOCK_DURATION_MS;
    const acquired = await this.redis.queue.set(key, token, 'PX', ttl, 'NX');
    if (acquired !== 'OK') return undefined;
    const renewal = setInterval(
      () => {
        this.redis.queue.eval(EXTEND, 1, key, token, String(ttl)).catch(() => undefined);
      },
      Math.floor(ttl / 3),
    );
    renewal.unref();
    return async () => {
      clearInterval(renewal);
      await this.redis.queue.eval(RELEASE, 1, key, token);
    };
  }
}
