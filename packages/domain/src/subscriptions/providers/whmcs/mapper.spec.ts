import { describe, expect, it } from 'vitest';
import productsEmpty from '../../../../fixtures/whmcs/get-clients-products-empty.json';
import products from '../../../../fixtures/whmcs/get-clients-products.json';
import rawWorld from '../../../../fixtures/world.json';
import { Subscriptions } from '../../../index';
import { parseWorld } from '../../../world/world.schema';

const world = parseWorld(rawWorld);
const simCustomFieldIds = {
  simNumber: world.whmcsCustomFields.simNumber.id,
  serialNumber: world.whmcsCustomFields.serialNumber.id,
  eid: world.whmcsCustomFields.eid.id,
};
const ctx = { defaultCurrencyCode: 'JPY', simCustomFieldIds };
const { transformWhmcsSubscription, transformWhmcsSubscriptionList } = Subscriptions.Providers.Whmcs;
const [simProduct, internetProduct, suspendedSim] = products.products.product;

describe('Subscriptions.Providers.Whmcs.transformWhmcsSubscription', () => {
  it('maps a SIM service with its custom-field identifiers', () => {
    const hanako = world.customers[0]!;
    expect(transformWhmcsSubscription(simProduct, ctx)).toEqual({
      id: 1001,
      productId: 301,
      productName: 'SIM Data+Voice 5GB',
      groupName: 'SIM Plans',
      status: 'active',
      registeredAt: '2026-04-01',
      nextDueAt: '2026-12-01',
      billingCycle: 'monthly',
      recurringAmount: { value: 1650, currency: 'JPY' },
      firstPaymentAmount: { value: 1650, currency: 'JPY' },
      currency: 'JPY',
      isSim: true,
      sim: hanako.services[0]!.sim,
    });
  });

  it('maps a numeric id, empty custom fields and a non-SIM product', () => {
    const mapped = transformWhmcsSubscription(internetProduct, ctx);
    expect(mapped).toMatchObject({
      id: 1002,
      productId: 182,
      isSim: false,
      sim: null,
      billingCycle: 'monthly',
    });
  });

  it('maps a suspended SIM without EID (empty custom field value) to eid null', () => {
    expect(transformWhmcsSubscription(suspendedSim, ctx)).toMatchObject({
      status: 'suspended',
      sim: { msisdn: '07011112222', productNumber: 'AX1234567890124', eid: null },
    });
  });

  it('falls back to custom-field names when no ids are configured', () => {
    const mapped = transformWhmcsSubscription(simProduct, { defaultCurrencyCode: 'JPY' });
    expect(mapped.sim?.msisdn).toBe('08012345678');
  });

  it('accepts customfields "" / missing, "One Time" cycles, 0000-00-00 and HTML entities', () => {
    const mapped = transformWhmcsSubscription(
      {
        ...simProduct,
        name: 'SIM &amp; Voice',
        groupname: 'SIM &quot;Plans&quot;',
        customfields: '',
        configoptions: undefined,
        billingcycle: 'One Time',
        nextduedate: '0000-00-00',
      },
      ctx,
    );
    expect(mapped).toMatchObject({
      productName: 'SIM & Voice',
      groupName: 'SIM "Plans"',
      billingCycle: 'one_time',
      nextDueAt: null,
      sim: { msisdn: null, productNumber: null, eid: null },
    });
  });

  it('rounds JPY amounts WHMCS keeps to 2 decimals half-up, and rejects finer ones', () => {
    expect(
      transformWhmcsSubscription(
        { ...simProduct, recurringamount: '1650.40', firstpaymentamount: '1650.50' },
        ctx,
      ),
    ).toMatchObject({
      recurringAmount: { value: 1650, currency: 'JPY' },
      firstPaymentAmount: { value: 1651, currency: 'JPY' },
    });
    expect(() =>
      transformWhmcsSubscription({ ...simProduct, recurringamount: '1650.505' }, ctx),
    ).toThrowError(expect.objectContaining({ name: 'MappingError', path: 'recurringamount' }));
  });

  it('rejects unknown statuses, cycles and bad amounts with the field path', () => {
    expect(() => transformWhmcsSubscription({ ...simProduct, status: 'Zombie' }, ctx)).toThrowError(
      expect.objectContaining({ name: 'MappingError', path: 'status' }),
    );
    expect(() => transformWhmcsSubscription({ ...simProduct, billingcycle: 'Weekly' }, ctx)).toThrowError(
      expect.objectContaining({ path: 'billingcycle' }),
    );
    expect(() => transformWhmcsSubscription({ ...simProduct, recurringamount: '1,650' }, ctx)).toThrowError(
      expect.objectContaining({ path: 'recurringamount', stage: 'raw' }),
    );
    expect(() => transformWhmcsSubscription({ ...simProduct, pid: -1 }, ctx)).toThrowError(
      expect.objectContaining({ path: 'pid' }),
    );
  });
});

describe('Subscriptions.Providers.Whmcs.transformWhmcsSubscriptionList', () => {
  it('maps the list with a string totalresults', () => {
    const list = transformWhmcsSubscriptionList(products, ctx);
    expect(list.totalItems).toBe(3);
    expect(list.items.map((s) => s.id)).toEqual(world.customers[0]!.services.map((s) => s.id));
  });

  it('maps "products": "" to an empty list', () => {
    expect(transformWhmcsSubscriptionList(productsEmpty, ctx)).toEqual({ totalItems: 0, items: [] });
  });

  it('names the failing product in the path', () => {
    const broken = structuredClone(products);
    broken.products.product[2]!.regdate = '2026-13-01';
    expect(() => transformWhmcsSubscriptionList(broken, ctx)).toThrowError(
      expect.objectContaining({ path: 'products.product[2].regdate' }),
    );
  });
});
