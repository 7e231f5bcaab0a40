import { describe, expect, it } from 'vitest';
import { AppError, ProviderError } from './app.errors';
import { ErrorCategory } from './error-category';
import { statusOf } from './global-exception.filter';

const error = (category: ErrorCategory, extra: { provider?: string; code?: string } = {}) =>
  extra.provider
    ? new ProviderError({ provider: extra.provider, category, code: extra.code ?? 'X' })
    : new AppError({ category, code: extra.code ?? 'X', message: 'm' });

describe('statusOf', () => {
  it.each([
    [error(ErrorCategory.VALIDATION), 400],
    [error(ErrorCategory.UNAUTHORIZED), 401],
    [error(ErrorCategory.FORBIDDEN), 403],
    [error(ErrorCategory.NOT_FOUND), 404],
    [error(ErrorCategory.CONFLICT), 409],
    [error(ErrorCategory.RATE_LIMITED), 429],
    [error(ErrorCategory.RATE_LIMITED, { provider: 'whmcs' }), 503],
    [error(ErrorCategory.TEMPORARY, { provider: 'whmcs' }), 503],
    [ProviderError.timeout('whmcs', 'GetInvoices'), 504],
    [ProviderError.unavailable('freebit'), 503],
    [error(ErrorCategory.INVALID_RESPONSE, { provider: 'salesforce' }), 502],
    [error(ErrorCategory.UNKNOWN), 500],
  ])('%s → %i', (appError, status) => {
    expect(statusOf(appError)).toBe(status);
  });
});
