import { describe, expect, it } from 'vitest';
import { AppError, NotFoundError, ProviderError, ValidationError } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';
import { toPortalError } from './provider-failure.filter';

const provider = (category: ErrorCategory, code = 'WHMCS_SOMETHING') =>
  new ProviderError({
    provider: 'whmcs',
    category,
    code,
    message: 'Authentication Failed at https://billing/api.php',
  });

describe('toPortalError', () => {
  it.each([
    [ErrorCategory.TEMPORARY, 'WHMCS_HTTP_ERROR', 'PROVIDER_UNAVAILABLE', ErrorCategory.TEMPORARY],
    [ErrorCategory.TEMPORARY, 'PROVIDER_TIMEOUT', 'PROVIDER_TIMEOUT', ErrorCategory.TEMPORARY],
    [ErrorCategory.RATE_LIMITED, 'SALESFORCE_RATE_LIMITED', 'PROVIDER_UNAVAILABLE', ErrorCategory.TEMPORARY],
    [ErrorCategory.UNAUTHORIZED, 'WHMCS_API_AUTH_FAILED', 'PROVIDER_UNAVAILABLE', ErrorCategory.TEMPORARY],
    [ErrorCategory.FORBIDDEN, 'SALESFORCE_FORBIDDEN', 'PROVIDER_UNAVAILABLE', ErrorCategory.TEMPORARY],
    [ErrorCategory.UNKNOWN, 'SALESFORCE_UNKNOWN', 'PROVIDER_UNAVAILABLE', ErrorCategory.TEMPORARY],
    [
      ErrorCategory.INVALID_RESPONSE,
      'WHMCS_INVALID_RESPONSE',
      'PROVIDER_INVALID_RESPONSE',
      ErrorCategory.INVALID_RESPONSE,
    ],
  ])('%s %s → %s', (category, code, expectedCode, expectedCategory) => {
    const mapped = toPortalError(provider(category, code)) as AppError;
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(expectedCode);
    expect(mapped.category).toBe(expectedCategory);
    expect(mapped.message).not.toMatch(/whmcs|billing|api\.php|Authentication/i);
  });

  it('keeps not-found, validation and non-provider errors as they are', () => {
    const notFound = provider(ErrorCategory.NOT_FOUND);
    expect(toPortalError(notFound)).toBe(notFound);
    const ours = [new NotFoundError(), new ValidationError([{ path: 'a', message: 'b' }]), new Error('boom')];
    for (const error of ours) expect(toPortalError(error)).toBe(error);
  });
});
