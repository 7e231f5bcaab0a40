import { MappingError } from '@portal/domain';
import type { z } from 'zod';
import { ErrorCategory } from '../../../core/errors/error-category';
import { WhmcsError, WhmcsErrorCode } from '../whmcs.errors';

function invalid(what: string, cause: unknown): WhmcsError {
  return new WhmcsError(
    WhmcsErrorCode.INVALID_RESPONSE,
    ErrorCategory.INVALID_RESPONSE,
    `The billing system sent an unexpected ${what}.`,
    undefined,
    undefined,
    cause,
  );
}

/** Validates the envelope fields the integration reads; a mismatch is an invalid provider answer. */
export function parseEnvelope<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(payload);
  // Issue paths only: the values may hold personal data.
  if (!parsed.success)
    throw invalid(what, new Error(parsed.error.issues.map((i) => i.path.join('.')).join(', ')));
  return parsed.data;
}

/** Runs a `@portal/domain` mapper, turning its {@link MappingError} into an invalid-response provider error. */
export function mapWhmcs<T>(what: string, map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (error instanceof MappingError) throw invalid(what, error);
    throw error;
  }
}
