import { toBillingCycle } from '../../../common/billing-cycle.schema';
import { childPath, MappingError } from '../../../common/mapping.errors';
import { parseDomain, parseRaw } from '../../../common/mapping.util';
import { currencyCodeSchema, type Money } from '../../../common/money.schema';
import { multiplyMoney } from '../../../common/money.util';
import {
  salesforceDate,
  salesforceDateTime,
  salesforceId18,
  salesforceMinor,
  salesforceText,
} from '../../../common/providers/salesforce/salesforce-values.util';
import { toItemClass } from '../../../catalog/item-class.util';
import {
  type Order,
  type OrderItem,
  orderSchema,
  type OrderSummary,
  orderSummarySchema,
  type OrderType,
  orderTypeSchema,
} from '../../order.schema';
import {
  type SalesforceOrderItemRaw,
  salesforceOrderItemsRawSchema,
  type SalesforceOrderRaw,
  salesforceOrderRawSchema,
} from './raw.schema';

/** The org's currency (our org is single-currency, so records carry no `CurrencyIsoCode`). */
export interface SalesforceOrderContext {
  currencyCode: string;
}

const DEFAULT_CONTEXT: SalesforceOrderContext = { currencyCode: 'JPY' };

function positiveIdOrNull(value: string | number | null, entity: string, path: string): number | null {
  if (value === null || value === '') return null;
  const id = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new MappingError('salesforce', entity, path, 'is not a positive id');
  return id;
}

function currencyOf(ctx: SalesforceOrderContext, entity: string): string {
  if (!currencyCodeSchema.safeParse(ctx.currencyCode).success) {
    throw new MappingError('salesforce', entity, '', 'has no valid currency in context');
  }
  return ctx.currencyCode;
}

function mapSummary(raw: SalesforceOrderRaw, currency: string, entity: string): OrderSummary {
  const typeLabel = salesforceText(raw.Order_Type__c)?.toLowerCase() ?? null;
  if (typeLabel !== null && !orderTypeSchema.safeParse(typeLabel).success) {
    throw new MappingError('salesforce', entity, 'Order_Type__c', 'is not a known order type');
  }
  return {
    id: salesforceId18(raw.Id),
    number: raw.OrderNumber,
    accountId: salesforceId18(raw.AccountId),
    accountName: salesforceText(raw.Account?.Name),
    status: raw.Status,
    type: typeLabel as OrderType | null,
    effectiveDate:
      raw.EffectiveDate === null ? null : salesforceDate(raw.EffectiveDate, entity, 'EffectiveDate'),
    createdAt: salesforceDateTime(raw.CreatedDate, entity, 'CreatedDate'),
    total: {
      value: raw.TotalAmount === null ? 0 : salesforceMinor(raw.TotalAmount, currency, entity, 'TotalAmount'),
      currency,
    },
    currency,
    activation: {
      status: salesforceText(raw.Activation_Status__c),
      type: salesforceText(raw.Activation_Type__c),
      scheduledAt:
        raw.Activation_Scheduled_At__c === null
          ? null
          : salesforceDateTime(raw.Activation_Scheduled_At__c, entity, 'Activation_Scheduled_At__c'),
      errorCode: salesforceText(raw.Activation_Error_Code__c),
      errorMessage: salesforceText(raw.Activation_Error_Message__c),
    },
    whmcsOrderId: positiveIdOrNull(raw.WHMCS_Order_ID__c, entity, 'WHMCS_Order_ID__c'),
  };
}

function lineTotal(unitPrice: Money, quantity: number, path: string): Money {
  try {
    return multiplyMoney(unitPrice, quantity);
  } catch {
    throw new MappingError('salesforce', 'order item', path, 'overflows');
  }
}

