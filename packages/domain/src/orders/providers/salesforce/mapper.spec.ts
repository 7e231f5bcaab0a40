import { describe, expect, it } from 'vitest';
import orderItems from '../../../../fixtures/salesforce/order-items.json';
import order from '../../../../fixtures/salesforce/order.json';
import { schemaFieldPaths } from '../../../../test/schema-fields.util';
import { Orders } from '../../../index';

const {
  transformSalesforceOrderDetails,
  transformSalesforceOrderSummary,
  ORDER_FIELDS,
  ORDER_ITEM_FIELDS,
  salesforceOrderRawSchema,
  salesforceOrderItemRawSchema,
} = Orders.Providers.Salesforce;

describe('Orders.Providers.Salesforce.transformSalesforceOrderDetails', () => {
  it('maps the order with Account.Name, activation fields and its items', () => {
    const mapped = transformSalesforceOrderDetails(order, orderItems);
    expect(mapped).toMatchObject({
      id: order.Id,
      number: '00000101',
      accountId: '0015g00000HaNaKAAV',
      accountName: 'Hanako Yamada',
      status: 'Approved',
      type: 'sim',
      effectiveDate: '2026-03-28',
      createdAt: '2026-03-28T09:15:00.000Z',
      total: { value: 5280, currency: 'JPY' },
      activation: {
        status: 'Activated',
        type: 'Immediate',
        scheduledAt: null,
        errorCode: null,
        errorMessage: null,
      },
      whmcsOrderId: 7001,
    });
    expect(mapped.items).toEqual([
      {
        id: orderItems.records[0]!.Id,
        productId: '01t5g00000SiMa1AAF',
        productName: 'SIM Data+Voice 5GB',
        sku: 'SIM-DATA-VOICE-5GB',
        quantity: 1,
        unitPrice: { value: 1650, currency: 'JPY' },
        totalPrice: { value: 1650, currency: 'JPY' },
        itemClass: 'service',
        billingCycle: 'monthly',
        whmcsProductId: 301,
        whmcsServiceId: 1001,
      },
      expect.objectContaining({
        sku: 'SIM-ACTIVATION-FEE',
        itemClass: 'activation',
        billingCycle: 'one_time',
        whmcsServiceId: null,
      }),
      expect.objectContaining({ sku: 'SIM-ADDON-VOICEMAIL', itemClass: 'add_on', whmcsProductId: 303 }),
    ]);
    expect(mapped.items.reduce((sum, i) => sum + i.totalPrice.value, 0)).toBe(mapped.total.value);
  });

  it('accepts an array of item records and 15-character ids, outputting 18', () => {
    const mapped = transformSalesforceOrderDetails(
      { ...order, Id: order.Id.slice(0, 15) },
      orderItems.records,
    );
    expect(mapped.id).toBe(order.Id);
    expect(mapped.items).toHaveLength(3);
  });

  it('converts a non-UTC CreatedDate offset and string/number WHMCS ids', () => {
    const mapped = transformSalesforceOrderDetails(
      {
        ...order,
        CreatedDate: '2026-03-28T18:15:00.000+0900',
        WHMCS_Order_ID__c: 7001,
        Activation_Scheduled_At__c: '2026-04-01T00:00:00Z',
      },
      { ...orderItems, records: [{ ...orderItems.records[0]!, WHMCS_Service_ID__c: '1001' }] },
    );
    expect(mapped).toMatchObject({ createdAt: '2026-03-28T09:15:00.000Z', whmcsOrderId: 7001 });
    expect(mapped.activation.scheduledAt).toBe('2026-04-01T00:00:00.000Z');
    expect(mapped.items[0]!.whmcsServiceId).toBe(1001);
  });

  it('computes a missing TotalPrice exactly from unit price and quantity', () => {
    const item = { ...orderItems.records[2]!, Quantity: 3, TotalPrice: null, UnitPrice: 0.1 };
    const mapped = transformSalesforceOrderDetails(order, [item], { currencyCode: 'USD' });
    expect(mapped.items[0]!.totalPrice).toEqual({ value: 30, currency: 'USD' });
  });

  it('tolerates a null Account and Product2 relationship', () => {
    const item = { ...orderItems.records[0]!, Product2: null, Billing_Cycle__c: null };
    const mapped = transformSalesforceOrderDetails({ ...order, Account: null, Order_Type__c: null }, [item]);
    expect(mapped).toMatchObject({ accountName: null, type: null });
    expect(mapped.items[0]).toMatchObject({
      sku: null,
      itemClass: null,
      billingCycle: null,
      whmcsProductId: null,
    });
  });

  it('rejects invalid data with typed errors naming the path', () => {
    const items = structuredClone(orderItems);
    items.records[1]!.Quantity = 1.5;
    expect(() => transformSalesforceOrderDetails(order, items)).toThrowError(
      expect.objectContaining({ name: 'MappingError', entity: 'order item', path: 'records[1].Quantity' }),
    );
    const bad = structuredClone(orderItems) as { records: Record<string, unknown>[] };
    bad.records[2]!.UnitPrice = '330';
    expect(() => transformSalesforceOrderDetails(order, bad)).toThrowError(
      expect.objectContaining({ stage: 'raw', path: 'records[2].UnitPrice' }),
    );
    const foreign = { ...orderItems.records[0]!, OrderId: '8015g00000OtHeRAAA' };
    expect(() => transformSalesforceOrderDetails(order, [foreign])).toThrowError(
      expect.objectContaining({ path: '[0].OrderId' }),
    );
    expect(() =>
      transformSalesforceOrderDetails({ ...order, CreatedDate: '2026-02-30T00:00:00.000+0000' }, []),
    ).toThrowError(expect.objectContaining({ path: 'CreatedDate' }));
    expect(() => transformSalesforceOrderDetails({ ...order, WHMCS_Order_ID__c: 'abc' }, [])).toThrowError(
      expect.objectContaining({ path: 'WHMCS_Order_ID__c' }),
    );
    expect(() => transformSalesforceOrderDetails({ ...order, Order_Type__c: 'TV' }, [])).toThrowError(
      expect.objectContaining({ path: 'Order_Type__c' }),
    );
  });

  it('exports exactly the fields the raw schemas read', () => {
    expect(schemaFieldPaths(salesforceOrderRawSchema).sort()).toEqual([...ORDER_FIELDS].sort());
    expect(schemaFieldPaths(salesforceOrderItemRawSchema).sort()).toEqual([...ORDER_ITEM_FIELDS].sort());
  });
});

describe('Orders.Providers.Salesforce.transformSalesforceOrderSummary', () => {
  it('maps the order without items', () => {
    const summary = transformSalesforceOrderSummary(order);
    expect(summary).toMatchObject({
      id: order.Id,
      status: 'Approved',
      total: { value: 5280, currency: 'JPY' },
    });
    expect('items' in summary).toBe(false);
  });

  it('maps a null TotalAmount to zero', () => {
    expect(transformSalesforceOrderSummary({ ...order, TotalAmount: null }).total.value).toBe(0);
  });
});
