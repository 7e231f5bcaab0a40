import { AppError, ProviderError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { SALESFORCE_PROVIDER, SalesforceErrorCode } from '../salesforce.errors';

interface Classification {
  readonly category: ErrorCategory;
  readonly code: SalesforceErrorCode;
}

const RATE_LIMITED: Classification = {
  category: ErrorCategory.RATE_LIMITED,
  code: SalesforceErrorCode.RATE_LIMITED,
};
const TEMPORARY: Classification = { category: ErrorCategory.TEMPORARY, code: SalesforceErrorCode.TEMPORARY };
const UNAUTHORIZED: Classification = {
  category: ErrorCategory.UNAUTHORIZED,
  code: SalesforceErrorCode.UNAUTHORIZED,
};
const FORBIDDEN: Classification = { category: ErrorCategory.FORBIDDEN, code: SalesforceErrorCode.FORBIDDEN };
const NOT_FOUND: Classification = { category: ErrorCategory.NOT_FOUND, code: SalesforceErrorCode.NOT_FOUND };
const REJECTED: Classification = { category: ErrorCategory.VALIDATION, code: SalesforceErrorCode.REJECTED };
/** Our own bug (a query or field the org does not have): not retried, a generic 500 to clients. */
const INVALID_REQUEST: Classification = {
  category: ErrorCategory.UNKNOWN,
  code: SalesforceErrorCode.INVALID_REQUEST,
};
const UNKNOWN: Classification = { category: ErrorCategory.UNKNOWN, code: SalesforceErrorCode.UNKNOWN };

const BY_ERROR_CODE: Readonly<Record<string, Classification>> = {
  REQUEST_LIMIT_EXCEEDED: RATE_LIMITED,
  TOO_MANY_REQUESTS: RATE_LIMITED,
  UNABLE_TO_LOCK_ROW: TEMPORARY,
  SERVER_UNAVAILABLE: TEMPORARY,
  UNKNOWN_EXCEPTION: TEMPORARY,
  QUERY_TIMEOUT: TEMPORARY,
  INVALID_SESSION_ID: UNAUTHORIZED,
  invalid_grant: UNAUTHORIZED,
  invalid_client_id: UNAUTHORIZED,
  invalid_client: UNAUTHORIZED,
  INSUFFICIENT_ACCESS: FORBIDDEN,
  INSUFFICIENT_ACCESS_OR_READONLY: FORBIDDEN,
  API_DISABLED_FOR_ORG: FORBIDDEN,
  NOT_FOUND: NOT_FOUND,
  ENTITY_IS_DELETED: NOT_FOUND,
  REQUIRED_FIELD_MISSING: REJECTED,
  FIELD_INTEGRITY_EXCEPTION: REJECTED,
  FIELD_CUSTOM_VALIDATION_EXCEPTION: REJECTED,
  INVALID_CROSS_REFERENCE_KEY: REJECTED,
  STRING_TOO_LONG: REJECTED,
  DUPLICATE_VALUE: REJECTED,
  MALFORMED_QUERY: INVALID_REQUEST,
  INVALID_FIELD: INVALID_REQUEST,
  INVALID_TYPE: INVALID_REQUEST,
  INVALID_QUERY_FILTER_OPERATOR: INVALID_REQUEST,
  INVALID_FIELD_FOR_INSERT_UPDATE: INVALID_REQUEST,
  MALFORMED_ID: INVALID_REQUEST,
  JSON_PARSER_ERROR: INVALID_REQUEST,
  INVALID_QUERY_LOCATOR: INVALID_REQUEST,
};

/** Socket-level failures (node, undici, node-fetch): the request may not have reached Salesforce. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);

/**
 * Classifies one Salesforce error by its `errorCode` (REST body), jsforce error name (`ERROR_HTTP_503`,
 * `invalid_grant`) or socket code. Pure: the table in the spec is the contract.
 */
export function classifySalesforceError(code: string | undefined, message = ''): Classification {
  if (code !== undefined) {
    const known = BY_ERROR_CODE[code];
    if (known) return known;
    const status = /^ERROR_HTTP_(\d{3})$/.exec(code);
    if (status) {
      const value = Number(status[1]);
      if (value === 401) return UNAUTHORIZED;
      if (value === 403) return FORBIDDEN;
      if (value === 404) return NOT_FOUND;
      if (value === 420 || value === 429) return RATE_LIMITED;
      if (value >= 500) return TEMPORARY;
      return UNKNOWN;
    }
    if (NETWORK_CODES.has(code)) return TEMPORARY;
  }
  // jsforce wraps a failed refresh as a plain Error; an HTML error page has no code at all.
  if (message.startsWith('Unable to refresh session')) return UNAUTHORIZED;
  if (message.includes('HTTP response contains html content')) return TEMPORARY;
  if (/\b(ECONNREFUSED|ECONNRESET|socket hang up|network timeout)\b/i.test(message)) return TEMPORARY;
  return UNKNOWN;
}

/** Turns whatever jsforce or the transport threw into a classified {@link ProviderError} (AppErrors pass through). */
export function toSalesforceError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const { code, message } = describe(error);
  const { category, code: ourCode } = classifySalesforceError(code, message);
  return new ProviderError({ provider: SALESFORCE_PROVIDER, category, code: ourCode, cause: error });
}

function describe(error: unknown): { code: string | undefined; message: string } {
  if (typeof error !== 'object' || error === null) return { code: undefined, message: String(error) };
  const candidate = error as {
    errorCode?: unknown;
    code?: unknown;
    name?: unknown;
    message?: unknown;
    data?: unknown;
  };
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  // An sObject Tree failure (400 `{hasErrors, results:[{errors:[{statusCode}]}]}`): the first record error decides.
  const treeCode = treeErrorCode(message);
  if (treeCode) return { code: treeCode, message };
  for (const value of [candidate.errorCode, candidate.code, candidate.name]) {
    if (typeof value === 'string' && value !== 'Error' && value !== 'MULTIPLE_API_ERRORS')
      return { code: value, message };
  }
  // Several errors in one body: the first one decides.
  if (Array.isArray(candidate.data)) {
    const first = candidate.data[0] as { errorCode?: unknown } | undefined;
    if (typeof first?.errorCode === 'string') return { code: first.errorCode, message };
  }
  return { code: undefined, message };
}

function treeErrorCode(message: string): string | undefined {
  if (!message.startsWith('{')) return undefined;
  try {
    const body = JSON.parse(message) as { results?: Array<{ errors?: Array<{ statusCode?: unknown }> }> };
    const code = body.results?.find((result) => result.errors?.length)?.errors?.[0]?.statusCode;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
