import { describe, expect, it } from 'vitest';
import { domainJsonSchemas } from './domain-json-schemas.util';

interface JsonSchemaObject {
  type?: string;
  properties?: Record<string, JsonSchemaObject & { anyOf?: JsonSchemaObject[] }>;
  required?: string[];
  items?: JsonSchemaObject;
}

describe('domainJsonSchemas', () => {
  const schemas = domainJsonSchemas() as Record<string, JsonSchemaObject>;

  it('exports every public domain type as an object schema', () => {
    expect(Object.keys(schemas).sort()).toEqual(
      [
        'CatalogProduct',
        'Currency',
        'CustomerProfile',
        'Invoice',
        'InvoiceItem',
        'InvoicePage',
        'Money',
        'NewOrder',
        'Order',
        'OrderItem',
        'OrderSummary',
        'SimDetails',
        'SimUsage',
        'Subscription',
        'SubscriptionList',
      ].sort(),
    );
    for (const schema of Object.values(schemas)) expect(schema.type).toBe('object');
  });

  it('describes money as integer minor units with a currency code', () => {
    expect(schemas.Money!.properties!.value!.type).toBe('integer');
    expect(schemas.Money!.required!.sort()).toEqual(['currency', 'value']);
    expect(schemas.Invoice!.properties!.total!.properties!.value!.type).toBe('integer');
  });

  it('marks required fields and nested arrays', () => {
    expect(schemas.Invoice!.required).toEqual(expect.arrayContaining(['id', 'status', 'items', 'balance']));
    expect(schemas.InvoicePage!.properties!.items!.type).toBe('array');
    expect(schemas.NewOrder!.required).toEqual(expect.arrayContaining(['items', 'activationType']));
    expect(schemas.NewOrder!.required).not.toContain('sim');
  });

  it('returns fresh objects on every call', () => {
    const first = domainJsonSchemas();
    first.Money.type = 'string';
    expect(domainJsonSchemas().Money.type).toBe('object');
  });
});
