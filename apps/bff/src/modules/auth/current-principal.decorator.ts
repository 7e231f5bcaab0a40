import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { UnauthorizedError } from '../../core/errors/app.errors';
import type { AuthenticatedRequest } from './access-token.guard';
import type { Principal } from './principal';

/** The caller set by {@link AccessTokenGuard}; use on routes guarded by it. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new UnauthorizedError();
    return principal;
  },
);
