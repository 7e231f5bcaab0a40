import { Injectable } from '@nestjs/common';
import { Subscriptions } from '@portal/domain';
import { AppConfig } from '../../core/config/app-config';
import { NotFoundError } from '../../core/errors/app.errors';
import { subscriptionsKey } from '../../infra/cache/cache-keys';
import { CacheService } from '../../infra/cache/cache.service';
import type { CachedJson } from '../../infra/cache/cached-json';
import { WhmcsSubscriptionService } from '../../integrations/whmcs/services/whmcs-subscription.service';
import type { Principal } from '../auth/principal';

/** The caller's services. One service is looked up in the caller's own cached list: ownership by construction. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: WhmcsSubscriptionService,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  list(principal: Principal): Promise<CachedJson> {
    return this.cache.getOrSet(
      subscriptionsKey(principal.userId),
      this.config.values.CACHE_TTL_SUBSCRIPTIONS_S,
      () => this.subscriptions.list(principal.whmcsClientId),
      { schema: Subscriptions.subscriptionListSchema },
    );
  }

  /** Another customer's service is "not found", exactly like a missing one. */
  async getById(principal: Principal, serviceId: number): Promise<Subscriptions.Subscription> {
    const list = (await this.list(principal)).parse(Subscriptions.subscriptionListSchema);
    const found = list.items.find((item) => item.id === serviceId);
    if (!found) throw new NotFoundError('Subscription not found.', 'SUBSCRIPTION_NOT_FOUND');
    return found;
  }
}
