import { AppError, UnauthorizedError } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';

/** The one answer to every failed login, whatever failed (no account enumeration). */
export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    super('The email or password is incorrect.', 'INVALID_CREDENTIALS');
  }
}

export class InvalidRefreshTokenError extends UnauthorizedError {
  constructor() {
    super('The refresh token is invalid or expired.', 'INVALID_REFRESH_TOKEN');
  }
}

export class LoginRateLimitedError extends AppError {
  constructor(readonly retryAfterS: number) {
    super({
      code: 'RATE_LIMITED',
      category: ErrorCategory.RATE_LIMITED,
      message: 'Too many login attempts. Please try again later.',
    });
  }
}
