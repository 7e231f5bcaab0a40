import { SalesforceApiError } from '../salesforce-api-error';
import {
  findField,
  findParentRelationship,
  findSObject,
  type FieldDescribe,
  type SObjectDescribe,
} from '../salesforce-objects';
import type { SObjectRecord, SalesforceStore } from '../salesforce-store';

/** A resolved field path: the reference fields walked (`Account` → `AccountId`), then the field read. */
export interface FieldPath {
  readonly hops: readonly FieldDescribe[];
  readonly field: FieldDescribe;
}

export function noSuchColumn(name: string, sobject: SObjectDescribe): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'INVALID_FIELD',
    `No such column '${name}' on entity '${sobject.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

/** Resolves dotted field names against the metadata and reads them from stored records. */
export class PathReader {
  constructor(private readonly store: SalesforceStore) {}

  resolve(sobject: SObjectDescribe, dotted: string): FieldPath {
    const segments = dotted.split('.');
    const name = segments.pop()!;
    const hops: FieldDescribe[] = [];
    let current = sobject;
    for (const relationship of segments) {
      const reference = findParentRelationship(current, relationship);
      const target = reference?.referenceTo ? findSObject(reference.referenceTo) : undefined;
      if (!reference || !target) {
        throw new SalesforceApiError(
          400,
          'INVALID_FIELD',
          `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      }
      hops.push(reference);
      current = target;
    }
    const field = findField(current, name);
    if (!field) throw noSuchColumn(name, current);
    return { hops, field };
  }

  read(record: SObjectRecord, path: FieldPath): unknown {
    let current: SObjectRecord | undefined = record;
    for (const hop of path.hops) {
      const id: unknown = current[hop.name];
      current = typeof id === 'string' ? this.store.get(hop.referenceTo!, id) : undefined;
      if (!current) return null;
    }
    return current[path.field.name] ?? null;
  }
}
