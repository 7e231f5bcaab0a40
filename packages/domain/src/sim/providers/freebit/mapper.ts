import { MappingError } from '../../../common/mapping.errors';
import { parseDomain, parseRaw } from '../../../common/mapping.util';
import type { IsoDate } from '../../../common/time.schema';
import { toIsoDate } from '../../../common/time.util';
import {
  type SimDetails,
  simDetailsSchema,
  type SimStatus,
  simStatusSchema,
  type SimUsage,
  type SimUsageDay,
  simUsageSchema,
} from '../../sim.schema';
import { assertFreebitSuccess } from './envelope.util';
import { freebitAccountDetailsResponseRawSchema, freebitTrafficInfoResponseRawSchema } from './raw.schema';

const KB_PER_MB = 1024;

function kbToMb(value: string | number, entity: string, path: string): number {
  const kb = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(kb)) throw new MappingError('freebit', entity, path, 'is out of range');
  return Math.floor(kb / KB_PER_MB);
}

function yyyymmdd(value: string, entity: string, path: string): IsoDate {
  const date = toIsoDate(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8)));
  if (date === undefined) throw new MappingError('freebit', entity, path, 'is not a valid date');
  return date;
}

/**
 * Maps a PA03-02 account-detail response to {@link SimDetails}.
 * @throws {FreebitResultError} for a non-success envelope; {@link MappingError} for an invalid payload.
 */
export function transformFreebitAccountDetails(raw: unknown): SimDetails {
  const entity = 'account details';
  assertFreebitSuccess(raw);
  const response = parseRaw(freebitAccountDetailsResponseRawSchema, raw, 'freebit', entity);
  const detail = response.responseDatas[0]!;
  const base = 'responseDatas[0]';
  const status = detail.state.trim().toLowerCase() as SimStatus;
  if (!simStatusSchema.safeParse(status).success) {
    throw new MappingError('freebit', entity, `${base}.state`, 'is not a known line state');
  }
  const networkType = detail.contractLine.trim().toUpperCase();
  if (networkType !== '4G' && networkType !== '5G') {
    throw new MappingError('freebit', entity, `${base}.contractLine`, 'is neither 4G nor 5G');
  }
  const eid = detail.eid?.trim() || null;
  const talk = detail.talkOption;
  return parseDomain(
    simDetailsSchema,
    {
      msisdn: detail.account,
      productNumber: detail.productNumber,
      status,
      planCode: detail.planCode,
      planName: detail.planName?.trim() || null,
      networkType,
      voice: talk
        ? {
            voiceMail: talk.voiceMail === '10',
            callWaiting: talk.callWaiting === '10',
            internationalRoaming: talk.worldWing === '10',
          }
        : null,
      remainingQuotaMb: kbToMb(detail.remainingQuotaKb, entity, `${base}.remainingQuotaKb`),
      startDate: detail.startDate ? yyyymmdd(detail.startDate, entity, `${base}.startDate`) : null,
      eid,
      simType: detail.simKind === 'E' || (detail.simKind === undefined && eid !== null) ? 'esim' : 'physical',
    },
    'freebit',
    entity,
  );
}

/** The inclusive day range to report usage for. */
export interface FreebitUsageRange {
  startDate: IsoDate;
  endDate: IsoDate;
}

/**
 * Maps a PA05-01 traffic response to {@link SimUsage} for the days in `range` (inclusive), oldest first.
 * @throws {FreebitResultError} for a non-success envelope; {@link MappingError} for an invalid payload.
 * @throws {RangeError} when `range.startDate` is after `range.endDate`.
 */
export function transformFreebitUsageData(raw: unknown, range: FreebitUsageRange): SimUsage {
  const entity = 'usage';
  if (range.startDate > range.endDate) throw new RangeError('startDate is after endDate');
  assertFreebitSuccess(raw);
  const response = parseRaw(freebitTrafficInfoResponseRawSchema, raw, 'freebit', entity);
  const byDate = new Map<string, SimUsageDay>();
  const add = (day: { date: string; usageKb: string | number }, path: string) => {
    const date = yyyymmdd(day.date, entity, `${path}.date`);
    if (date < range.startDate || date > range.endDate) return;
    byDate.set(date, { date, usageMb: kbToMb(day.usageKb, entity, `${path}.usageKb`) });
  };
  response.traffic.inRecentDays.forEach((day, i) => add(day, `traffic.inRecentDays[${i}]`));
  // Today's figure is the freshest, so it wins over a same-day entry in the recent list.
  if (response.traffic.today) add(response.traffic.today, 'traffic.today');
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const totalKb = response.quota.totalKb;
  return parseDomain(
    simUsageSchema,
    {
      msisdn: response.account,
      startDate: range.startDate,
      endDate: range.endDate,
      days,
      totalUsageMb: days.reduce((sum, day) => sum + day.usageMb, 0),
      remainingQuotaMb: kbToMb(response.quota.remainingKb, entity, 'quota.remainingKb'),
      totalQuotaMb:
        totalKb === undefined || totalKb === null ? null : kbToMb(totalKb, entity, 'quota.totalKb'),
    },
    'freebit',
    entity,
  );
}
