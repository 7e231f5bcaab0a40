import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { AccessTokenGuard } from './access-token.guard';
import { ProviderFailureInterceptor } from './provider-failure.interceptor';

/** A customer-facing route: a valid access token is required and provider failures get stable codes. */
export const PortalRoute = (): ClassDecorator & MethodDecorator =>
  applyDecorators(UseGuards(AccessTokenGuard), UseInterceptors(ProviderFailureInterceptor));