function mapItem(raw: SalesforceOrderItemRaw, currency: string, path: string): OrderItem {
  const entity = 'order item';
  if (!Number.isSafeInteger(raw.Quantity) || raw.Quantity <= 0) {
    throw new MappingError('salesforce', entity, childPath(path, 'Quantity'), 'is not a positive integer');
  }
  const unitPrice = {
    value: salesforceMinor(raw.UnitPrice, currency, entity, childPath(path, 'UnitPrice')),
    currency,
  };
  const product = raw.Product2;
  const cycleLabel = salesforceText(raw.Billing_Cycle__c) ?? salesforceText(product?.Billing_Cycle__c);
  const billingCycle = cycleLabel === null ? null : toBillingCycle(cycleLabel);
  if (billingCycle === undefined) {
    throw new MappingError(
      'salesforce',
      entity,
      childPath(path, 'Billing_Cycle__c'),
      'is not a known billing cycle',
    );
  }
  const classLabel = salesforceText(product?.Item_Class__c);
  const itemClass = classLabel === null ? null : toItemClass(classLabel);
  if (itemClass === undefined) {
    throw new MappingError('salesforce', entity, childPath(path, 'Product2.Item_Class__c'), 'is not known');
  }
  return {
    id: salesforceId18(raw.Id),
    productId: salesforceId18(raw.Product2Id),
    productName: product?.Name ?? '',
    sku: salesforceText(product?.StockKeepingUnit),
    quantity: raw.Quantity,
    unitPrice,
    totalPrice:
      raw.TotalPrice === null
        ? lineTotal(unitPrice, raw.Quantity, childPath(path, 'TotalPrice'))
        : {
            value: salesforceMinor(raw.TotalPrice, currency, entity, childPath(path, 'TotalPrice')),
            currency,
          },
    itemClass,
    billingCycle,
    whmcsProductId: positiveIdOrNull(
      product?.WH_Product_ID__c ?? null,
      entity,
      childPath(path, 'Product2.WH_Product_ID__c'),
    ),
    whmcsServiceId: positiveIdOrNull(raw.WHMCS_Service_ID__c, entity, childPath(path, 'WHMCS_Service_ID__c')),
  };
}

/**
 * Maps an Order record plus its OrderItems (a query result or an array of records) to an {@link Order}.
 * Items must belong to the order. `ctx.currencyCode` defaults to the org currency, JPY.
 * @throws {MappingError} when a payload or the mapped value is invalid.
 */
export function transformSalesforceOrderDetails(
  order: unknown,
  items: unknown,
  ctx: SalesforceOrderContext = DEFAULT_CONTEXT,
): Order {
  const currency = currencyOf(ctx, 'order');
  const rawOrder = parseRaw(salesforceOrderRawSchema, order, 'salesforce', 'order');
  const rawItems = parseRaw(salesforceOrderItemsRawSchema, items, 'salesforce', 'order item');
  const records = Array.isArray(rawItems) ? rawItems : rawItems.records;
  const base = Array.isArray(rawItems) ? '' : 'records';
  const summary = mapSummary(rawOrder, currency, 'order');
  const mapped = records.map((item, i) => {
    if (salesforceId18(item.OrderId) !== summary.id) {
      throw new MappingError(
        'salesforce',
        'order item',
        childPath(childPath(base, i), 'OrderId'),
        'is another order',
      );
    }
    return mapItem(item, currency, childPath(base, i));
  });
  return parseDomain(orderSchema, { ...summary, items: mapped }, 'salesforce', 'order');
}

/**
 * Maps an Order record to an {@link OrderSummary} (no lines).
 * @throws {MappingError} when the payload or the mapped value is invalid.
 */
export function transformSalesforceOrderSummary(
  order: unknown,
  ctx: SalesforceOrderContext = DEFAULT_CONTEXT,
): OrderSummary {
  const currency = currencyOf(ctx, 'order');
  const rawOrder = parseRaw(salesforceOrderRawSchema, order, 'salesforce', 'order');
  return parseDomain(orderSummarySchema, mapSummary(rawOrder, currency, 'order'), 'salesforce', 'order');
}
