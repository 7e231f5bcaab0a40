import { toBillingCycle } from '../../../common/billing-cycle.schema';
import { childPath, MappingError } from '../../../common/mapping.errors';
import { parseDomain, parseRaw } from '../../../common/mapping.util';
import { currencyCodeSchema } from '../../../common/money.schema';
import {
  decodeHtmlEntities,
  whmcsDate,
  whmcsListItems,
  whmcsMinor,
  whmcsNumber,
} from '../../../common/providers/whmcs/whmcs-values.util';
import {
  type Subscription,
  type SubscriptionList,
  subscriptionListSchema,
  subscriptionSchema,
  type SubscriptionSim,
  type SubscriptionStatus,
  subscriptionStatusSchema,
} from '../../subscription.schema';
import {
  type WhmcsCustomFieldRaw,
  whmcsClientsProductsResponseRawSchema,
  type WhmcsProductRaw,
  whmcsProductRawSchema,
} from './raw.schema';

/** Ids of the WHMCS service custom fields that hold the SIM identifiers (deployment-specific). */
export interface WhmcsSimCustomFieldIds {
  simNumber: number;
  serialNumber: number;
  eid: number;
}

/** What the subscription mappers need: the client's currency and, ideally, the SIM custom field ids. */
export interface WhmcsSubscriptionContext {
  /** The client's currency; GetClientsProducts carries none. */
  defaultCurrencyCode: string;
  /** When absent, SIM fields are matched by name (`SIM Number`, `Serial Number`, `EID`). */
  simCustomFieldIds?: WhmcsSimCustomFieldIds;
}

const ENTITY = 'subscription';
const SIM_FIELD_NAMES = { simNumber: 'sim number', serialNumber: 'serial number', eid: 'eid' } as const;

function customFieldValue(
  fields: readonly WhmcsCustomFieldRaw[],
  key: keyof WhmcsSimCustomFieldIds,
  ids: WhmcsSimCustomFieldIds | undefined,
): string | null {
  const field = fields.find((f) =>
    ids ? whmcsNumber(f.id) === ids[key] : f.name?.trim().toLowerCase() === SIM_FIELD_NAMES[key],
  );
  const value = field?.value?.trim() ?? '';
  return value === '' ? null : value;
}

function mapSim(raw: WhmcsProductRaw, ctx: WhmcsSubscriptionContext): SubscriptionSim {
  const fields = whmcsListItems(raw.customfields, 'customfield');
  return {
    msisdn: customFieldValue(fields, 'simNumber', ctx.simCustomFieldIds),
    productNumber: customFieldValue(fields, 'serialNumber', ctx.simCustomFieldIds),
    eid: customFieldValue(fields, 'eid', ctx.simCustomFieldIds),
  };
}

function mapProduct(raw: WhmcsProductRaw, ctx: WhmcsSubscriptionContext, path: string): Subscription {
  const currency = ctx.defaultCurrencyCode;
  if (!currencyCodeSchema.safeParse(currency).success) {
    throw new MappingError('whmcs', ENTITY, path, 'has no valid currency in context');
  }
  const status = raw.status.trim().toLowerCase() as SubscriptionStatus;
  if (!subscriptionStatusSchema.safeParse(status).success) {
    throw new MappingError('whmcs', ENTITY, childPath(path, 'status'), 'is not a known service status');
  }
  const billingCycle = toBillingCycle(raw.billingcycle);
  if (billingCycle === undefined) {
    throw new MappingError('whmcs', ENTITY, childPath(path, 'billingcycle'), 'is not a known billing cycle');
  }
  const productName = decodeHtmlEntities(raw.name);
  const isSim = productName.toLowerCase().includes('sim');
  return {
    id: whmcsNumber(raw.id),
    productId: whmcsNumber(raw.pid),
    productName,
    groupName: decodeHtmlEntities(raw.groupname),
    status,
    registeredAt: whmcsDate(raw.regdate, ENTITY, childPath(path, 'regdate')),
    nextDueAt: whmcsDate(raw.nextduedate, ENTITY, childPath(path, 'nextduedate')),
    billingCycle,
    recurringAmount: {
      value: whmcsMinor(raw.recurringamount, currency, ENTITY, childPath(path, 'recurringamount')),
      currency,
    },
    firstPaymentAmount: {
      value: whmcsMinor(raw.firstpaymentamount, currency, ENTITY, childPath(path, 'firstpaymentamount')),
      currency,
    },
    currency,
    isSim,
    sim: isSim ? mapSim(raw, ctx) : null,
  };
}

/**
 * Maps one GetClientsProducts product to a {@link Subscription}, reading SIM identifiers from custom fields.
 * @throws {MappingError} when the payload or the mapped value is invalid.
 */
export function transformWhmcsSubscription(raw: unknown, ctx: WhmcsSubscriptionContext): Subscription {
  const parsed = parseRaw(whmcsProductRawSchema, raw, 'whmcs', ENTITY);
  return parseDomain(subscriptionSchema, mapProduct(parsed, ctx, ''), 'whmcs', ENTITY);
}

/**
 * Maps a whole GetClientsProducts response (`"products": ""` when the client has none).
 * @throws {MappingError} when the payload or a mapped value is invalid.
 */
export function transformWhmcsSubscriptionList(
  raw: unknown,
  ctx: WhmcsSubscriptionContext,
): SubscriptionList {
  const parsed = parseRaw(whmcsClientsProductsResponseRawSchema, raw, 'whmcs', 'subscription list');
  const items = whmcsListItems(parsed.products, 'product').map((product, i) =>
    mapProduct(product, ctx, `products.product[${i}]`),
  );
  return parseDomain(
    subscriptionListSchema,
    { totalItems: whmcsNumber(parsed.totalresults), items },
    'whmcs',
    'subscription list',
  );
}
