import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { AppConfig } from '../../core/config/app-config';
import { REQUEST_REDIS } from '../../infra/redis/redis.tokens';

export type IdempotencyClaim =
  | { readonly kind: 'new' }
  | { readonly kind: 'done'; readonly orderId: string }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'conflict' };

const recordSchema = z.object({ requestHash: z.string(), orderId: z.string().optional() });

/** Idempotency-Key → request hash (+ order id once created), per customer, in Redis. */
@Injectable()
export class OrderIdempotencyRepository {
  constructor(
    @Inject(REQUEST_REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  static hashRequest(body: unknown): string {
    return createHash('sha256').update(JSON.stringify(body)).digest('hex');
  }

  /** Claims the key for this request, or says what it already stands for. */
  async claim(userId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const redisKey = keyFor(userId, key);
    const claimed = await this.redis.set(
      redisKey,
      JSON.stringify({ requestHash }),
      'PX',
      this.config.values.ORDERS_IDEMPOTENCY_PENDING_S * 1000,
      'NX',
    );
    if (claimed === 'OK') return { kind: 'new' };
    const stored = await this.redis.get(redisKey);
    // Expired between the two commands: the caller may simply try again.
    if (stored === null) return { kind: 'in-progress' };
    const record = recordSchema.parse(JSON.parse(stored));
    if (record.requestHash !== requestHash) return { kind: 'conflict' };
    return record.orderId === undefined ? { kind: 'in-progress' } : { kind: 'done', orderId: record.orderId };
  }

  async complete(userId: string, key: string, requestHash: string, orderId: string): Promise<void> {
    await this.redis.set(
      keyFor(userId, key),
      JSON.stringify({ requestHash, orderId }),
      'PX',
      this.config.values.ORDERS_IDEMPOTENCY_TTL_S * 1000,
    );
  }

  /** Frees the key after a failed attempt so the customer can retry with it. */
  async release(userId: string, key: string): Promise<void> {
    await this.redis.del(keyFor(userId, key));
  }
}

function keyFor(userId: string, key: string): string {
  return `idem:orders:${userId}:${createHash('sha256').update(key).digest('hex')}`;
}
