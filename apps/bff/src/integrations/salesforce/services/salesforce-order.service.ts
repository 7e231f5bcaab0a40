import { Injectable } from '@nestjs/common';
import { Orders } from '@portal/domain';
import { z } from 'zod';
import { AppConfig } from '../../../core/config/app-config';
import { NotFoundError, ProviderError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { SALESFORCE_PROVIDER, SalesforceErrorCode } from '../salesforce.errors';
import {
  buildOrderByIdQuery,
  buildOrderItemsQuery,
  buildOrdersForAccountQuery,
  type Page,
} from '../utils/salesforce-query.builders';
import { soqlId } from '../utils/soql.util';
import { SalesforceConnectionService } from './salesforce-connection.service';

/** One order line, already priced from the portal pricebook. */
export interface SalesforceOrderLine {
  readonly pricebookEntryId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly billingCycle: string | null;
}

/** The Order header fields the portal sets (Salesforce API names stay inside this folder). */
export interface SalesforceOrderDraft {
  readonly accountId: string;
  readonly effectiveDate: string;
  readonly orderType: 'Internet' | 'SIM' | 'VPN';
  readonly activationType: 'Immediate' | 'Scheduled';
  readonly activationScheduledAt?: string;
  readonly sim?: { simType: 'eSIM' | 'Physical'; eid?: string; voiceMail: boolean; callWaiting: boolean };
  readonly lines: readonly SalesforceOrderLine[];
}

/** Activation fields the provisioning flow writes back. */
export interface SalesforceActivationUpdate {
  readonly status: 'Activating' | 'Activated' | 'Failed';
  readonly errorCode?: string | null;
  readonly errorMessage?: string | null;
  readonly whmcsOrderId?: string | null;
}

/** The order status the portal creates orders in; an agent approves them in Salesforce. */
const INITIAL_STATUS = 'Pending Review';

const treeResultSchema = z.object({
  hasErrors: z.literal(false),
  results: z.array(z.object({ referenceId: z.string(), id: z.string() })),
});

/** Orders and their items in Salesforce, returned as domain values. */
@Injectable()
export class SalesforceOrderService {
  constructor(
    private readonly connection: SalesforceConnectionService,
    private readonly config: AppConfig,
  ) {}

  /** The order with `Account.Name` and its items. */
  async getById(orderId: string): Promise<Orders.Order> {
    const [order] = await this.connection.query<unknown>(buildOrderByIdQuery(orderId), 'order.get');
    if (!order) throw new NotFoundError('The order was not found.', 'ORDER_NOT_FOUND');
    const items = await this.connection.query<unknown>(buildOrderItemsQuery(orderId), 'order.items');
    return Orders.Providers.Salesforce.transformSalesforceOrderDetails(order, items, this.context());
  }

  /** An account's orders, newest first. */
  async listForAccount(accountId: string, page: Page): Promise<Orders.OrderSummary[]> {
    const records = await this.connection.query<unknown>(
      buildOrdersForAccountQuery(accountId, page),
      'order.list',
    );
    return records.map((record) =>
      Orders.Providers.Salesforce.transformSalesforceOrderSummary(record, this.context()),
    );
  }

  /**
   * Creates the Order and its OrderItems in one sObject Tree request: Salesforce commits all of them or none,
   * so an invalid line never leaves an empty Order behind. Not retried (a retry could create it twice).
   */
  async create(draft: SalesforceOrderDraft): Promise<string> {
    soqlId(draft.accountId, 'account');
    const body = {
      records: [
        {
          attributes: { type: 'Order', referenceId: 'order' },
          AccountId: draft.accountId,
          Pricebook2Id: this.config.values.SF_PORTAL_PRICEBOOK_ID,
          EffectiveDate: draft.effectiveDate,
          Status: INITIAL_STATUS,
          Order_Type__c: draft.orderType,
          Activation_Type__c: draft.activationType,
          Activation_Scheduled_At__c: draft.activationScheduledAt ?? null,
          ...(draft.sim
            ? {
                SIM_Type__c: draft.sim.simType,
                EID__c: draft.sim.eid ?? null,
                SIM_Voice_Mail__c: draft.sim.voiceMail,
                SIM_Call_Waiting__c: draft.sim.callWaiting,
              }
            : {}),
          OrderItems: {
            records: draft.lines.map((line, index) => ({
              attributes: { type: 'OrderItem', referenceId: `item${index}` },
              PricebookEntryId: line.pricebookEntryId,
              Quantity: line.quantity,
              UnitPrice: line.unitPrice,
              Billing_Cycle__c: line.billingCycle,
            })),
          },
        },
      ],
    };
    const raw = await this.connection.write<unknown>('order.create', 'POST', '/composite/tree/Order', body);
    const parsed = treeResultSchema.safeParse(raw);
    const id = parsed.success
      ? parsed.data.results.find((result) => result.referenceId === 'order')?.id
      : undefined;
    if (!id) {
      throw new ProviderError({
        provider: SALESFORCE_PROVIDER,
        category: ErrorCategory.INVALID_RESPONSE,
        code: SalesforceErrorCode.INVALID_RESPONSE,
      });
    }
    return id;
  }

  /** Writes the activation status and, for failures, the error code/message (cleared otherwise). */
  async updateActivation(orderId: string, update: SalesforceActivationUpdate): Promise<void> {
    soqlId(orderId, 'order');
    const failed = update.status === 'Failed';
    await this.connection.write('order.activation', 'PATCH', `/sobjects/Order/${orderId}`, {
      Activation_Status__c: update.status,
      Activation_Error_Code__c: failed ? (update.errorCode ?? null) : null,
      Activation_Error_Message__c: failed ? (update.errorMessage?.slice(0, 255) ?? null) : null,
      ...(update.whmcsOrderId === undefined ? {} : { WHMCS_Order_ID__c: update.whmcsOrderId }),
    });
  }

  private context(): { currencyCode: string } {
    return { currencyCode: this.config.values.SF_CURRENCY };
  }
}
