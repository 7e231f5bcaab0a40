import { createHash } from 'node:crypto';
import * as avro from 'avro-js';

/** A custom field on a platform event, typed as Salesforce maps it to Avro (Text → string, Number → double). */
export interface PlatformEventField {
  readonly name: string;
  readonly type: 'string' | 'double' | 'boolean';
  readonly doc: string;
}

/** One publishable topic with its Avro schema, shaped as the real `GetSchema` returns it. */
export interface PlatformEventTopic {
  readonly topicName: string;
  readonly schemaId: string;
  readonly schemaJson: string;
  readonly avroType: avro.AvroType;
  readonly fieldNames: readonly string[];
}

/**
 * Builds a platform event topic the way Salesforce describes it: `CreatedDate` (epoch ms) and `CreatedById` first,
 * every custom field a nullable union with a `null` default, plus the `uuid` attribute.
 * The schema id is the 22-character base64url MD5 fingerprint of the schema.
 */
export function definePlatformEventTopic(
  eventName: string,
  fields: readonly PlatformEventField[],
): PlatformEventTopic {
  const schema = {
    name: eventName,
    namespace: 'com.sforce.eventbus',
    type: 'record',
    fields: [
      { name: 'CreatedDate', type: 'long', doc: 'CreatedDate:DateTime' },
      { name: 'CreatedById', type: 'string', doc: 'CreatedBy:EntityId' },
      ...fields.map((field) => ({
        name: field.name,
        type: ['null', field.type],
        doc: field.doc,
        default: null,
      })),
    ],
  };
  const fingerprint = createHash('md5').update(JSON.stringify(schema)).digest('base64url');
  const schemaJson = JSON.stringify({ ...schema, uuid: fingerprint });
  return {
    topicName: `/event/${eventName}`,
    schemaId: fingerprint,
    schemaJson,
    avroType: avro.parse(schemaJson),
    fieldNames: fields.map((field) => field.name),
  };
}

/** The org's high-volume event, published by the order-approval Flow (business-facts §2.4). */
export const ORDER_PROVISION_REQUESTED = definePlatformEventTopic('OrderProvisionRequested__e', [
  { name: 'OrderId__c', type: 'string', doc: 'Data:Text:00N5g00000OPrOrdId' },
  { name: 'IdemKey__c', type: 'string', doc: 'Data:Text:00N5g00000OPrIdmKy' },
  { name: 'CorrelationId__c', type: 'string', doc: 'Data:Text:00N5g00000OPrCorId' },
  { name: 'RequestedBy__c', type: 'string', doc: 'Data:Text:00N5g00000OPrReqBy' },
  { name: 'Version__c', type: 'double', doc: 'Data:Number:00N5g00000OPrVersn' },
]);

export type PlatformEventValues = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * Avro-encodes an event. avro-js needs unions wrapped (`{"string": "x"}`); the bytes equal the unwrapped form.
 * `CreatedDate`/`CreatedById` default to now and the integration user.
 */
export function encodePlatformEvent(
  topic: PlatformEventTopic,
  values: PlatformEventValues,
  createdById: string,
  now: number,
): Buffer {
  const record: Record<string, unknown> = {
    CreatedDate: typeof values.CreatedDate === 'number' ? values.CreatedDate : now,
    CreatedById: typeof values.CreatedById === 'string' ? values.CreatedById : createdById,
  };
  const schema = JSON.parse(topic.schemaJson) as { fields: { name: string; type: unknown }[] };
  for (const field of schema.fields) {
    if (!Array.isArray(field.type)) continue;
    const value = values[field.name];
    const branch = field.type[1] as string;
    record[field.name] = value === null || value === undefined ? null : { [branch]: value };
  }
  return topic.avroType.toBuffer(record);
}
