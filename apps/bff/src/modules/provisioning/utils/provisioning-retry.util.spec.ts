import { MappingError } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { ProviderError, ValidationError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { failureSummary, isRetryable, provisioningBackoffDelay } from './provisioning-retry.util';

const settings = { baseMs: 2_000, maxMs: 300_000, jitter: 0.5 };

describe('provisioningBackoffDelay', () => {
  it('doubles from the base and stops at the cap (no jitter)', () => {
    const fixed = { ...settings, jitter: 0 };
    expect([1, 2, 3, 4, 8, 9, 20].map((n) => provisioningBackoffDelay(n, fixed))).toEqual([
      2_000, 4_000, 8_000, 16_000, 256_000, 300_000, 300_000,
    ]);
  });

  it('randomises the jitter share of the delay, never beyond the capped delay', () => {
    expect(provisioningBackoffDelay(3, settings, () => 0)).toBe(4_000);
    expect(provisioningBackoffDelay(3, settings, () => 0.999999)).toBe(8_000);
    expect(provisioningBackoffDelay(12, settings, () => 0.999999)).toBe(300_000);
    expect(provisioningBackoffDelay(12, { ...settings, jitter: 1 }, () => 0)).toBe(0);
  });

  it('survives absurd attempt counts', () => {
    expect(provisioningBackoffDelay(10_000, { ...settings, jitter: 0 })).toBe(300_000);
    expect(provisioningBackoffDelay(0, { ...settings, jitter: 0 })).toBe(2_000);
  });
});

describe('isRetryable / failureSummary', () => {
  const provider = (category: ErrorCategory): ProviderError =>
    new ProviderError({ provider: 'whmcs', category, code: `WHMCS_${category}` });

  it.each([
    [ErrorCategory.TEMPORARY, true],
    [ErrorCategory.RATE_LIMITED, true],
    [ErrorCategory.INVALID_RESPONSE, true],
    [ErrorCategory.VALIDATION, false],
    [ErrorCategory.NOT_FOUND, false],
    [ErrorCategory.CONFLICT, false],
    [ErrorCategory.UNAUTHORIZED, false],
    [ErrorCategory.FORBIDDEN, false],
    [ErrorCategory.UNKNOWN, false],
  ])('a provider error in category %s is retryable: %s', (category, expected) => {
    expect(isRetryable(provider(category))).toBe(expected);
  });

  it('mapping errors (bad order data) are permanent; foreign errors (a dropped socket, a bug) are retried', () => {
    expect(
      isRetryable(new MappingError('salesforce', 'order', 'Quantity', 'is not a positive integer')),
    ).toBe(false);
    expect(isRetryable(new Error('Connection is closed.'))).toBe(true);
  });

  it('summarises with our code and the client-safe message only', () => {
    expect(failureSummary(new ValidationError([{ path: 'x', message: 'bad' }]))).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid.',
    });
    expect(failureSummary(new Error('secret internals'))).toEqual({
      code: 'PROVISIONING_UNEXPECTED',
      message: 'Provisioning failed unexpectedly.',
    });
  });
});
