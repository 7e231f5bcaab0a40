import type { Catalog, Orders } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors/app.errors';
import { checkOrderAgainstCatalog } from './order-rules.util';

function product(overrides: Partial<Catalog.CatalogProduct>): Catalog.CatalogProduct {
  return {
    id: '01t5g00000SiMa1AAF',
    name: 'Product',
    sku: 'SKU',
    category: 'sim',
    itemClass: 'service',
    billingCycle: 'monthly',
    whmcsProductId: 301,
    price: { value: 1650, currency: 'JPY' },
    pricebookEntryId: '01u5g00000SiMa1AAF',
    description: null,
    isSim: true,
    portalAccessible: true,
    displayOrder: null,
    simDataSizeGb: 5,
    simPlanType: null,
    simHasFamilyDiscount: false,
    internetPlanTier: null,
    internetOfferingType: null,
    ...overrides,
  };
}

const catalog = [
  product({ sku: 'SIM-PLAN' }),
  product({ sku: 'SIM-PLAN-2' }),
  product({ sku: 'SIM-FEE', itemClass: 'activation' }),
  product({ sku: 'SIM-ADDON', itemClass: 'add_on' }),
  product({ sku: 'SIM-RETIRED', price: null, pricebookEntryId: null }),
  product({ sku: 'VPN', category: 'vpn', isSim: false }),
];

const sim = { simType: 'physical', voiceMail: false, callWaiting: false } as const;
const order = (items: Orders.NewOrderItem[], extra: Partial<Orders.NewOrder> = {}): Orders.NewOrder => ({
  items,
  activationType: 'immediate',
  ...extra,
});

function fieldsOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...((error as ValidationError).fields ?? [])];
  }
  throw new Error('expected a validation error');
}

describe('checkOrderAgainstCatalog', () => {
  it('answers the order family for a valid order', () => {
    const valid = order(
      [
        { sku: 'SIM-PLAN', quantity: 1 },
        { sku: 'SIM-FEE', quantity: 1 },
        { sku: 'SIM-ADDON', quantity: 2 },
      ],
      { sim },
    );
    expect(checkOrderAgainstCatalog(valid, catalog)).toBe('sim');
    expect(checkOrderAgainstCatalog(order([{ sku: 'VPN', quantity: 1 }]), catalog)).toBe('vpn');
  });

  it('names each unknown SKU, inactive price and bad quantity by field path', () => {
    const fields = fieldsOf(() =>
      checkOrderAgainstCatalog(
        order(
          [
            { sku: 'NOPE', quantity: 1 },
            { sku: 'SIM-RETIRED', quantity: 1 },
            { sku: 'SIM-PLAN', quantity: 2 },
          ],
          { sim },
        ),
        catalog,
      ),
    );
    expect(fields.map((field) => field.path)).toEqual(['items.0.sku', 'items.1.sku', 'items.2.quantity']);
  });

  it('refuses mixed families, SIM orders without plan, fee or SIM details, and SIM details elsewhere', () => {
    expect(
      fieldsOf(() =>
        checkOrderAgainstCatalog(
          order([
            { sku: 'SIM-PLAN', quantity: 1 },
            { sku: 'VPN', quantity: 1 },
          ]),
          catalog,
        ),
      ),
    ).toEqual([{ path: 'items', message: 'An order holds products of one family' }]);
    expect(
      fieldsOf(() => checkOrderAgainstCatalog(order([{ sku: 'SIM-FEE', quantity: 1 }]), catalog)).map(
        (f) => f.path,
      ),
    ).toEqual(['items', 'sim']);
    expect(
      fieldsOf(() =>
        checkOrderAgainstCatalog(
          order(
            [
              { sku: 'SIM-PLAN', quantity: 1 },
              { sku: 'SIM-PLAN-2', quantity: 1 },
              { sku: 'SIM-FEE', quantity: 1 },
            ],
            { sim },
          ),
          catalog,
        ),
      ),
    ).toEqual([{ path: 'items', message: 'A SIM order needs exactly one SIM plan' }]);
    expect(
      fieldsOf(() => checkOrderAgainstCatalog(order([{ sku: 'SIM-PLAN', quantity: 1 }], { sim }), catalog)),
    ).toEqual([{ path: 'items', message: 'A SIM order needs the activation fee' }]);
    expect(
      fieldsOf(() => checkOrderAgainstCatalog(order([{ sku: 'VPN', quantity: 1 }], { sim }), catalog)),
    ).toEqual([{ path: 'sim', message: 'Only SIM orders carry SIM details' }]);
  });
});
