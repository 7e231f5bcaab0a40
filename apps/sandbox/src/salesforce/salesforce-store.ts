import { SalesforceApiError, notFound } from './salesforce-api-error';
import { SalesforceIdFactory, isSalesforceId, toCaseSafeId } from './salesforce-ids';
import {
  SOBJECTS,
  findField,
  findSObject,
  sobjectForId,
  type FieldDescribe,
  type SObjectDescribe,
} from './salesforce-objects';

/** A stored record: API-name keys (canonical casing), `Id` always present. */
export type SObjectRecord = Record<string, unknown> & { readonly Id: string };

export type OrderApprovedListener = (order: Readonly<SObjectRecord>) => void;

/** Order statuses on which the org's record-triggered Flow starts fulfilment (business-facts §2.4). */
const FULFILMENT_STATUSES = new Set(['Approved', 'Reactivate']);

/** Salesforce's wire format for datetimes: `2026-11-25T20:30:00.000+0000`. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

const money = (value: number): number => Math.round(value * 100) / 100;

/**
 * The simulator's in-memory org. Writes go through the same validation the REST API applies
 * (unknown/read-only fields, types, required fields, references) and keep the derived fields the
 * org computes: `OrderNumber`, `OrderItem.TotalPrice`, the `Order.TotalAmount` roll-up.
 * The Pub/Sub part subscribes to {@link onOrderApproved} to publish `OrderProvisionRequested__e`.
 */
export class SalesforceStore {
  private readonly tables = new Map<string, Map<string, SObjectRecord>>();
  /** parent id → `<ChildSObject>.<field>` → child ids, for roll-ups and child subqueries. */
  private readonly children = new Map<string, Map<string, Set<string>>>();
  private readonly ids = new SalesforceIdFactory();
  private readonly approvedListeners = new Set<OrderApprovedListener>();
  private undoLog: Array<() => void> | undefined;
  private orderNumber = 100;
  private orderItemNumber = 1;

  constructor(private readonly clock: () => Date = () => new Date()) {
    for (const sobject of SOBJECTS.values()) this.tables.set(sobject.name, new Map());
  }

  /** Every record of a type, in insertion order. */
  records(sobjectName: string): SObjectRecord[] {
    return [...this.table(sobjectName).values()];
  }

  get(sobjectName: string, id: string): SObjectRecord | undefined {
    if (!isSalesforceId(id)) return undefined;
    return this.table(sobjectName).get(toCaseSafeId(id));
  }

  findById(id: string): { sobject: SObjectDescribe; record: SObjectRecord } | undefined {
    const sobject = sobjectForId(id);
    const record = sobject && this.get(sobject.name, id);
    return sobject && record ? { sobject, record } : undefined;
  }

