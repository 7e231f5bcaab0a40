import { MappingError } from '../../../common/mapping.errors';
import { parseDomain, parseRaw } from '../../../common/mapping.util';
import {
  salesforceDateTime,
  salesforceId18,
} from '../../../common/providers/salesforce/salesforce-values.util';
import type { IsoDateTime } from '../../../common/time.schema';
import {
  type OrderProvisionRequestedEvent,
  orderProvisionRequestedEventSchema,
} from '../../provisioning.schema';
import { orderProvisionRequestedEventRawSchema } from './raw.schema';

const ENTITY = 'provision event';
const AVRO_BRANCHES = new Set(['string', 'long', 'int', 'double', 'float', 'boolean']);

// Avro-decoded unions may arrive wrapped as `{ "string": "…" }`; a plain value passes through.
function unwrapUnion(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  return keys.length === 1 && AVRO_BRANCHES.has(keys[0]!)
    ? (value as Record<string, unknown>)[keys[0]!]
    : value;
}

/** Lower-cases every key and unwraps Avro unions; later duplicates (other casing) do not override. */
function normalise(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    const lower = key.toLowerCase();
    if (!(lower in out)) out[lower] = unwrapUnion(value);
  }
  return out;
}

function createdAt(value: number | bigint | string | null | undefined): IsoDateTime | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return salesforceDateTime(value, ENTITY, 'CreatedDate');
  const ms = Number(value);
  if (!Number.isSafeInteger(ms) || Math.abs(ms) > 8.64e15) {
    throw new MappingError('salesforce', ENTITY, 'CreatedDate', 'is not a valid epoch');
  }
  return new Date(ms).toISOString();
}

const blank = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * Parses a decoded `OrderProvisionRequested__e` payload, accepting any casing of the field names.
 * @throws {MappingError} when the payload lacks a valid `OrderId__c` or holds invalid values.
 */
export function parseOrderProvisionRequestedEvent(payload: unknown): OrderProvisionRequestedEvent {
  const raw = parseRaw(orderProvisionRequestedEventRawSchema, normalise(payload), 'salesforce', ENTITY);
  const version = raw.version__c;
  return parseDomain(
    orderProvisionRequestedEventSchema,
    {
      orderId: salesforceId18(raw.orderid__c),
      idempotencyKey: blank(raw.idemkey__c),
      correlationId: blank(raw.correlationid__c),
      requestedBy: blank(raw.requestedby__c),
      version: version === null || version === undefined ? null : Number(version),
      createdAt: createdAt(raw.createddate),
      createdById: raw.createdbyid ? salesforceId18(raw.createdbyid) : null,
    },
    'salesforce',
    ENTITY,
  );
}
