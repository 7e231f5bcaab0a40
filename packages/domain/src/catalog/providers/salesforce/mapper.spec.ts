import { describe, expect, it } from 'vitest';
import catalog from '../../../../fixtures/salesforce/catalog-products.json';
import rawWorld from '../../../../fixtures/world.json';
import { Catalog } from '../../../index';
import { parseWorld } from '../../../world/world.schema';
import { schemaFieldPaths } from '../../../../test/schema-fields.util';

const world = parseWorld(rawWorld);
const ctx = { portalPricebookId: world.salesforce.portalPricebookId, currencyCode: 'JPY' };
const { transformSalesforceCatalogProduct, CATALOG_PRODUCT_FIELDS, CATALOG_PRICEBOOK_ENTRY_FIELDS } =
  Catalog.Providers.Salesforce;
const records = catalog.records;

describe('Catalog.Providers.Salesforce.transformSalesforceCatalogProduct', () => {
  it('maps every world product with its portal pricebook price', () => {
    for (const product of world.products) {
      const raw = records.find((r) => r.Id === product.productId);
      const mapped = transformSalesforceCatalogProduct(raw, ctx);
      expect(mapped).toMatchObject({
        id: product.productId,
        sku: product.sku,
        name: product.name,
        whmcsProductId: product.whmcsProductId,
        price: { value: Number(product.price.replace('.00', '')), currency: 'JPY' },
        isSim: product.category === 'SIM',
      });
    }
  });

  it('maps categories, item classes and billing cycles to domain values', () => {
    const fee = transformSalesforceCatalogProduct(
      records.find((r) => r.StockKeepingUnit === 'SIM-ACTIVATION-FEE'),
      ctx,
    );
    expect(fee).toMatchObject({ category: 'sim', itemClass: 'activation', billingCycle: 'one_time' });
    const addon = transformSalesforceCatalogProduct(
      records.find((r) => r.StockKeepingUnit === 'SIM-ADDON-VOICEMAIL'),
      ctx,
    );
    expect(addon).toMatchObject({ itemClass: 'add_on', billingCycle: 'monthly' });
    const gold = transformSalesforceCatalogProduct(
      records.find((r) => r.StockKeepingUnit === 'INTERNET-GOLD-HOME-1G'),
      ctx,
    );
    expect(gold).toMatchObject({ category: 'internet', internetPlanTier: 'Gold', displayOrder: 5 });
  });

  it('maps PricebookEntries: null to an unpriced product', () => {
    const apartment = records.find((r) => r.PricebookEntries === null);
    expect(transformSalesforceCatalogProduct(apartment, ctx)).toMatchObject({
      sku: 'INTERNET-GOLD-APT-1G',
      price: null,
      pricebookEntryId: null,
      whmcsProductId: null,
      portalAccessible: false,
    });
  });

  it('prices only from an active entry of the portal pricebook (15- or 18-character id)', () => {
    const base = records[0]!;
    const entry = base.PricebookEntries!.records[0]!;
    const standard = { ...entry, Pricebook2Id: world.salesforce.standardPricebookId, UnitPrice: 9999 };
    const inactive = { ...entry, IsActive: false, UnitPrice: 1 };
    const raw = {
      ...base,
      PricebookEntries: { totalSize: 3, done: true, records: [standard, inactive, entry] },
    };
    const mapped = transformSalesforceCatalogProduct(raw, {
      ...ctx,
      portalPricebookId: ctx.portalPricebookId.slice(0, 15),
    });
    expect(mapped.price).toEqual({ value: 1650, currency: 'JPY' });
    expect(
      transformSalesforceCatalogProduct(
        { ...raw, PricebookEntries: { ...raw.PricebookEntries, records: [standard] } },
        ctx,
      ).price,
    ).toBeNull();
  });

  it('keeps decimal prices exact in USD, rounds sub-yen prices half-up and rejects float noise', () => {
    const base = records[0]!;
    const withPrice = (UnitPrice: number) => ({
      ...base,
      PricebookEntries: {
        totalSize: 1,
        done: true,
        records: [{ ...base.PricebookEntries!.records[0]!, UnitPrice }],
      },
    });
    expect(transformSalesforceCatalogProduct(withPrice(0.1), { ...ctx, currencyCode: 'USD' }).price).toEqual({
      value: 10,
      currency: 'USD',
    });
    expect(transformSalesforceCatalogProduct(withPrice(1650.5), ctx).price).toEqual({
      value: 1651,
      currency: 'JPY',
    });
    expect(() => transformSalesforceCatalogProduct(withPrice(0.1 + 0.2), ctx)).toThrowError(
      expect.objectContaining({ path: 'PricebookEntries.records[0].UnitPrice' }),
    );
  });

  it('falls back to SKU__c and rejects unknown picklist values', () => {
    const base = records[0]!;
    expect(transformSalesforceCatalogProduct({ ...base, StockKeepingUnit: null }, ctx).sku).toBe(base.SKU__c);
    expect(() => transformSalesforceCatalogProduct({ ...base, Item_Class__c: 'Gift' }, ctx)).toThrowError(
      expect.objectContaining({ name: 'MappingError', path: 'Item_Class__c' }),
    );
    expect(() =>
      transformSalesforceCatalogProduct({ ...base, Product2Categories1__c: 'TV' }, ctx),
    ).toThrowError(expect.objectContaining({ path: 'Product2Categories1__c' }));
    expect(() => transformSalesforceCatalogProduct({ ...base, Id: "01t' OR 1=1" }, ctx)).toThrowError(
      expect.objectContaining({ path: 'Id', stage: 'raw' }),
    );
    expect(() => transformSalesforceCatalogProduct({ ...base, WH_Product_ID__c: 301.5 }, ctx)).toThrowError(
      expect.objectContaining({ path: 'WH_Product_ID__c' }),
    );
  });

  it('exports exactly the fields the raw schema reads', () => {
    const paths = schemaFieldPaths(Catalog.Providers.Salesforce.salesforceCatalogProductRawSchema);
    expect(paths.filter((p) => !p.startsWith('PricebookEntries')).sort()).toEqual(
      [...CATALOG_PRODUCT_FIELDS].sort(),
    );
    expect(schemaFieldPaths(Catalog.Providers.Salesforce.salesforcePricebookEntryRawSchema).sort()).toEqual(
      [...CATALOG_PRICEBOOK_ENTRY_FIELDS].sort(),
    );
  });
});
