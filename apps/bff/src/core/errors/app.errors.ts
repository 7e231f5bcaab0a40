import { ErrorCategory } from './error-category';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly code: string;
  readonly category: ErrorCategory;
  /** Safe for clients: never put provider payloads or internals here (use `cause`). */
  readonly message: string;
  readonly fields?: readonly FieldError[];
  /** Which provider failed (`whmcs`, `freebit`, `salesforce`), for logs and metrics. */
  readonly provider?: string;
  /** The underlying error: logged, never sent to clients. */
  readonly cause?: unknown;
}

/** The one error base: a string code plus a provider-neutral category. */
export class AppError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly fields: readonly FieldError[] | undefined;
  readonly provider: string | undefined;

  constructor(options: AppErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.category = options.category;
    this.fields = options.fields;
    this.provider = options.provider;
  }
}

export class ValidationError extends AppError {
  constructor(fields: readonly FieldError[], message = 'The request is invalid.') {
    super({ code: 'VALIDATION_FAILED', category: ErrorCategory.VALIDATION, message, fields });
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.', code = 'NOT_FOUND', cause?: unknown) {
    super({ code, category: ErrorCategory.NOT_FOUND, message, cause });
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required.', code = 'UNAUTHORIZED') {
    super({ code, category: ErrorCategory.UNAUTHORIZED, message });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Forbidden.', code = 'FORBIDDEN') {
    super({ code, category: ErrorCategory.FORBIDDEN, message });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT') {
    super({ code, category: ErrorCategory.CONFLICT, message });
  }
}

/** Codes the platform itself gives provider failures; providers add their own business codes. */
export const ProviderErrorCode = {
  TIMEOUT: 'PROVIDER_TIMEOUT',
  UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  INVALID_RESPONSE: 'PROVIDER_INVALID_RESPONSE',
} as const;

export interface ProviderErrorOptions {
  readonly provider: string;
  readonly category: ErrorCategory;
  readonly code: string;
  readonly message?: string;
  readonly cause?: unknown;
}

/** A failure of an outbound call, already classified by the provider's error parser. */
export class ProviderError extends AppError {
  constructor(options: ProviderErrorOptions) {
    super({
      code: options.code,
      category: options.category,
      provider: options.provider,
      message: options.message ?? `The ${options.provider} service could not complete the request.`,
      cause: options.cause,
    });
  }

  static timeout(provider: string, operation: string, cause?: unknown): ProviderError {
    return new ProviderError({
      provider,
      category: ErrorCategory.TEMPORARY,
      code: ProviderErrorCode.TIMEOUT,
      message: `The ${provider} service did not answer in time (${operation}).`,
      cause,
    });
  }

  static unavailable(provider: string, cause?: unknown): ProviderError {
    return new ProviderError({
      provider,
      category: ErrorCategory.TEMPORARY,
      code: ProviderErrorCode.UNAVAILABLE,
      message: `The ${provider} service is unavailable.`,
      cause,
    });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Transient failures worth a retry (and counted by circuit breakers). */
export function isTransient(error: unknown): boolean {
  return (
    isAppError(error) &&
    (error.category === ErrorCategory.TEMPORARY || error.category === ErrorCategory.RATE_LIMITED)
  );
}
