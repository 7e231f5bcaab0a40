import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../../core/errors/app.errors';
import { AccessTokenService } from './access-token.service';
import type { Principal } from './principal';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/** Requires a valid access token (`Authorization: Bearer …`) and puts its principal on the request. */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(private readonly tokens: AccessTokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = header === undefined ? null : BEARER.exec(header);
    if (!match) {
      throw new UnauthorizedError('The access token is missing, invalid or expired.', 'INVALID_TOKEN');
    }
    request.principal = this.tokens.verify(match[1]!);
    return true;
  }
}
