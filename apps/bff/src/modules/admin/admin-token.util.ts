import { createHash, timingSafeEqual } from 'node:crypto';

export type AdminAuthResult = 'ok' | 'disabled' | 'denied';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Checks an `Authorization: Bearer <token>` header against ADMIN_API_TOKEN. Both sides are hashed first, so the
 * comparison takes the same time whatever the length or the first differing character. Without a configured
 * token the operator endpoints do not exist.
 */
export function checkAdminToken(header: string | undefined, expected: string | undefined): AdminAuthResult {
  if (expected === undefined) return 'disabled';
  const presented = BEARER.exec(header ?? '')?.[1] ?? '';
  const equal = timingSafeEqual(digest(presented), digest(expected));
  return equal && presented.length > 0 ? 'ok' : 'denied';
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
