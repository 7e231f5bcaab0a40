import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../core/config/app-config';
import { AppError } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';
import { invoicesPattern, profileKey, subscriptionsKey } from '../../infra/cache/cache-keys';
import { CacheService } from '../../infra/cache/cache.service';
import { REQUEST_REDIS } from '../../infra/redis/redis.tokens';
import type { WhmcsWebhookEvent } from './whmcs-webhook.schema';

/** Redis key remembering a processed delivery (the request connection adds the app's key prefix). */
export const whmcsWebhookEventKey = (eventId: string): string => `webhooks:whmcs:event:${eventId}`;

export type WebhookOutcome = 'processed' | 'duplicate';

/**
 * Applies a verified WHMCS event: claims its id in Redis (SET NX, 24 h) so a redelivery is processed once, then
 * drops the cache entries the change made stale. The WHMCS client id is the portal user id in cache keys.
 */
@Injectable()
export class WhmcsWebhookService {
  private readonly logger = new Logger(WhmcsWebhookService.name);

  constructor(
    @Inject(REQUEST_REDIS) private readonly redis: Redis,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  async handle(event: WhmcsWebhookEvent): Promise<WebhookOutcome> {
    const key = whmcsWebhookEventKey(event.id);
    if (!(await this.claim(key))) {
      this.logger.log({ eventId: event.id, event: event.event }, 'duplicate whmcs webhook ignored');
      return 'duplicate';
    }
    try {
      const removed = await this.invalidate(event);
      this.logger.log({ eventId: event.id, event: event.event, removed }, 'whmcs webhook processed');
      return 'processed';
    } catch (error) {
      // Let WHMCS's redelivery run it again.
      await this.redis.del(key).catch(() => undefined);
      throw error;
    }
  }

  /** True when this delivery is the first with its id. Redis down → 503 and nothing recorded. */
  private async claim(key: string): Promise<boolean> {
    try {
      const set = await this.redis.set(key, '1', 'EX', this.config.values.WHMCS_WEBHOOK_DEDUPE_TTL_S, 'NX');
      return set === 'OK';
    } catch (error) {
      throw new AppError({
        code: 'WEBHOOK_STORE_UNAVAILABLE',
        category: ErrorCategory.TEMPORARY,
        message: 'The webhook cannot be recorded right now; retry later.',
        cause: error,
      });
    }
  }

  private async invalidate(event: WhmcsWebhookEvent): Promise<number> {
    const userId = String(event.data.clientId);
    switch (event.event) {
      case 'InvoiceCreated':
      case 'InvoicePaid':
      case 'InvoiceCancelled':
      case 'InvoiceRefunded':
        return this.cache.invalidate(invoicesPattern(userId));
      case 'AfterModuleCreate':
      case 'AfterModuleSuspend':
      case 'AfterModuleUnsuspend':
      case 'AfterModuleTerminate':
        return this.cache.invalidate(subscriptionsKey(userId));
      case 'ClientEdit':
        return this.cache.invalidate(profileKey(userId));
    }
  }
}
