import type { IsoDate, IsoDateTime } from './time.schema';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True when year/month/day name a real calendar day (rejects 2026-02-30); arithmetic, no Date objects. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= days;
}

/** Builds `YYYY-MM-DD` from parts, or `undefined` when the day does not exist. */
export function toIsoDate(year: number, month: number, day: number): IsoDate | undefined {
  return isCalendarDay(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
}

/**
 * Builds a UTC ISO instant from local parts plus an offset in minutes east of UTC,
 * or `undefined` when any part is out of range.
 */
export function toIsoDateTime(
  parts: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    ms?: number;
  },
  offsetMinutes = 0,
): IsoDateTime | undefined {
  const { year, month, day, hour, minute, second, ms = 0 } = parts;
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  // Date.UTC maps years 0-99 to 1900+; those never occur in provider data, so reject rather than guess.
  if (year < 1000) return undefined;
  return new Date(epoch).toISOString();
}

/** The UTC calendar day of an instant. */
export function utcDay(instant: Date): IsoDate {
  return `${pad(instant.getUTCFullYear(), 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}`;
}
