import { Controller, Get } from '@nestjs/common';
import type { CachedJson } from '../../infra/cache/cached-json';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PortalRoute } from '../auth/portal-route.decorator';
import type { Principal } from '../auth/principal';
import { MeService } from './me.service';

@Controller('me')
@PortalRoute()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  profile(@CurrentPrincipal() principal: Principal): Promise<CachedJson> {
    return this.me.profile(principal);
  }
}
