import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../core/config/app-config';
import { createQueueRedis, createRequestRedis } from './redis.factory';

/**
 * Builds and owns every Redis connection of the app, and closes them after the HTTP server has drained.
 * Workers that need their own blocking connection call {@link RedisService.createQueueClient}.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly clients: Redis[] = [];
  readonly request: Redis;
  readonly queue: Redis;

  constructor(private readonly config: AppConfig) {
    this.request = this.track(
      createRequestRedis({
        url: config.values.REDIS_URL,
        keyPrefix: config.values.REDIS_KEY_PREFIX,
        commandTimeoutMs: config.values.REDIS_COMMAND_TIMEOUT_MS,
        connectTimeoutMs: config.values.REDIS_CONNECT_TIMEOUT_MS,
        name: 'bff-request',
      }),
    );
    this.queue = this.createQueueClient('bff-queue');
  }

  /**
   * Boot waits (boundedly) for the request-path connection: it has no offline queue, so the first requests
   * after boot would otherwise see Redis as down. If Redis stays unreachable the app still boots, not ready.
   */
  async onModuleInit(): Promise<void> {
    if (this.request.status === 'ready') return;
    const timeoutMs = this.config.values.REDIS_CONNECT_TIMEOUT_MS;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.request.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) this.logger.warn({ timeoutMs }, 'redis not ready at boot; serving without cache until it is');
  }

  /** A new BullMQ-ready connection to QUEUE_REDIS_URL, closed with the app. */
  createQueueClient(name = 'bff-worker'): Redis {
    return this.track(
      createQueueRedis({
        url: this.config.queueRedisUrl,
        name,
        connectTimeoutMs: this.config.values.REDIS_CONNECT_TIMEOUT_MS,
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      // QUIT on a dead connection would wait for a reconnect (or fail): just drop it.
      this.clients.map((client) =>
        client.status === 'ready'
          ? client.quit().then(
              () => undefined,
              () => client.disconnect(),
            )
          : Promise.resolve(client.disconnect()),
      ),
    );
  }

  private track(client: Redis): Redis {
    client.on('error', (error: Error) => this.logger.debug({ err: error.message }, 'redis connection error'));
    this.clients.push(client);
    return client;
  }
}
