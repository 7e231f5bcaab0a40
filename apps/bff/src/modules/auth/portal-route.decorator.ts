import { applyDecorators, UseFilters, UseGuards } from '@nestjs/common';
import { AccessTokenGuard } from './access-token.guard';
import { ProviderFailureFilter } from './provider-failure.filter';

/** A customer-facing route: a valid access token is required and provider failures get stable codes. */
export const PortalRoute = (): ClassDecorator & MethodDecorator =>
  applyDecorators(UseGuards(AccessTokenGuard), UseFilters(ProviderFailureFilter));
