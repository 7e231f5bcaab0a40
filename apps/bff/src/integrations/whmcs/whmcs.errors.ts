import { ProviderError } from '../../core/errors/app.errors';
import type { ErrorCategory } from '../../core/errors/error-category';

export const WHMCS_PROVIDER = 'whmcs';

/** Our codes for WHMCS failures (the error parser decides which applies). */
export const WhmcsErrorCode = {
  /** Our API credentials, IP or permissions were refused: an operator must act. */
  API_AUTH_FAILED: 'WHMCS_API_AUTH_FAILED',
  /** ValidateLogin: the customer's email or password is wrong. */
  LOGIN_INVALID: 'WHMCS_LOGIN_INVALID',
  NOT_FOUND: 'WHMCS_NOT_FOUND',
  ORDER_NOT_PENDING: 'WHMCS_ORDER_NOT_PENDING',
  API_ERROR: 'WHMCS_API_ERROR',
  HTTP_ERROR: 'WHMCS_HTTP_ERROR',
  RATE_LIMITED: 'WHMCS_RATE_LIMITED',
  INVALID_RESPONSE: 'WHMCS_INVALID_RESPONSE',
  /** AddOrder's outcome is unknown (it timed out and no order carries the marker yet): retry later. */
  ORDER_OUTCOME_UNKNOWN: 'WHMCS_ORDER_OUTCOME_UNKNOWN',
  ORDER_REJECTED: 'WHMCS_ORDER_REJECTED',
} as const;

export type WhmcsErrorCode = (typeof WhmcsErrorCode)[keyof typeof WhmcsErrorCode];

/** A classified WHMCS failure. `whmcsMessage` is for logs only, never for clients. */
export class WhmcsError extends ProviderError {
  constructor(
    readonly whmcsCode: WhmcsErrorCode,
    category: ErrorCategory,
    message: string,
    readonly whmcsMessage?: string,
    readonly httpStatus?: number,
    cause?: unknown,
  ) {
    super({ provider: WHMCS_PROVIDER, code: whmcsCode, category, message, cause });
  }
}
