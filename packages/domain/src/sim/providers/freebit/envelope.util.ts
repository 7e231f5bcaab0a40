import { parseRaw } from '../../../common/mapping.util';
import {
  FREEBIT_SUCCESS_CODE,
  freebitAuthOemResponseRawSchema,
  freebitEnvelopeRawSchema,
  type FreebitEnvelopeRaw,
} from './envelope.schema';
import { FreebitResultError } from './freebit.errors';

/**
 * Checks a Freebit response envelope.
 * @throws {MappingError} when the body is not a Freebit envelope.
 * @throws {FreebitResultError} when `resultCode` is not `"100"`.
 */
export function assertFreebitSuccess(raw: unknown): FreebitEnvelopeRaw {
  const envelope = parseRaw(freebitEnvelopeRawSchema, raw, 'freebit', 'envelope');
  const resultCode = String(envelope.resultCode).trim();
  if (resultCode !== FREEBIT_SUCCESS_CODE) {
    const statusCode = envelope.status?.statusCode;
    throw new FreebitResultError(
      resultCode,
      statusCode === undefined ? null : String(statusCode),
      envelope.status?.message ?? null,
    );
  }
  return envelope;
}

/**
 * Reads the `authKey` from an `authOem` response.
 * @throws {FreebitResultError} on a non-success code; {@link MappingError} when the key is missing.
 */
export function parseFreebitAuthKey(raw: unknown): string {
  assertFreebitSuccess(raw);
  return parseRaw(freebitAuthOemResponseRawSchema, raw, 'freebit', 'auth').authKey;
}
