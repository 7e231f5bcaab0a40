import { MappingError } from '../../mapping.errors';
import { decimalToMinor, numberToMinor } from '../../money.util';
import type { IsoDate, IsoDateTime } from '../../time.schema';
import { isCalendarDay, toIsoDateTime } from '../../time.util';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  yen: '¥',
  euro: '€',
  pound: '£',
};

/** Decodes the HTML entities WHMCS stores names and descriptions with (`&amp;`, `&#039;`, `&#x27;`). */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** Reads a number-or-numeric-string id or count. */
export function whmcsNumber(value: number | string): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Converts a WHMCS amount to minor units, or throws a {@link MappingError} naming the field. */
export function whmcsMinor(value: string | number, currency: string, entity: string, path: string): number {
  const minor = typeof value === 'number' ? numberToMinor(value, currency) : decimalToMinor(value, currency);
  if (minor === undefined) throw new MappingError('whmcs', entity, path, `is not a valid ${currency} amount`);
  return minor;
}

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

function emptyDate(value: string): boolean {
  return value === '' || value.startsWith('0000-00-00');
}

/** `YYYY-MM-DD[ HH:ii:ss]` → `YYYY-MM-DD`; `0000-00-00` and `""` → `null`; an impossible day throws. */
export function whmcsDate(value: string, entity: string, path: string): IsoDate | null {
  if (emptyDate(value)) return null;
  const m = DATE_PARTS.exec(value);
  if (m === null || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new MappingError('whmcs', entity, path, 'is not a valid date');
  }
  return value.slice(0, 10);
}

/**
 * `YYYY-MM-DD HH:ii:ss` → UTC ISO instant; a bare date is taken as midnight. WHMCS writes server-local
 * time without an offset, so callers pass the server's offset (minutes east of UTC; our servers run UTC).
 */
export function whmcsDateTime(
  value: string,
  entity: string,
  path: string,
  offsetMinutes = 0,
): IsoDateTime | null {
  if (emptyDate(value)) return null;
  const m = DATE_PARTS.exec(value);
  const instant = m
    ? toIsoDateTime(
        {
          year: Number(m[1]),
          month: Number(m[2]),
          day: Number(m[3]),
          hour: Number(m[4] ?? 0),
          minute: Number(m[5] ?? 0),
          second: Number(m[6] ?? 0),
        },
        offsetMinutes,
      )
    : undefined;
  if (instant === undefined) throw new MappingError('whmcs', entity, path, 'is not a valid datetime');
  return instant;
}

/** WHMCS truthiness: `true`, `1`, `"1"`, `"true"`, `"on"`, `"yes"`. */
export function whmcsBool(value: boolean | number | string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return ['1', 'true', 'on', 'yes'].includes(value.trim().toLowerCase());
}

/** Unwraps `{ key: [...] }`, treating `""`, `null`, a missing key and `{}` as an empty list. */
export function whmcsListItems<T>(
  wrapped: '' | null | undefined | Partial<Record<string, T[]>>,
  key: string,
): T[] {
  if (wrapped === '' || wrapped === null || wrapped === undefined) return [];
  return wrapped[key] ?? [];
}
