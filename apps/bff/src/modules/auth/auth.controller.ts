import { Controller, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidBody } from '../../core/validation/validated-input.decorators';
import { LoginRateLimitedError } from './auth.errors';
import {
  loginRequestSchema,
  refreshRequestSchema,
  type LoginRequest,
  type RefreshRequest,
  type TokenPair,
} from './auth.schema';
import { AuthService } from './auth.service';
import { LoginRateLimiterService } from './login-rate-limiter.service';
import { ProviderFailureFilter } from './provider-failure.filter';

@Controller('auth')
@UseFilters(ProviderFailureFilter)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: LoginRateLimiterService,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(
    @ValidBody(loginRequestSchema) body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPair> {
    const verdict = await this.limiter.hit(request.ip, body.email);
    if (!verdict.allowed) {
      void reply.header('retry-after', String(verdict.retryAfterS));
      throw new LoginRateLimitedError(verdict.retryAfterS);
    }
    return this.auth.login(body.email, body.password);
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@ValidBody(refreshRequestSchema) body: RefreshRequest): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Revokes the whole refresh-token family; answers 204 even for an unknown token (nothing to reveal). */
  @Post('logout')
  @HttpCode(204)
  async logout(@ValidBody(refreshRequestSchema) body: RefreshRequest): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}
