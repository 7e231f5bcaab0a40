import { describe, expect, it } from 'vitest';
import pricebook from '../../fixtures/salesforce/catalog-products.json';
import rawWorld from '../../fixtures/world.json';
import { parseWorld, worldCustomer, worldPricebookEntryId, worldProductBySku } from './world.schema';

describe('parseWorld', () => {
  const world = parseWorld(rawWorld);

  it('reads the seed world with typed accessors', () => {
    expect(worldCustomer(world, 'hanako').whmcsClientId).toBe(1);
    expect(worldProductBySku(world, 'SIM-DATA-VOICE-5GB').whmcsProductId).toBe(301);
    expect(() => worldCustomer(world, 'nobody')).toThrow();
  });

  it('derives the pricebook entry ids the Salesforce fixtures use', () => {
    const product = worldProductBySku(world, 'VPN-STANDARD');
    const record = pricebook.records.find((r) => r.Id === product.productId);
    expect(record?.PricebookEntries?.records[0]?.Id).toBe(worldPricebookEntryId(product));
  });

  it('rejects a malformed world', () => {
    expect(() => parseWorld({ ...rawWorld, customers: 'none' })).toThrow();
  });
});
