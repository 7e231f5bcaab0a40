import { Injectable, Logger } from '@nestjs/common';
import type { Orders } from '@portal/domain';
import { ValidationError } from '../../../core/errors/app.errors';
import { SalesforceCatalogService } from './salesforce-catalog.service';
import {
  SalesforceOrderService,
  type SalesforceActivationUpdate,
  type SalesforceOrderDraft,
} from './salesforce-order.service';

/** An order to place for an account: the portal's `NewOrder` plus who and what kind. */
export interface PlaceOrderInput {
  readonly accountId: string;
  readonly orderType: 'internet' | 'sim' | 'vpn';
  readonly order: Orders.NewOrder;
  /** The order's effective date (`YYYY-MM-DD`); today (UTC) when omitted. */
  readonly effectiveDate?: string;
}

const ORDER_TYPE_LABEL = { internet: 'Internet', sim: 'SIM', vpn: 'VPN' } as const;

/**
 * Salesforce-side multi-step operations: placing an order (price every SKU from the portal pricebook, then
 * create Order + OrderItems atomically, then read it back as a domain `Order`) and the activation status
 * transitions the provisioning flow reports (`Activating` → `Activated` | `Failed` with error code/message in
 * `Activation_Error_Code__c` / `Activation_Error_Message__c`).
 */
@Injectable()
export class SalesforceOrchestratorService {
  private readonly logger = new Logger(SalesforceOrchestratorService.name);

  constructor(
    private readonly catalog: SalesforceCatalogService,
    private readonly orders: SalesforceOrderService,
  ) {}

  async placeOrder(input: PlaceOrderInput): Promise<Orders.Order> {
    const skus = input.order.items.map((item) => item.sku);
    const prices = new Map((await this.catalog.getPortalPrices(skus)).map((price) => [price.sku, price]));
    const missing = input.order.items.flatMap((item, index) =>
      prices.has(item.sku) ? [] : [{ path: `items.${index}.sku`, message: 'Not in the portal catalog' }],
    );
    if (missing.length > 0) throw new ValidationError(missing);

    const sim = input.order.sim;
    const draft: SalesforceOrderDraft = {
      accountId: input.accountId,
      effectiveDate: input.effectiveDate ?? new Date().toISOString().slice(0, 10),
      orderType: ORDER_TYPE_LABEL[input.orderType],
      activationType: input.order.activationType === 'scheduled' ? 'Scheduled' : 'Immediate',
      ...(input.order.activationScheduledAt
        ? { activationScheduledAt: input.order.activationScheduledAt }
        : {}),
      ...(sim
        ? {
            sim: {
              simType: sim.simType === 'esim' ? 'eSIM' : 'Physical',
              ...(sim.eid ? { eid: sim.eid } : {}),
              voiceMail: sim.voiceMail,
              callWaiting: sim.callWaiting,
            },
          }
        : {}),
      lines: input.order.items.map((item) => {
        const price = prices.get(item.sku)!;
        return {
          pricebookEntryId: price.pricebookEntryId,
          quantity: item.quantity,
          unitPrice: price.unitPrice,
          billingCycle: price.billingCycle,
        };
      }),
    };
    const orderId = await this.orders.create(draft);
    this.logger.log({ orderId, lines: draft.lines.length }, 'Salesforce order created');
    return this.orders.getById(orderId);
  }

  markActivating(orderId: string): Promise<void> {
    return this.orders.updateActivation(orderId, { status: 'Activating' });
  }

  markActivated(orderId: string, whmcsOrderId?: string): Promise<void> {
    const update: SalesforceActivationUpdate = {
      status: 'Activated',
      ...(whmcsOrderId === undefined ? {} : { whmcsOrderId }),
    };
    return this.orders.updateActivation(orderId, update);
  }

  markFailed(orderId: string, errorCode: string, errorMessage: string): Promise<void> {
    return this.orders.updateActivation(orderId, { status: 'Failed', errorCode, errorMessage });
  }
}
