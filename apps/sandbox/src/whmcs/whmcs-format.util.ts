import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/** WHMCS prints every amount as a 2-dp decimal string, whatever the currency. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses `"1650.00"` / `"1650"` into integer hundredths without passing through a float. */
export function parseCents(text: string): number | undefined {
  const match = /^(-?)([0-9]+)(?:\.([0-9]{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** WHMCS stores names and descriptions HTML-escaped (`htmlspecialchars` with ENT_QUOTES). */
export function htmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#039;');
}

export const ZERO_DATE = '0000-00-00';
export const ZERO_DATETIME = '0000-00-00 00:00:00';

export function toDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function addDays(isoDate: string, days: number): string {
  return toDate(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000));
}

/** PHP's `json_encode` defaults: `/` escaped as `\/` and non-ASCII as `\uXXXX`. */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SCRYPT_KEY_LENGTH = 32;

export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, SCRYPT_KEY_LENGTH).toString('hex')}`;
}

/** Async scrypt so a burst of logins does not block the simulator's event loop. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || saltHex === undefined || hashHex === undefined) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, Buffer.from(saltHex, 'hex'), expected.length, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return timingSafeEqual(expected, actual);
}
