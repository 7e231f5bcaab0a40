import { ErrorCategory } from '../../../core/errors/error-category';
import { WhmcsError, WhmcsErrorCode } from '../whmcs.errors';

export type WhmcsPayload = Record<string, unknown>;

export type WhmcsParseResult =
  | { readonly ok: true; readonly data: WhmcsPayload }
  | {
      readonly ok: false;
      readonly error: WhmcsError;
      /** True when an operator must act (credentials, IP allow-list, API permissions). */
      readonly alert: boolean;
    };

interface Rule {
  readonly pattern: RegExp;
  readonly code: WhmcsErrorCode;
  readonly category: ErrorCategory;
  readonly message: string;
  readonly alert?: boolean;
}

/** First match wins: specific messages before the generic "… Not Found". */
const MESSAGE_RULES: readonly Rule[] = [
  {
    pattern:
      /authentication failed|invalid or missing credentials|invalid ip|invalid permissions|access key/i,
    code: WhmcsErrorCode.API_AUTH_FAILED,
    category: ErrorCategory.UNAUTHORIZED,
    message: 'The billing system refused our credentials.',
    alert: true,
  },
  {
    pattern: /email or password invalid/i,
    code: WhmcsErrorCode.LOGIN_INVALID,
    category: ErrorCategory.UNAUTHORIZED,
    message: 'The email or password is not valid.',
  },
  {
    pattern: /status not pending/i,
    code: WhmcsErrorCode.ORDER_NOT_PENDING,
    category: ErrorCategory.CONFLICT,
    message: 'The billing order is not pending.',
  },
  {
    pattern: /not found/i,
    code: WhmcsErrorCode.NOT_FOUND,
    category: ErrorCategory.NOT_FOUND,
    message: 'Not found.',
  },
];

/**
 * Turns one WHMCS API answer (HTTP status + body text) into its JSON payload or a classified error.
 * Pure: no I/O, no logging. WHMCS reports most errors with HTTP 200 and `{"result":"error"}` (some actions
 * say `"status":"error"`); auth rejections may come as 403; a PHP fatal error is an HTML page with status 200.
 */
export function parseWhmcsResponse(httpStatus: number, body: string): WhmcsParseResult {
  const payload = parseJsonObject(body);
  const errorMessage = payload ? errorMessageOf(payload) : undefined;
  if (errorMessage !== undefined) return classifyMessage(errorMessage, httpStatus);
  if (httpStatus === 429) {
    return failure(
      WhmcsErrorCode.RATE_LIMITED,
      ErrorCategory.RATE_LIMITED,
      'The billing system is busy.',
      httpStatus,
    );
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return failure(
      WhmcsErrorCode.API_AUTH_FAILED,
      ErrorCategory.UNAUTHORIZED,
      'The billing system refused our credentials.',
      httpStatus,
      true,
    );
  }
  if (httpStatus >= 500) {
    return failure(
      WhmcsErrorCode.HTTP_ERROR,
      ErrorCategory.TEMPORARY,
      'The billing system failed.',
      httpStatus,
    );
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    return failure(
      WhmcsErrorCode.HTTP_ERROR,
      ErrorCategory.UNKNOWN,
      'The billing system failed.',
      httpStatus,
    );
  }
  if (!payload || payload.result !== 'success') {
    return failure(
      WhmcsErrorCode.INVALID_RESPONSE,
      ErrorCategory.INVALID_RESPONSE,
      'The billing system sent an unreadable answer.',
      httpStatus,
    );
  }
  return { ok: true, data: payload };
}

/** Classifies a WHMCS error message (also used for messages found outside an HTTP answer). */
export function classifyMessage(whmcsMessage: string, httpStatus?: number): WhmcsParseResult {
  const rule = MESSAGE_RULES.find((candidate) => candidate.pattern.test(whmcsMessage));
  if (!rule) {
    return failure(
      WhmcsErrorCode.API_ERROR,
      ErrorCategory.UNKNOWN,
      'The billing system rejected the request.',
      httpStatus,
      false,
      whmcsMessage,
    );
  }
  return failure(rule.code, rule.category, rule.message, httpStatus, rule.alert ?? false, whmcsMessage);
}

function failure(
  code: WhmcsErrorCode,
  category: ErrorCategory,
  message: string,
  httpStatus: number | undefined,
  alert = false,
  whmcsMessage?: string,
): WhmcsParseResult {
  return { ok: false, error: new WhmcsError(code, category, message, whmcsMessage, httpStatus), alert };
}

function parseJsonObject(body: string): WhmcsPayload | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as WhmcsPayload)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `{"result":"error","message":…}` or `{"status":"error","message":…}`. */
function errorMessageOf(payload: WhmcsPayload): string | undefined {
  if (payload.result !== 'error' && payload.status !== 'error') return undefined;
  return typeof payload.message === 'string' ? payload.message : '';
}