  /** Children of `parentId` through `childSObject.field` (e.g. the OrderItems of an Order). */
  childrenOf(parentId: string, childSObject: string, field: string): SObjectRecord[] {
    const ids = this.children.get(parentId)?.get(`${childSObject}.${field}`);
    if (!ids) return [];
    const table = this.table(childSObject);
    return [...ids].map((id) => table.get(id)!);
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.tables].map(([name, table]) => [name, table.size]));
  }

  /** Creates a record as the REST API does; throws {@link SalesforceApiError} on invalid input. */
  create(sobjectName: string, input: Record<string, unknown>): SObjectRecord {
    const sobject = this.describe(sobjectName);
    if (Object.keys(input).some((key) => key.toLowerCase() === 'id')) {
      throw new SalesforceApiError(
        400,
        'INVALID_FIELD',
        'The Id field should not be specified in the sobject data.',
      );
    }
    const values = this.validate(sobject, input, 'create');
    const missing = [...sobject.fields.values()]
      .filter((field) => field.required && (values[field.name] === undefined || values[field.name] === null))
      .map((field) => field.name);
    if (missing.length > 0) {
      throw new SalesforceApiError(
        400,
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.join(', ')}]`,
        missing,
      );
    }
    const now = formatDateTime(this.clock());
    const record: Record<string, unknown> = {
      Id: this.ids.next(sobject.keyPrefix),
      CreatedDate: now,
      LastModifiedDate: now,
      SystemModstamp: now,
      ...values,
    };
    this.derive(sobject, record);
    return this.insert(sobject, record as SObjectRecord);
  }

  /** Loads a seed record as-is (its `Id` and system fields kept); derived fields are still computed. */
  seed(sobjectName: string, record: Record<string, unknown> & { Id: string }): SObjectRecord {
    const sobject = this.describe(sobjectName);
    const now = formatDateTime(this.clock());
    const full: Record<string, unknown> = {
      CreatedDate: now,
      LastModifiedDate: now,
      SystemModstamp: now,
      ...record,
    };
    this.derive(sobject, full);
    return this.insert(sobject, full as SObjectRecord);
  }

  update(sobjectName: string, id: string, input: Record<string, unknown>): SObjectRecord {
    const sobject = this.describe(sobjectName);
    const current = this.get(sobject.name, id);
    if (!current) throw notFound();
    const values = this.validate(sobject, input, 'update');
    for (const field of sobject.fields.values()) {
      if (field.required && field.name in values && values[field.name] === null) {
        throw new SalesforceApiError(
          400,
          'REQUIRED_FIELD_MISSING',
          `Required fields are missing: [${field.name}]`,
          [field.name],
        );
      }
    }
    const previous = { ...current };
    const next: Record<string, unknown> = { ...current, ...values };
    next.LastModifiedDate = next.SystemModstamp = formatDateTime(this.clock());
    const statusChanged =
      sobject.name === 'Order' && values.Status !== undefined && values.Status !== previous.Status;
    if (statusChanged && FULFILMENT_STATUSES.has(String(values.Status))) {
      // What the org's record-triggered Flow does alongside publishing the event.
      next.Activation_Status__c = 'Activating';
      next.Activation_Error_Code__c = null;
      next.Activation_Error_Message__c = null;
    }
    this.derive(sobject, next);
    this.replace(sobject, previous, next as SObjectRecord);
    this.undoLog?.push(() => this.replace(sobject, next as SObjectRecord, previous));
    if (statusChanged && FULFILMENT_STATUSES.has(String(values.Status)))
      this.emitApproved(next as SObjectRecord);
    return next as SObjectRecord;
  }

  /** Runs `work`; if it throws, every create/update it made is undone (all-or-none semantics). */
  atomically<T>(work: () => T): T {
    const outer = this.undoLog;
    const log: Array<() => void> = [];
    this.undoLog = log;
    try {
      return work();
    } catch (error) {
      for (const undo of log.reverse()) undo();
      throw error;
    } finally {
      this.undoLog = outer;
      if (outer) outer.push(...log);
    }
  }

  /** The admin "approve": sets `Status = 'Approved'` as an agent would, which fires the Flow. */
  approveOrder(orderId: string): SObjectRecord {
    return this.update('Order', orderId, { Status: 'Approved' });
  }

  /** Registers a listener for orders entering a fulfilment status; returns the unsubscribe function. */
  onOrderApproved(listener: OrderApprovedListener): () => void {
    this.approvedListeners.add(listener);
    return () => this.approvedListeners.delete(listener);
  }

  private emitApproved(order: SObjectRecord): void {
    const snapshot = Object.freeze({ ...order });
    for (const listener of this.approvedListeners) listener(snapshot);
  }

  private describe(name: string): SObjectDescribe {
    const sobject = findSObject(name);
    if (!sobject) throw new SalesforceApiError(404, 'NOT_FOUND', `The requested resource does not exist`);
    return sobject;
  }

  private table(name: string): Map<string, SObjectRecord> {
    const table = this.tables.get(this.describe(name).name);
    return table!;
  }

  private insert(sobject: SObjectDescribe, record: SObjectRecord): SObjectRecord {
    this.table(sobject.name).set(record.Id, record);
    this.index(sobject, record, 'add');
    this.rollUp(sobject, record);
    this.undoLog?.push(() => {
      this.table(sobject.name).delete(record.Id);
      this.index(sobject, record, 'remove');
      this.rollUp(sobject, record);
    });
    return record;
  }

  private replace(sobject: SObjectDescribe, previous: SObjectRecord, next: SObjectRecord): void {
    this.index(sobject, previous, 'remove');
    this.table(sobject.name).set(next.Id, next);
    this.index(sobject, next, 'add');
    this.rollUp(sobject, next);
  }

  private index(sobject: SObjectDescribe, record: SObjectRecord, action: 'add' | 'remove'): void {
    for (const field of sobject.fields.values()) {
      const parentId = record[field.name];
      if (field.type !== 'reference' || typeof parentId !== 'string') continue;
      const key = `${sobject.name}.${field.name}`;
      let byRelation = this.children.get(parentId);
      if (!byRelation) this.children.set(parentId, (byRelation = new Map<string, Set<string>>()));
      let ids = byRelation.get(key);
      if (!ids) byRelation.set(key, (ids = new Set<string>()));
      if (action === 'add') ids.add(record.Id);
      else ids.delete(record.Id);
    }
  }

  /** Keeps `Order.TotalAmount` equal to the sum of its items' `TotalPrice`. */
  private rollUp(sobject: SObjectDescribe, record: SObjectRecord): void {
    if (sobject.name !== 'OrderItem' || typeof record.OrderId !== 'string') return;
    const order = this.table('Order').get(record.OrderId);
    if (!order) return;
    const total = this.childrenOf(order.Id, 'OrderItem', 'OrderId').reduce(
      (sum, item) => sum + Number(item.TotalPrice ?? 0),
      0,
    );
    this.table('Order').set(order.Id, { ...order, TotalAmount: money(total) });
  }

  /** Derived fields and the cross-record rules the org enforces on create/update. */
  private derive(sobject: SObjectDescribe, record: Record<string, unknown>): void {
    switch (sobject.name) {
      case 'Order':
        record.OrderNumber ??= String(this.orderNumber++).padStart(8, '0');
        record.TotalAmount ??= 0;
        return;
      case 'OrderItem':
        this.deriveOrderItem(record);
        return;
      case 'PricebookEntry': {
        const product = this.table('Product2').get(String(record.Product2Id));
        record.Name = product?.Name ?? null;
        record.ProductCode = product?.ProductCode ?? null;
        record.IsActive ??= true;
        return;
      }
      default:
        return;
    }
  }

  private deriveOrderItem(record: Record<string, unknown>): void {
    const order = this.table('Order').get(String(record.OrderId));
    const entry = this.table('PricebookEntry').get(String(record.PricebookEntryId));
    if (!order || !entry) return;
    if (!order.Pricebook2Id) {
      throw new SalesforceApiError(400, 'FIELD_INTEGRITY_EXCEPTION', 'Price Book Not Set on Order', [
        'PricebookEntryId',
      ]);
    }
    if (entry.Pricebook2Id !== order.Pricebook2Id || entry.IsActive !== true) {
      throw new SalesforceApiError(
        400,
        'FIELD_INTEGRITY_EXCEPTION',
        "field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the order, or PricebookEntry doesn't have a price defined.)",
        ['PricebookEntryId'],
      );
    }
    const quantity = Number(record.Quantity);
    if (!(quantity > 0)) {
      throw new SalesforceApiError(
        400,
        'FIELD_INTEGRITY_EXCEPTION',
        'Quantity: value outside of valid range',
        ['Quantity'],
      );
    }
    record.Product2Id = entry.Product2Id;
    record.ListPrice = entry.UnitPrice;
    record.TotalPrice = money(quantity * Number(record.UnitPrice));
    record.OrderItemNumber ??= String(this.orderItemNumber++).padStart(10, '0');
  }

  private validate(
    sobject: SObjectDescribe,
    input: Record<string, unknown>,
    operation: 'create' | 'update',
  ): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(input)) {
      if (key === 'attributes' || (operation === 'update' && key.toLowerCase() === 'id')) continue;
      const field = findField(sobject, key);
      if (!field) {
        throw new SalesforceApiError(
          400,
          'INVALID_FIELD',
          `No such column '${key}' on sobject of type ${sobject.name}`,
          [key],
        );
      }
      if (field.readOnly) {
        throw new SalesforceApiError(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to ${operation} fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [field.name],
        );
      }
      values[field.name] = this.coerce(field, raw);
    }
    return values;
  }

  private coerce(field: FieldDescribe, raw: unknown): unknown {
    if (raw === null) return null;
    const wrongType = (): SalesforceApiError =>
      new SalesforceApiError(
        400,
        'JSON_PARSER_ERROR',
        `Cannot deserialize instance of ${field.type} from ${typeof raw} value ${JSON.stringify(raw)} or request may be missing a required field`,
        [field.name],
      );
    switch (field.type) {
      case 'string':
      case 'id':
        if (typeof raw !== 'string' && typeof raw !== 'number') throw wrongType();
        return String(raw);
      case 'boolean':
        if (typeof raw !== 'boolean') throw wrongType();
        return raw;
      case 'double':
      case 'currency': {
        const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
        if (!Number.isFinite(value)) throw wrongType();
        return field.type === 'currency' ? money(value) : value;
      }
      case 'date':
        if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
          throw wrongType();
        }
        return raw;
      case 'datetime': {
        const time = typeof raw === 'string' ? Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
        if (Number.isNaN(time)) throw wrongType();
        return formatDateTime(new Date(time));
      }
      case 'reference': {
        if (typeof raw !== 'string' || !isSalesforceId(raw)) {
          throw new SalesforceApiError(
            400,
            'MALFORMED_ID',
            `${field.relationshipName} ID: id value of incorrect type: ${JSON.stringify(raw)}`,
            [field.name],
          );
        }
        const id = toCaseSafeId(raw);
        if (!this.table(field.referenceTo!).has(id)) {
          throw new SalesforceApiError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [
            field.name,
          ]);
        }
        return id;
      }
    }
  }
}
