import { Injectable } from '@nestjs/common';
import { Catalog } from '@portal/domain';
import { z } from 'zod';
import { AppConfig } from '../../../core/config/app-config';
import { catalogKey } from '../../../infra/cache/cache-keys';
import { CacheService } from '../../../infra/cache/cache.service';
import type { CachedJson } from '../../../infra/cache/cached-json';
import { buildCatalogQuery, buildPricebookEntriesBySkuQuery } from '../utils/salesforce-query.builders';
import { SalesforceConnectionService } from './salesforce-connection.service';

const catalogListSchema = z.array(Catalog.catalogProductSchema);

/** A portal pricebook entry for one SKU: what an order line needs. */
export interface PortalPrice {
  readonly sku: string;
  readonly pricebookEntryId: string;
  readonly unitPrice: number;
  readonly billingCycle: string | null;
}

const priceRecordSchema = z.object({
  Id: z.string(),
  UnitPrice: z.number(),
  Product2: z
    .object({ StockKeepingUnit: z.string().nullable(), Billing_Cycle__c: z.string().nullable() })
    .nullable(),
});

/** The portal catalog (Product2 with portal pricebook prices), cached per category as `catalog:{type}`. */
@Injectable()
export class SalesforceCatalogService {
  constructor(
    private readonly connection: SalesforceConnectionService,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  /** The cached JSON of a category's products (serve `json` as-is on the hot path). */
  getCachedByType(category: Catalog.ProductCategory): Promise<CachedJson> {
    return this.cache.getOrSet(
      catalogKey(category),
      this.config.values.CACHE_TTL_CATALOG_S,
      () => this.load(category),
      { schema: catalogListSchema },
    );
  }

  async getByType(category: Catalog.ProductCategory): Promise<Catalog.CatalogProduct[]> {
    return (await this.getCachedByType(category)).parse(catalogListSchema);
  }

  /** Active portal pricebook entries for `skus` (uncached: checkout must price from the live pricebook). */
  async getPortalPrices(skus: readonly string[]): Promise<PortalPrice[]> {
    const pricebookId = this.config.values.SF_PORTAL_PRICEBOOK_ID;
    const records = await this.connection.query<unknown>(
      buildPricebookEntriesBySkuQuery(skus, pricebookId),
      'catalog.prices',
    );
    return records.map((record) => {
      const entry = priceRecordSchema.parse(record);
      return {
        sku: entry.Product2?.StockKeepingUnit ?? '',
        pricebookEntryId: entry.Id,
        unitPrice: entry.UnitPrice,
        billingCycle: entry.Product2?.Billing_Cycle__c ?? null,
      };
    });
  }

  private async load(category: Catalog.ProductCategory): Promise<Catalog.CatalogProduct[]> {
    const { SF_PORTAL_PRICEBOOK_ID: portalPricebookId, SF_CURRENCY: currencyCode } = this.config.values;
    const records = await this.connection.query<unknown>(
      buildCatalogQuery(category, portalPricebookId),
      'catalog.list',
    );
    return records.map((record) =>
      Catalog.Providers.Salesforce.transformSalesforceCatalogProduct(record, {
        portalPricebookId,
        currencyCode,
      }),
    );
  }
}
