import account from '@portal/domain/fixtures/salesforce/account.json';
import catalog from '@portal/domain/fixtures/salesforce/catalog-products.json';
import orderItems from '@portal/domain/fixtures/salesforce/order-items.json';
import order from '@portal/domain/fixtures/salesforce/order.json';
import world from '@portal/domain/fixtures/world.json';
import { z } from 'zod';
import type { SalesforceStore } from './salesforce-store';

const idRecord = z.looseObject({ Id: z.string() });
const queryResult = z.object({ records: z.array(idRecord) });

/** A fixture record as a plain row: `attributes`, parent objects and child subquery results removed. */
function row(record: Record<string, unknown>): Record<string, unknown> & { Id: string } {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'attributes' || (value !== null && typeof value === 'object')) continue;
    plain[key] = value;
  }
  return idRecord.parse(plain);
}

/**
 * Seeds the org deterministically: the raw Salesforce fixtures of `packages/domain` (catalog with the portal
 * pricebook entries, Hanako's account and order), the rest of world.json (other customers, the standard
 * pricebook), one pending order for every other customer, then `extraAccounts` generated accounts.
 */
export function seedSalesforce(store: SalesforceStore, extraAccounts = 0): void {
  const sf = world.salesforce;
  store.seed('Pricebook2', {
    Id: sf.standardPricebookId,
    Name: 'Standard Price Book',
    IsActive: true,
    IsStandard: true,
  });
  store.seed('Pricebook2', {
    Id: sf.portalPricebookId,
    Name: 'Portal Price Book',
    IsActive: true,
    IsStandard: false,
  });

  for (const product of queryResult.parse(catalog).records) {
    store.seed('Product2', row(product));
    const entries = z.object({ PricebookEntries: queryResult.nullable() }).parse(product).PricebookEntries;
    for (const entry of entries?.records ?? []) {
      store.seed('PricebookEntry', { ...row(entry), Product2Id: product.Id });
      // Salesforce requires a standard price before any custom pricebook entry.
      store.create('PricebookEntry', {
        Pricebook2Id: sf.standardPricebookId,
        Product2Id: product.Id,
        UnitPrice: entry.UnitPrice,
        IsActive: true,
      });
    }
  }

  const fixtureAccount = row(account);
  store.seed('Account', fixtureAccount);
  for (const customer of world.customers) {
    if (customer.salesforceAccountId === fixtureAccount.Id) continue;
    store.seed('Account', {
      Id: customer.salesforceAccountId,
      Name: `${customer.firstname} ${customer.lastname}`,
      PersonEmail: customer.email,
      Customer_Number__c: customer.customerNumber,
      WHMCS_Client_ID__c: customer.whmcsClientId,
      BillingStreet: customer.address1,
      BillingCity: customer.city,
      BillingState: customer.state,
      BillingPostalCode: customer.postcode,
      BillingCountryCode: customer.countrycode,
      Portal_Status__c: 'Active',
    });
  }

  store.seed('Order', row(order));
  for (const item of queryResult.parse(orderItems).records) store.seed('OrderItem', row(item));

  for (const customer of world.customers) {
    if (customer.salesforceAccountId === fixtureAccount.Id) continue;
    seedPendingSimOrder(store, customer.salesforceAccountId, sf.portalPricebookId);
  }

  for (let i = 1; i <= extraAccounts; i++) {
    const n = String(i).padStart(6, '0');
    store.create('Account', {
      Name: `Load Test Account ${n}`,
      Customer_Number__c: `LOAD-${n}`,
      WHMCS_Client_ID__c: 100_000 + i,
      Portal_Status__c: 'Active',
    });
  }
}

function seedPendingSimOrder(store: SalesforceStore, accountId: string, pricebookId: string): void {
  const created = store.create('Order', {
    AccountId: accountId,
    Pricebook2Id: pricebookId,
    EffectiveDate: '2026-11-20',
    Status: 'Pending Review',
    Order_Type__c: 'SIM',
    Activation_Type__c: 'Immediate',
    SIM_Type__c: 'eSIM',
  });
  const portalEntries = store.records('PricebookEntry').filter((entry) => entry.Pricebook2Id === pricebookId);
  for (const productId of ['01t5g00000SiMa1AAF', '01t5g00000SiMa2AAF']) {
    const entry = portalEntries.find((candidate) => candidate.Product2Id === productId);
    if (!entry) continue;
    store.create('OrderItem', {
      OrderId: created.Id,
      PricebookEntryId: entry.Id,
      Quantity: 1,
      UnitPrice: entry.UnitPrice,
    });
  }
}
