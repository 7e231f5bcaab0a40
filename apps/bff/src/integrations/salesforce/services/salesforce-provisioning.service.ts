import { Injectable } from '@nestjs/common';
import { Orders } from '@portal/domain';
import { z } from 'zod';
import { AppConfig } from '../../../core/config/app-config';
import { NotFoundError } from '../../../core/errors/app.errors';
import { buildOrderItemsQuery, buildOrderSelectFields } from '../utils/salesforce-query.builders';
import { isSalesforceId, soqlId, soqlInteger, soqlString } from '../utils/soql.util';
import { SalesforceConnectionService } from './salesforce-connection.service';

/** An order as provisioning needs it: the domain order plus the account's WHMCS client id and the eSIM EID. */
export interface ProvisioningOrderView {
  readonly order: Orders.Order;
  /** `Account.WHMCS_Client_ID__c`; null when the account is not linked to WHMCS yet. */
  readonly whmcsClientId: number | null;
  /** `EID__c` of an eSIM order (the customer's device), null otherwise. */
  readonly eid: string | null;
}

/** Order `Status` values that start fulfilment (business-facts §2.4). */
const FULFILMENT_STATUSES = ['Approved', 'Reactivate'] as const;

const extrasSchema = z.object({
  Account: z.object({ WHMCS_Client_ID__c: z.union([z.number(), z.string()]).nullable() }).nullable(),
  EID__c: z.string().nullable(),
});
const idRowSchema = z.object({ Id: z.string() });

/**
 * Reads and writes only provisioning needs (status transitions are the orchestrator's): an order with the
 * account's WHMCS client id and the eSIM EID in two queries, each item's WHMCS service id, and the approved orders
 * that never got activated (reconciliation).
 */
@Injectable()
export class SalesforceProvisioningService {
  constructor(
    private readonly connection: SalesforceConnectionService,
    private readonly config: AppConfig,
  ) {}

  async getOrder(orderId: string): Promise<ProvisioningOrderView> {
    const extraFields = ['Account.WHMCS_Client_ID__c', 'EID__c'];
    const orderSoql = `SELECT ${buildOrderSelectFields(extraFields)} FROM Order WHERE Id = ${soqlId(orderId, 'order')}`;
    const [rows, items] = await Promise.all([
      this.connection.query<Record<string, unknown>>(orderSoql, 'provisioning.order'),
      this.connection.query<unknown>(buildOrderItemsQuery(orderId), 'provisioning.orderItems'),
    ]);
    const row = rows[0];
    if (row === undefined) throw new NotFoundError('The order was not found.', 'SALESFORCE_ORDER_NOT_FOUND');
    const order = Orders.Providers.Salesforce.transformSalesforceOrderDetails(row, items, {
      currencyCode: this.config.values.SF_CURRENCY,
    });
    const extras = extrasSchema.parse(row);
    const rawClientId = extras.Account?.WHMCS_Client_ID__c ?? null;
    const clientId = rawClientId === null || rawClientId === '' ? null : Number(rawClientId);
    return {
      order,
      whmcsClientId: clientId !== null && Number.isSafeInteger(clientId) && clientId > 0 ? clientId : null,
      eid: extras.EID__c?.trim() || null,
    };
  }

  /** Each item's WHMCS service id (`WHMCS_Service_ID__c`); writing the same value again is harmless. */
  async recordServiceIds(itemServiceIds: ReadonlyMap<string, number>): Promise<void> {
    for (const [itemId, serviceId] of itemServiceIds) {
      await this.connection.write(
        'provisioning.orderItemService',
        'PATCH',
        `/sobjects/OrderItem/${recordId(itemId, 'order item')}`,
        { WHMCS_Service_ID__c: serviceId },
      );
    }
  }

  /**
   * Orders approved (or to reactivate) but not activated nor failed, untouched since `before`: their event was
   * missed or never enqueued. Oldest first.
   */
  async findUnprovisioned(before: Date, limit: number): Promise<string[]> {
    const statuses = FULFILMENT_STATUSES.map(soqlString).join(', ');
    const cutoff = before.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const soql =
      `SELECT Id FROM Order WHERE Status IN (${statuses}) AND Activation_Status__c NOT IN ('Activated', 'Failed') ` +
      `AND LastModifiedDate < ${cutoff} ORDER BY LastModifiedDate ASC LIMIT ${soqlInteger(limit)}`;
    const rows = await this.connection.query<unknown>(soql, 'provisioning.unprovisioned');
    return rows.map((row) => idRowSchema.parse(row).Id);
  }
}

/** A record id for a REST path: only the 15/18-character form passes, so it can never alter the URL. */
function recordId(id: string, what: string): string {
  if (!isSalesforceId(id)) throw new NotFoundError(`The ${what} was not found.`, 'SALESFORCE_INVALID_ID');
  return id;
}
