import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentRequestId, resolveRequestId } from '../context/request-context';
import { AppError, ProviderErrorCode, type FieldError } from './app.errors';
import { ErrorCategory } from './error-category';

export interface ErrorEnvelope {
  code: string;
  message: string;
  requestId: string;
  fields?: FieldError[];
}

interface Answer {
  readonly status: number;
  readonly body: Omit<ErrorEnvelope, 'requestId'>;
}

const GENERIC_500: Answer = {
  status: 500,
  body: { code: 'INTERNAL', message: 'An unexpected error occurred.' },
};

/** The single place where an error becomes an HTTP status. */
export function statusOf(error: AppError): number {
  switch (error.category) {
    case ErrorCategory.VALIDATION:
      return 400;
    case ErrorCategory.UNAUTHORIZED:
      return 401;
    case ErrorCategory.FORBIDDEN:
      return 403;
    case ErrorCategory.NOT_FOUND:
      return 404;
    case ErrorCategory.CONFLICT:
      return 409;
    case ErrorCategory.RATE_LIMITED:
      return error.provider ? 503 : 429;
    case ErrorCategory.TEMPORARY:
      return error.code === ProviderErrorCode.TIMEOUT ? 504 : 503;
    case ErrorCategory.INVALID_RESPONSE:
      return 502;
    case ErrorCategory.UNKNOWN:
      return 500;
  }
}

const FRAMEWORK_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const FRAMEWORK_MESSAGES: Record<number, string> = {
  400: 'The request is malformed.',
  404: 'Not found.',
  413: 'The request body is too large.',
  415: 'Unsupported content type.',
};

function answerFor(error: unknown): Answer {
  if (error instanceof AppError) {
    const status = statusOf(error);
    if (status >= 500 && error.category === ErrorCategory.UNKNOWN) return GENERIC_500;
    const body: Answer['body'] = { code: error.code, message: error.message };
    if (error.fields) body.fields = error.fields.map(({ path, message }) => ({ path, message }));
    return { status, body };
  }
  // Nest's own exceptions (unknown route, guards) and Fastify's (bad JSON, body too large) carry a 4xx status.
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : typeof (error as { statusCode?: unknown } | null)?.statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
  if (status >= 400 && status < 500) {
    return {
      status,
      body: {
        code: FRAMEWORK_CODES[status] ?? 'BAD_REQUEST',
        message: FRAMEWORK_MESSAGES[status] ?? 'The request could not be processed.',
      },
    };
  }
  return GENERIC_500;
}

/** Answers every error with `{ code, message, requestId }` (+ `fields`); 5xx never leak internals. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = currentRequestId() ?? resolveRequestId(request.raw);
    const { status, body } = answerFor(error);
    if (status >= 500) this.logger.error({ err: error, requestId }, 'request failed');
    else this.logger.warn({ code: body.code, status, requestId }, 'request rejected');
    void reply
      .status(status)
      .header('x-request-id', requestId)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ ...body, requestId }));
  }
}
