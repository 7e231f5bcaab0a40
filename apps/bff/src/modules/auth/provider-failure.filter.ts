import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { AppError, ProviderError, ProviderErrorCode } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';
import { GlobalExceptionFilter } from '../../core/errors/global-exception.filter';

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

/**
 * Maps provider failures of the routes it decorates, then answers through the global filter. A filter (not an
 * interceptor) so the success path pays nothing: interceptors wrap every call in rxjs and async resources.
 */
@Catch()
export class ProviderFailureFilter implements ExceptionFilter {
  private readonly global = new GlobalExceptionFilter();

  catch(error: unknown, host: ArgumentsHost): void {
    this.global.catch(toPortalError(error), host);
  }
}
