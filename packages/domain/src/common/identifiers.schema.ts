import { z } from 'zod';

const SALESFORCE_ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** A Salesforce record id: 15 case-sensitive or 18 case-insensitive-safe characters. */
export const salesforceIdSchema = z.string().regex(SALESFORCE_ID_PATTERN, 'Invalid Salesforce id');
export type SalesforceId = z.infer<typeof salesforceIdSchema>;

/**
 * Converts a 15-character Salesforce id to its 18-character form (an 18-character id is returned as is).
 * The 3-character suffix encodes, per 5-character chunk, which characters are upper case, so the
 * 18-character id survives case-insensitive comparison.
 * @throws {RangeError} when `id` is not a well-formed Salesforce id.
 */
export function toSalesforceId18(id: string): string {
  if (!SALESFORCE_ID_PATTERN.test(id)) throw new RangeError('Invalid Salesforce id');
  if (id.length === 18) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const code = id.charCodeAt(chunk * 5 + i);
      if (code >= 65 && code <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return id + suffix;
}

/** True when an 18-character id's suffix matches its first 15 characters (15-character ids have no checksum). */
export function hasValidSalesforceChecksum(id: string): boolean {
  if (!SALESFORCE_ID_PATTERN.test(id)) return false;
  return id.length === 15 || toSalesforceId18(id.slice(0, 15)) === id;
}

/** Accepts a 15- or 18-character id and outputs the 18-character form (domain values always carry 18). */
export const salesforceId18Schema = salesforceIdSchema.transform((id) => toSalesforceId18(id));

/** A normalised 18-character Salesforce id (output-only shape, transform-free for JSON Schema). */
export const salesforceId18OutputSchema = z.string().regex(/^[a-zA-Z0-9]{18}$/, 'Invalid Salesforce id');
