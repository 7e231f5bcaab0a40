import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { AppError, ProviderError, ProviderErrorCode } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';

/**
 * Portal answers for provider trouble use stable codes only: a timeout stays `PROVIDER_TIMEOUT` (504), an
 * unparsable answer is `PROVIDER_INVALID_RESPONSE` (502), anything else that is the provider's fault (down,
 * throttled, our credentials refused) is `PROVIDER_UNAVAILABLE` (503) — a provider's 401 must never read as
 * the customer's session having ended. Not-found and validation errors pass through unchanged.
 */
export function toPortalError(error: unknown): unknown {
  if (!(error instanceof ProviderError)) return error;
  switch (error.category) {
    case ErrorCategory.NOT_FOUND:
    case ErrorCategory.VALIDATION:
    case ErrorCategory.CONFLICT:
      return error;
    case ErrorCategory.INVALID_RESPONSE:
      return new AppError({
        code: ProviderErrorCode.INVALID_RESPONSE,
        category: ErrorCategory.INVALID_RESPONSE,
        provider: error.provider,
        message: 'A backend service answered unexpectedly.',
        cause: error,
      });
    case ErrorCategory.TEMPORARY:
      if (error.code === ProviderErrorCode.TIMEOUT) {
        return new AppError({
          code: ProviderErrorCode.TIMEOUT,
          category: ErrorCategory.TEMPORARY,
          provider: error.provider,
          message: 'A backend service did not answer in time.',
          cause: error,
        });
      }
      return unavailable(error);
    case ErrorCategory.RATE_LIMITED:
    case ErrorCategory.UNAUTHORIZED:
    case ErrorCategory.FORBIDDEN:
    case ErrorCategory.UNKNOWN:
      return unavailable(error);
  }
}

function unavailable(error: ProviderError): AppError {
  return new AppError({
    code: ProviderErrorCode.UNAVAILABLE,
    category: ErrorCategory.TEMPORARY,
    provider: error.provider,
    message: 'A backend service is unavailable. Please try again later.',
    cause: error,
  });
}

@Injectable()
export class ProviderFailureInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw toPortalError(error);
      }),
    );
  }
}
