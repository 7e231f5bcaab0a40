import { MappingError } from '@portal/domain';
import { isAppError, isTransient } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';

export interface BackoffSettings {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Share of the delay that is random: 0 = fixed, 1 = anywhere between 0 and the delay. */
  readonly jitter: number;
}

/**
 * Delay before retry number `attemptsMade` (1 after the first failure): `base · 2^(n-1)` capped at `max`, of
 * which the `jitter` share is random so retries of many orders hit a recovering provider spread out.
 */
export function provisioningBackoffDelay(
  attemptsMade: number,
  settings: BackoffSettings,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attemptsMade - 1, 0), 40);
  const capped = Math.min(settings.maxMs, settings.baseMs * 2 ** exponent);
  const fixed = capped * (1 - settings.jitter);
  return Math.round(fixed + random() * capped * settings.jitter);
}

/**
 * Whether a failure is worth another attempt: temporary provider trouble (network, timeouts, 5xx, rate limits,
 * record locks) and answers we could not read (a maintenance page). Anything classified otherwise — invalid
 * order data, a missing client or product, a rejected request — fails at once. Errors that are not ours at all
 * (a dropped Redis connection, a bug) are retried: the attempts limit still ends them.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof MappingError) return false;
  if (!isAppError(error)) return true;
  return isTransient(error) || error.category === ErrorCategory.INVALID_RESPONSE;
}

/** The code and message Salesforce shows for a failure (`Activation_Error_Code__c` / `_Message__c`). */
export function failureSummary(error: unknown): { code: string; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.message.slice(0, 255) };
  if (error instanceof MappingError)
    return { code: 'PROVISIONING_MAPPING_FAILED', message: 'Order data is invalid.' };
  return { code: 'PROVISIONING_UNEXPECTED', message: 'Provisioning failed unexpectedly.' };
}
