import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../core/config/app-config';
import { NotFoundError, UnauthorizedError } from '../../core/errors/app.errors';
import { checkAdminToken } from './admin-token.util';

/** Operator endpoints: a bearer token from config (ADMIN_API_TOKEN), never the customer JWT. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const result = checkAdminToken(request.headers.authorization, this.config.values.ADMIN_API_TOKEN);
    switch (result) {
      case 'ok':
        return true;
      case 'disabled':
        throw new NotFoundError();
      case 'denied':
        throw new UnauthorizedError('Admin authentication required.', 'ADMIN_UNAUTHORIZED');
    }
  }
}
