import { createHmac, timingSafeEqual } from 'node:crypto';

export const WHMCS_SIGNATURE_HEADER = 'x-whmcs-signature';
export const WHMCS_EVENT_HEADER = 'x-whmcs-event';

export type SignatureCheck =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'stale' | 'mismatch' | 'no-secret' };

export interface SignatureCheckOptions {
  /** Accepted secrets: during a rotation both the old and the new one. */
  readonly secrets: readonly string[];
  readonly nowSeconds: number;
  readonly toleranceSeconds: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * Verifies `X-Whmcs-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]` where each `v1` is
 * `HMAC-SHA256(secret, "<t>.<raw body>")`, over the exact request bytes. Every candidate is compared in
 * constant time against every secret; candidates of the wrong length are skipped, never thrown on.
 */
export function verifyWhmcsSignature(
  rawBody: Buffer,
  header: string | undefined,
  options: SignatureCheckOptions,
): SignatureCheck {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  if (options.secrets.length === 0) return { ok: false, reason: 'no-secret' };
  let timestampText: string | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') timestampText = value;
    else if (key === 'v1' && SHA256_HEX.test(value)) candidates.push(Buffer.from(value, 'hex'));
  }
  if (timestampText === undefined || !/^[0-9]{1,12}$/.test(timestampText) || candidates.length === 0) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = Number(timestampText);
  if (Math.abs(options.nowSeconds - timestamp) > options.toleranceSeconds)
    return { ok: false, reason: 'stale' };

  const signedPrefix = Buffer.from(`${timestampText}.`, 'utf8');
  let matched = false;
  for (const secret of options.secrets) {
    const expected = createHmac('sha256', secret).update(signedPrefix).update(rawBody).digest();
    for (const candidate of candidates) {
      // Both are 32 bytes here (hex-checked above); the length guard keeps timingSafeEqual from ever throwing.
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  return matched ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}

/** Builds the header a sender (our PHP hook file, the sandbox) attaches; used by tests and benchmarks. */
export function signWhmcsPayload(
  rawBody: string | Buffer,
  secrets: readonly string[],
  timestamp: number,
): string {
  const signatures = secrets.map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`,
  );
  return [`t=${timestamp}`, ...signatures].join(',');
}
