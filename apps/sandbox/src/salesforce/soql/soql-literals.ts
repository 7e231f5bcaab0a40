import { malformedQuery } from '../salesforce-api-error';

const DAY = 86_400_000;

/** A half-open time range `[start, end)` in epoch ms: what a date literal such as `LAST_N_DAYS:7` denotes. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

const startOfDay = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const monthStart = (now: Date, offset: number): number =>
  Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1);
const yearStart = (now: Date, offset: number): number => Date.UTC(now.getUTCFullYear() + offset, 0, 1);

/**
 * Resolves SOQL date literals (UTC: the simulated integration user's time zone).
 * Supported: TODAY, YESTERDAY, TOMORROW, THIS/LAST/NEXT_WEEK, THIS/LAST/NEXT_MONTH, THIS/LAST/NEXT_YEAR,
 * LAST/NEXT_90_DAYS and LAST/NEXT_N_DAYS, N_DAYS_AGO, LAST/NEXT_N_MONTHS, LAST/NEXT_N_YEARS. Others are refused.
 */
export function resolveDateLiteral(literal: string, now: Date): TimeRange {
  const [name = '', rawN] = literal.toUpperCase().split(':');
  const n = rawN === undefined ? 0 : Number(rawN);
  if (rawN !== undefined && (!Number.isInteger(n) || n < 0))
    throw malformedQuery(`Invalid date literal: ${literal}`);
  const today = startOfDay(now);
  const weekStart = today - new Date(today).getUTCDay() * DAY;
  const range = (start: number, end: number): TimeRange => ({ start, end });
  switch (name) {
    case 'TODAY':
      return range(today, today + DAY);
    case 'YESTERDAY':
      return range(today - DAY, today);
    case 'TOMORROW':
      return range(today + DAY, today + 2 * DAY);
    case 'THIS_WEEK':
      return range(weekStart, weekStart + 7 * DAY);
    case 'LAST_WEEK':
      return range(weekStart - 7 * DAY, weekStart);
    case 'NEXT_WEEK':
      return range(weekStart + 7 * DAY, weekStart + 14 * DAY);
    case 'THIS_MONTH':
      return range(monthStart(now, 0), monthStart(now, 1));
    case 'LAST_MONTH':
      return range(monthStart(now, -1), monthStart(now, 0));
    case 'NEXT_MONTH':
      return range(monthStart(now, 1), monthStart(now, 2));
    case 'THIS_YEAR':
      return range(yearStart(now, 0), yearStart(now, 1));
    case 'LAST_YEAR':
      return range(yearStart(now, -1), yearStart(now, 0));
    case 'NEXT_YEAR':
      return range(yearStart(now, 1), yearStart(now, 2));
    case 'LAST_90_DAYS':
      return range(today - 90 * DAY, today + DAY);
    case 'NEXT_90_DAYS':
      return range(today + DAY, today + 91 * DAY);
    case 'LAST_N_DAYS':
      return range(today - n * DAY, today + DAY);
    case 'NEXT_N_DAYS':
      return range(today + DAY, today + (n + 1) * DAY);
    case 'N_DAYS_AGO':
      return range(today - n * DAY, today - (n - 1) * DAY);
    case 'LAST_N_MONTHS':
      return range(monthStart(now, -n), monthStart(now, 0));
    case 'NEXT_N_MONTHS':
      return range(monthStart(now, 1), monthStart(now, n + 1));
    case 'LAST_N_YEARS':
      return range(yearStart(now, -n), yearStart(now, 0));
    case 'NEXT_N_YEARS':
      return range(yearStart(now, 1), yearStart(now, n + 1));
    default:
      throw malformedQuery(`unsupported date literal: ${literal}`);
  }
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  N: '\n',
  r: '\r',
  R: '\r',
  t: '\t',
  T: '\t',
  b: '\b',
  B: '\b',
  f: '\f',
  F: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/**
 * Decodes a quoted SOQL string literal. `\%` and `\_` are kept escaped (they only mean something to LIKE);
 * any other backslash sequence is illegal, as in Salesforce.
 */
export function decodeStringLiteral(quoted: string): string {
  if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) {
    throw malformedQuery(`invalid string literal: ${quoted}`);
  }
  const body = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = body[++i];
    if (next === '%' || next === '_') out += `\\${next}`;
    else if (next !== undefined && next in ESCAPES) out += ESCAPES[next];
    else throw malformedQuery(`Illegal character sequence '\\${next ?? ''}' in string literal.`);
  }
  return out;
}

/** A LIKE pattern (`%`, `_`, `\%`, `\_`) as a case-insensitive regular expression. */
export function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) {
      source += escapeRegExp(pattern[++i]!);
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 'is');
}

/** A string value with LIKE's escapes removed, for `=`/`IN` comparisons. */
export function unescapeWildcards(value: string): string {
  return value.replace(/\\([%_])/g, '$1');
}

function escapeRegExp(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
