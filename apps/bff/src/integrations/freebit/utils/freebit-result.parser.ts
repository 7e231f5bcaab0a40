import { z } from 'zod';
import { ErrorCategory } from '../../../core/errors/error-category';
import { FreebitErrorCode } from '../freebit.errors';

export interface FreebitFailure {
  readonly code: FreebitErrorCode;
  readonly category: ErrorCategory;
  /** Safe for clients: no provider payload. */
  readonly message: string;
  readonly resultCode?: string;
}

export type FreebitOutcome =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly failure: FreebitFailure };

/** Freebit `resultCode`s and what they mean to us. Only `100` and `400` are documented; see the sandbox README. */
const RESULT_CODES: Readonly<Record<string, Omit<FreebitFailure, 'resultCode'>>> = {
  '201': {
    code: FreebitErrorCode.AUTH_KEY_INVALID,
    category: ErrorCategory.UNAUTHORIZED,
    message: 'The Freebit session key is invalid or expired.',
  },
  '202': {
    code: FreebitErrorCode.OEM_AUTH_FAILED,
    category: ErrorCategory.UNAUTHORIZED,
    message: 'Freebit rejected the OEM credentials (check FREEBIT_OEM_ID / FREEBIT_OEM_KEY).',
  },
  '210': {
    code: FreebitErrorCode.ACCOUNT_NOT_FOUND,
    category: ErrorCategory.NOT_FOUND,
    message: 'The SIM is not known to Freebit.',
  },
  '211': {
    code: FreebitErrorCode.ACCOUNT_EXISTS,
    category: ErrorCategory.CONFLICT,
    message: 'The SIM is already registered with Freebit.',
  },
  '212': {
    code: FreebitErrorCode.INVALID_STATE,
    category: ErrorCategory.CONFLICT,
    message: 'The SIM is not in a state that allows this operation.',
  },
  '300': {
    code: FreebitErrorCode.INVALID_PARAMETER,
    category: ErrorCategory.VALIDATION,
    message: 'Freebit rejected a request parameter.',
  },
  '400': {
    code: FreebitErrorCode.UNSUPPORTED_PATTERN,
    category: ErrorCategory.VALIDATION,
    message: 'Freebit does not support this combination of options.',
  },
  '500': {
    code: FreebitErrorCode.SYSTEM_ERROR,
    category: ErrorCategory.TEMPORARY,
    message: 'Freebit reported a system error.',
  },
  '501': {
    code: FreebitErrorCode.BUSY,
    category: ErrorCategory.TEMPORARY,
    message: 'Freebit is busy or under maintenance.',
  },
};

/** Classifies a `resultCode` (documented as numeric, sent as a string): undefined means success. */
export function parseFreebitResult(resultCode: string): FreebitFailure | undefined {
  if (resultCode === '100') return undefined;
  const known = RESULT_CODES[resultCode];
  if (known) return { ...known, resultCode };
  return {
    code: FreebitErrorCode.UNKNOWN_RESULT,
    category: ErrorCategory.UNKNOWN,
    message: 'Freebit answered with an unexpected result code.',
    resultCode,
  };
}

const envelopeSchema = z.looseObject({
  resultCode: z.union([z.string().min(1), z.number()]).transform(String),
});

/**
 * Turns one HTTP answer into a JSON body or a classified failure. Freebit answers HTTP 200 with a JSON
 * envelope; anything else (an HTML maintenance page, a 5xx, truncated JSON) is a clean error, never a crash.
 */
export function parseFreebitResponse(status: number, contentType: string, text: string): FreebitOutcome {
  if (status >= 500 || status === 429) {
    return failure(FreebitErrorCode.HTTP_ERROR, ErrorCategory.TEMPORARY, `Freebit answered HTTP ${status}.`);
  }
  if (status !== 200) {
    return failure(FreebitErrorCode.HTTP_ERROR, ErrorCategory.UNKNOWN, `Freebit answered HTTP ${status}.`);
  }
  if (/html/i.test(contentType) || /^\s*</.test(text)) {
    return failure(
      FreebitErrorCode.INVALID_RESPONSE,
      ErrorCategory.TEMPORARY,
      'Freebit answered with an HTML page instead of JSON.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure(
      FreebitErrorCode.INVALID_RESPONSE,
      ErrorCategory.INVALID_RESPONSE,
      'Freebit sent malformed JSON.',
    );
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return failure(
      FreebitErrorCode.INVALID_RESPONSE,
      ErrorCategory.INVALID_RESPONSE,
      'Freebit sent a response without a result code.',
    );
  }
  const problem = parseFreebitResult(envelope.data.resultCode);
  return problem ? { ok: false, failure: problem } : { ok: true, body: envelope.data };
}

function failure(code: FreebitErrorCode, category: ErrorCategory, message: string): FreebitOutcome {
  return { ok: false, failure: { code, category, message } };
}
