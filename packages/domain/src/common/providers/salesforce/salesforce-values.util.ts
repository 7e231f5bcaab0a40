import { toSalesforceId18 } from '../../identifiers.schema';
import { MappingError } from '../../mapping.errors';
import { numberToMinor } from '../../money.util';
import type { IsoDate, IsoDateTime } from '../../time.schema';
import { toIsoDate, toIsoDateTime } from '../../time.util';

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** A Salesforce DateTime (`…+0000`) as a UTC ISO instant; throws a {@link MappingError} when impossible. */
export function salesforceDateTime(value: string, entity: string, path: string): IsoDateTime {
  const m = DATETIME.exec(value);
  let instant: IsoDateTime | undefined;
  if (m) {
    const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
    instant = toIsoDateTime(
      {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4]),
        minute: Number(m[5]),
        second: Number(m[6]),
        ms: Number((m[7] ?? '0').padEnd(3, '0')),
      },
      offset,
    );
  }
  if (instant === undefined) throw new MappingError('salesforce', entity, path, 'is not a valid datetime');
  return instant;
}

/** A Salesforce Date; throws a {@link MappingError} when the day does not exist. */
export function salesforceDate(value: string, entity: string, path: string): IsoDate {
  const date = toIsoDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  if (date === undefined) throw new MappingError('salesforce', entity, path, 'is not a valid date');
  return date;
}

/** A Currency field (JSON number) in minor units, via its shortest decimal form (never float arithmetic). */
export function salesforceMinor(value: number, currency: string, entity: string, path: string): number {
  const minor = numberToMinor(value, currency);
  if (minor === undefined)
    throw new MappingError('salesforce', entity, path, `is not a valid ${currency} amount`);
  return minor;
}

/** A record id in its 18-character form. */
export function salesforceId18(id: string): string {
  return toSalesforceId18(id);
}

/** Trims text fields and turns blank or missing values into `null`. */
export function salesforceText(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}
