import { AppError, ProviderError } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';

export const FREEBIT_PROVIDER = 'freebit';

/** Our codes for Freebit failures (the result-code parser decides which applies). */
export const FreebitErrorCode = {
  AUTH_KEY_INVALID: 'FREEBIT_AUTH_KEY_INVALID',
  OEM_AUTH_FAILED: 'FREEBIT_OEM_AUTH_FAILED',
  ACCOUNT_NOT_FOUND: 'FREEBIT_ACCOUNT_NOT_FOUND',
  ACCOUNT_EXISTS: 'FREEBIT_ACCOUNT_EXISTS',
  INVALID_STATE: 'FREEBIT_INVALID_STATE',
  INVALID_PARAMETER: 'FREEBIT_INVALID_PARAMETER',
  UNSUPPORTED_PATTERN: 'FREEBIT_UNSUPPORTED_PATTERN',
  SYSTEM_ERROR: 'FREEBIT_SYSTEM_ERROR',
  BUSY: 'FREEBIT_BUSY',
  UNKNOWN_RESULT: 'FREEBIT_UNKNOWN_RESULT',
  HTTP_ERROR: 'FREEBIT_HTTP_ERROR',
  UNREACHABLE: 'FREEBIT_UNREACHABLE',
  INVALID_RESPONSE: 'FREEBIT_INVALID_RESPONSE',
  ACTIVATION_TIMEOUT: 'FREEBIT_ACTIVATION_TIMEOUT',
  ACTIVATION_FAILED: 'FREEBIT_ACTIVATION_FAILED',
} as const;

export type FreebitErrorCode = (typeof FreebitErrorCode)[keyof typeof FreebitErrorCode];

/** A classified Freebit failure; `resultCode` is kept for logs (never sent to clients). */
export class FreebitError extends ProviderError {
  constructor(
    readonly freebitCode: FreebitErrorCode,
    category: ErrorCategory,
    message: string,
    readonly resultCode?: string,
    cause?: unknown,
  ) {
    super({ provider: FREEBIT_PROVIDER, code: freebitCode, category, message, cause });
  }
}

/** `activateSim` gave up: the account did not report active before the deadline. Safe to retry later. */
export class FreebitActivationTimeoutError extends AppError {
  constructor(readonly deadlineMs: number) {
    super({
      code: FreebitErrorCode.ACTIVATION_TIMEOUT,
      category: ErrorCategory.TEMPORARY,
      provider: FREEBIT_PROVIDER,
      message: `The SIM did not become active within ${Math.round(deadlineMs / 1000)} s.`,
    });
  }
}
