import { toBillingCycle } from '../../../common/billing-cycle.schema';
import { MappingError } from '../../../common/mapping.errors';
import { parseDomain, parseRaw } from '../../../common/mapping.util';
import {
  salesforceId18,
  salesforceMinor,
  salesforceText,
} from '../../../common/providers/salesforce/salesforce-values.util';
import { type CatalogProduct, catalogProductSchema } from '../../catalog-product.schema';
import { toItemClass, toProductCategory } from '../../item-class.util';
import { type SalesforceCatalogProductRaw, salesforceCatalogProductRawSchema } from './raw.schema';

/** The portal pricebook to price from and the org currency its prices are in. */
export interface SalesforceCatalogContext {
  portalPricebookId: string;
  currencyCode: string;
}

const ENTITY = 'catalog product';

function integerOrNull(value: number | null, path: string): number | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value)) throw new MappingError('salesforce', ENTITY, path, 'is not an integer');
  return value;
}

function pickEntry(raw: SalesforceCatalogProductRaw, pricebookId: string) {
  const records = raw.PricebookEntries?.records ?? [];
  const index = records.findIndex((e) => e.IsActive && salesforceId18(e.Pricebook2Id) === pricebookId);
  return index < 0 ? undefined : { entry: records[index]!, index };
}

function mapProduct(raw: SalesforceCatalogProductRaw, ctx: SalesforceCatalogContext): CatalogProduct {
  const category = toProductCategory(raw.Product2Categories1__c);
  if (category === undefined) {
    throw new MappingError('salesforce', ENTITY, 'Product2Categories1__c', 'is not a known category');
  }
  const itemClass = toItemClass(raw.Item_Class__c);
  if (itemClass === undefined) throw new MappingError('salesforce', ENTITY, 'Item_Class__c', 'is not known');
  const billingCycle = toBillingCycle(raw.Billing_Cycle__c);
  if (billingCycle === undefined) {
    throw new MappingError('salesforce', ENTITY, 'Billing_Cycle__c', 'is not a known billing cycle');
  }
  const sku = salesforceText(raw.StockKeepingUnit) ?? salesforceText(raw.SKU__c);
  if (sku === null) throw new MappingError('salesforce', ENTITY, 'StockKeepingUnit', 'is empty');
  const picked = pickEntry(raw, salesforceId18(ctx.portalPricebookId));
  const price = picked
    ? {
        value: salesforceMinor(
          picked.entry.UnitPrice,
          ctx.currencyCode,
          ENTITY,
          `PricebookEntries.records[${picked.index}].UnitPrice`,
        ),
        currency: ctx.currencyCode,
      }
    : null;
  return {
    id: salesforceId18(raw.Id),
    name: raw.Name,
    sku,
    category,
    itemClass,
    billingCycle,
    whmcsProductId: integerOrNull(raw.WH_Product_ID__c, 'WH_Product_ID__c'),
    price,
    pricebookEntryId: picked ? salesforceId18(picked.entry.Id) : null,
    description: salesforceText(raw.Description),
    isSim: category === 'sim',
    portalAccessible: raw.Portal_Accessible__c ?? false,
    displayOrder: integerOrNull(
      category === 'internet'
        ? raw.Internet_Display_Order__c
        : category === 'vpn'
          ? raw.VPN_Display_Order__c
          : null,
      category === 'internet' ? 'Internet_Display_Order__c' : 'VPN_Display_Order__c',
    ),
    simDataSizeGb: raw.SIM_Data_Size__c,
    simPlanType: salesforceText(raw.SIM_Plan_Type__c),
    simHasFamilyDiscount: raw.SIM_Has_Family_Discount__c ?? false,
    internetPlanTier: salesforceText(raw.Internet_Plan_Tier__c),
    internetOfferingType: salesforceText(raw.Internet_Offering_Type__c),
  };
}

/**
 * Maps a Product2 record (with its `PricebookEntries` subquery) to a {@link CatalogProduct}, priced from the
 * active entry of the portal pricebook. A product without one maps with `price: null`.
 * @throws {MappingError} when the payload or the mapped value is invalid.
 */
export function transformSalesforceCatalogProduct(
  raw: unknown,
  ctx: SalesforceCatalogContext,
): CatalogProduct {
  const parsed = parseRaw(salesforceCatalogProductRawSchema, raw, 'salesforce', ENTITY);
  return parseDomain(catalogProductSchema, mapProduct(parsed, ctx), 'salesforce', ENTITY);
}
