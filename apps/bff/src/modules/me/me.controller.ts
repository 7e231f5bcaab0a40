import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { cachedReply } from '../../infra/cache/cached-json';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PortalRoute } from '../auth/portal-route.decorator';
import type { Principal } from '../auth/principal';
import { MeService } from './me.service';

@Controller('me')
@PortalRoute()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  async profile(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return cachedReply(reply, await this.me.profile(principal));
  }
}
