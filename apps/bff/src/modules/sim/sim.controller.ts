import { Controller, Get } from '@nestjs/common';
import type { Sim } from '@portal/domain';
import { ValidParams, ValidQuery } from '../../core/validation/validated-input.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PortalRoute } from '../auth/portal-route.decorator';
import type { Principal } from '../auth/principal';
import { subscriptionIdParamSchema } from '../subscriptions/subscriptions.schema';
import { simUsageQuerySchema, type SimUsageQuery } from './sim.schema';
import { SimService } from './sim.service';

@Controller('subscriptions/:id/sim')
@PortalRoute()
export class SimController {
  constructor(private readonly sims: SimService) {}

  @Get()
  details(
    @CurrentPrincipal() principal: Principal,
    @ValidParams(subscriptionIdParamSchema) params: { id: number },
  ): Promise<Sim.SimDetails> {
    return this.sims.details(principal, params.id);
  }

  @Get('usage')
  usage(
    @CurrentPrincipal() principal: Principal,
    @ValidParams(subscriptionIdParamSchema) params: { id: number },
    @ValidQuery(simUsageQuerySchema) query: SimUsageQuery,
  ): Promise<Sim.SimUsage> {
    return this.sims.usage(principal, params.id, query);
  }
}
