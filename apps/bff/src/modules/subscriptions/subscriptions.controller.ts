import { Controller, Get } from '@nestjs/common';
import type { Subscriptions } from '@portal/domain';
import { ValidParams } from '../../core/validation/validated-input.decorators';
import type { CachedJson } from '../../infra/cache/cached-json';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PortalRoute } from '../auth/portal-route.decorator';
import type { Principal } from '../auth/principal';
import { subscriptionIdParamSchema } from './subscriptions.schema';
import { SubscriptionsService } from './subscriptions.service';

@Controller('subscriptions')
@PortalRoute()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal): Promise<CachedJson> {
    return this.subscriptions.list(principal);
  }

  @Get(':id')
  getById(
    @CurrentPrincipal() principal: Principal,
    @ValidParams(subscriptionIdParamSchema) params: { id: number },
  ): Promise<Subscriptions.Subscription> {
    return this.subscriptions.getById(principal, params.id);
  }
}
