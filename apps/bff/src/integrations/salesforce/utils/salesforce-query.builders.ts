import { Catalog, Customers, Orders } from '@portal/domain';
import { soqlField, soqlId, soqlInteger, soqlLikePrefix, soqlString } from './soql.util';

const CATEGORY_LABEL: Readonly<Record<Catalog.ProductCategory, string>> = {
  sim: 'SIM',
  internet: 'Internet',
  vpn: 'VPN',
};

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

function fieldList(fields: readonly string[]): string {
  return [...new Set(fields.map(soqlField))].join(', ');
}

/** The Order fields the domain mappers read (incl. `Account.Name`), plus `additional` ones. */
export function buildOrderSelectFields(additional: readonly string[] = []): string {
  return fieldList([...Orders.Providers.Salesforce.ORDER_FIELDS, ...additional]);
}

export function buildOrderByIdQuery(orderId: string): string {
  return `SELECT ${buildOrderSelectFields()} FROM Order WHERE Id = ${soqlId(orderId, 'order')}`;
}

export function buildOrderItemsQuery(orderId: string): string {
  return `SELECT ${fieldList(Orders.Providers.Salesforce.ORDER_ITEM_FIELDS)} FROM OrderItem WHERE OrderId = ${soqlId(orderId, 'order')} ORDER BY OrderItemNumber ASC`;
}

/** Orders of one account, newest first; `Id` breaks ties so pages never overlap. */
export function buildOrdersForAccountQuery(accountId: string, page: Page): string {
  return `SELECT ${buildOrderSelectFields()} FROM Order WHERE AccountId = ${soqlId(accountId, 'account')} ORDER BY CreatedDate DESC, Id DESC LIMIT ${soqlInteger(page.limit)} OFFSET ${soqlInteger(page.offset)}`;
}

/** Portal catalog products of one category with their active entries in the portal pricebook. */
export function buildCatalogQuery(category: Catalog.ProductCategory, pricebookId: string): string {
  const entries = fieldList(Catalog.Providers.Salesforce.CATALOG_PRICEBOOK_ENTRY_FIELDS);
  return (
    `SELECT ${fieldList(Catalog.Providers.Salesforce.CATALOG_PRODUCT_FIELDS)}, ` +
    `(SELECT ${entries} FROM PricebookEntries WHERE Pricebook2Id = ${soqlId(pricebookId, 'pricebook')} AND IsActive = true) ` +
    `FROM Product2 WHERE Portal_Catalog__c = true AND IsActive = true AND Product2Categories1__c = ${soqlString(CATEGORY_LABEL[category])} ORDER BY Name ASC`
  );
}

/** Active portal pricebook entries for the given SKUs (to price order lines). */
export function buildPricebookEntriesBySkuQuery(skus: readonly string[], pricebookId: string): string {
  const list = [...new Set(skus)].map(soqlString).join(', ');
  return `SELECT Id, UnitPrice, Product2Id, Product2.StockKeepingUnit, Product2.Billing_Cycle__c FROM PricebookEntry WHERE Pricebook2Id = ${soqlId(pricebookId, 'pricebook')} AND IsActive = true AND Product2.StockKeepingUnit IN (${list})`;
}

export function buildAccountByIdQuery(accountId: string): string {
  return `SELECT ${fieldList(Customers.Providers.Salesforce.ACCOUNT_FIELDS)} FROM Account WHERE Id = ${soqlId(accountId, 'account')}`;
}

export function buildAccountByWhmcsClientIdQuery(whmcsClientId: number): string {
  return `SELECT ${fieldList(Customers.Providers.Salesforce.ACCOUNT_FIELDS)} FROM Account WHERE WHMCS_Client_ID__c = ${soqlInteger(whmcsClientId)} LIMIT 2`;
}

/** Accounts by name prefix (support search): the one builder that embeds free text, escaped for LIKE too. */
export function buildAccountsByNameQuery(namePrefix: string, limit: number): string {
  return `SELECT ${fieldList(Customers.Providers.Salesforce.ACCOUNT_FIELDS)} FROM Account WHERE Name LIKE ${soqlLikePrefix(namePrefix)} ORDER BY Name ASC LIMIT ${soqlInteger(limit)}`;
}
