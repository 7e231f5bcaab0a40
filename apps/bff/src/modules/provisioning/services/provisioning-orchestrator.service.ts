import { Injectable, Logger } from '@nestjs/common';
import type { Orders } from '@portal/domain';
import { AppConfig } from '../../../core/config/app-config';
import { invoicesPattern, subscriptionsKey } from '../../../infra/cache/cache-keys';
import { CacheService } from '../../../infra/cache/cache.service';
import { FreebitOrchestratorService } from '../../../integrations/freebit/services/freebit-orchestrator.service';
import { SalesforceOrchestratorService } from '../../../integrations/salesforce/services/salesforce-orchestrator.service';
import {
  type ProvisioningOrderView,
  SalesforceProvisioningService,
} from '../../../integrations/salesforce/services/salesforce-provisioning.service';
import { WhmcsOrchestratorService } from '../../../integrations/whmcs/services/whmcs-orchestrator.service';
import { type WhmcsOrderLine } from '../../../integrations/whmcs/services/whmcs-order.service';
import { WhmcsSubscriptionService } from '../../../integrations/whmcs/services/whmcs-subscription.service';
import { WhmcsError, WhmcsErrorCode } from '../../../integrations/whmcs/whmcs.errors';
import { ProvisioningError, ProvisioningErrorCode } from '../provisioning.errors';
import { SimStockRepository } from '../repositories/sim-stock.repository';
import type { ProvisioningCheckpoint, ProvisionOrderJobData } from '../utils/provisioning-job.schema';
import { simPlanCodes } from '../utils/sim-plan-codes.util';
import { ProvisioningMetricsService } from './provisioning-metrics.service';

/** One run of a provisioning job: its data and how to save progress (BullMQ `job.updateData`). */
export interface ProvisioningRun {
  readonly data: ProvisionOrderJobData;
  save(checkpoint: ProvisioningCheckpoint): Promise<void>;
}

export type ProvisioningResult = 'activated' | 'already_activated';

/** Something the test-only crash hook can stop (the worker process). */
export type CrashHook = () => void;

/**
 * Carries one approved Salesforce order through WHMCS and Freebit (business-facts §2.5). Every step first
 * reads the checkpoint and skips what an earlier attempt finished; a step that was interrupted before its
 * checkpoint is safe to repeat (AddOrder through the order-notes marker, AcceptOrder through the order status,
 * Freebit through the account state, the Salesforce and WHMCS field writes because they set fixed values).
 */
@Injectable()
export class ProvisioningOrchestratorService {
  private readonly logger = new Logger(ProvisioningOrchestratorService.name);
  private readonly planCodes: ReadonlyMap<string, string>;
  private crashHook: CrashHook | undefined;

  constructor(
    private readonly salesforce: SalesforceProvisioningService,
    private readonly salesforceStatus: SalesforceOrchestratorService,
    private readonly whmcs: WhmcsOrchestratorService,
    private readonly whmcsServices: WhmcsSubscriptionService,
    private readonly freebit: FreebitOrchestratorService,
    private readonly simStock: SimStockRepository,
    private readonly cache: CacheService,
    private readonly metrics: ProvisioningMetricsService,
    config: AppConfig,
  ) {
    this.planCodes = simPlanCodes(config.values.PROVISIONING_SIM_PLAN_CODES);
  }

  /** Test only: called right after AddOrder succeeded, before its checkpoint is saved. */
  onAddOrderSucceeded(hook: CrashHook): void {
    this.crashHook = hook;
  }

  async provision(run: ProvisioningRun): Promise<ProvisioningResult> {
    const { orderId } = run.data;
    let checkpoint: ProvisioningCheckpoint = { ...run.data.checkpoint };
    const save = async (update: ProvisioningCheckpoint): Promise<void> => {
      checkpoint = { ...checkpoint, ...update };
      await run.save(checkpoint);
    };

    // 1. Load the order; an activated order is done (a late or repeated event).
    const view = await this.metrics.timeStep('load', () => this.salesforce.getOrder(orderId));
    if (view.order.activation.status === 'Activated') {
      if (checkpoint.salesforceActivated && !checkpoint.cachesInvalidated) {
        await this.invalidateCaches(view, save);
        return 'activated';
      }
      this.logger.log({ orderId }, 'order already activated; nothing to do');
      return 'already_activated';
    }
    const plan = this.plan(view);

    // 2. Activating, earlier error fields cleared.
    if (!checkpoint.activating) {
      await this.metrics.timeStep('activating', () => this.salesforceStatus.markActivating(orderId));
      await save({ activating: true });
    }

    // 3. The WHMCS order: the one carrying our marker, else a new one.
    if (checkpoint.whmcsOrderId === undefined || checkpoint.whmcsServiceIds === undefined) {
      const placed = await this.metrics.timeStep('whmcs_order', () => this.placeWhmcsOrder(orderId, plan));
      await save({ whmcsOrderId: placed.orderId, whmcsServiceIds: [...placed.serviceIds] });
    }
    const whmcsOrderId = checkpoint.whmcsOrderId!;
    const serviceIds = this.servicesPerItem(view.order.items, checkpoint.whmcsServiceIds!);

    // 4. AcceptOrder (an order found accepted counts as done).
    if (!checkpoint.accepted) {
      await this.metrics.timeStep('whmcs_accept', () => this.whmcs.acceptOnce(whmcsOrderId));
      await save({ accepted: true });
    }

    // 5. SIM services: Freebit activation, then the SIM identifiers into the WHMCS custom fields.
    const simServices = view.order.items.flatMap((item, index) => {
      const planCode = item.sku === null ? undefined : this.planCodes.get(item.sku);
      return planCode === undefined ? [] : serviceIds[index]!.map((serviceId) => ({ serviceId, planCode }));
    });
    const done = new Set(checkpoint.simsDone ?? []);
    for (const { serviceId, planCode } of simServices) {
      if (done.has(serviceId)) continue;
      await this.metrics.timeStep('sims', () => this.activateSim(serviceId, planCode, view.eid));
      done.add(serviceId);
      await save({ simsDone: [...done] });
    }

    // 6. Salesforce: the WHMCS ids and Activated.
    if (!checkpoint.salesforceActivated) {
      const itemServiceIds = new Map(
        view.order.items.map((item, index) => [item.id, serviceIds[index]![0]!]),
      );
      await this.metrics.timeStep('salesforce_activated', async () => {
        await this.salesforce.recordServiceIds(itemServiceIds);
        // Last: Activated means every other write is in place.
        await this.salesforceStatus.markActivated(orderId, String(whmcsOrderId));
      });
      await save({ salesforceActivated: true });
    }

    // 7. The customer's subscriptions and invoices changed.
    await this.invalidateCaches(view, save);
    this.logger.log({ orderId, whmcsOrderId, sims: simServices.length }, 'order activated');
    return 'activated';
  }

  /** Marks the order Failed in Salesforce with the error's code and message. */
  async markFailed(orderId: string, code: string, message: string): Promise<void> {
    await this.salesforceStatus.markFailed(orderId, code, message);
  }

  /** The WHMCS order lines, or a permanent error naming what the order lacks. */
  private plan(view: ProvisioningOrderView): { clientId: number; lines: WhmcsOrderLine[] } {
    if (view.whmcsClientId === null) {
      throw ProvisioningError.invalidOrder(
        ProvisioningErrorCode.WHMCS_CLIENT_MISSING,
        'The account is not linked to a billing (WHMCS) client.',
      );
    }
    if (view.order.items.length === 0) {
      throw ProvisioningError.invalidOrder(ProvisioningErrorCode.NO_ITEMS, 'The order has no items.');
    }
    const lines = view.order.items.map((item): WhmcsOrderLine => {
      if (item.whmcsProductId === null) {
        throw ProvisioningError.invalidOrder(
          ProvisioningErrorCode.WHMCS_PRODUCT_MISSING,
          `Order item ${item.id} has no WHMCS product id.`,
        );
      }
      if (item.billingCycle === null) {
        throw ProvisioningError.invalidOrder(
          ProvisioningErrorCode.BILLING_CYCLE_MISSING,
          `Order item ${item.id} has no billing cycle.`,
        );
      }
      return { productId: item.whmcsProductId, billingCycle: item.billingCycle, quantity: item.quantity };
    });
    return { clientId: view.whmcsClientId, lines };
  }

  /**
   * Finds the order by its marker, else adds it. When AddOrder's answer is lost the order is looked up again;
   * if it is still not there the attempt fails temporarily and the retry starts with the lookup.
   */
  private async placeWhmcsOrder(
    orderId: string,
    plan: { clientId: number; lines: WhmcsOrderLine[] },
  ): Promise<{ orderId: number; serviceIds: readonly number[] }> {
    try {
      const order = await this.whmcs.findOrAddOrder({ sfOrderId: orderId, ...plan });
      if (order.created) this.crashHook?.();
      this.logger.log(
        { orderId, whmcsOrderId: order.orderId },
        order.created ? 'WHMCS order added' : 'WHMCS order found by marker',
      );
      return order;
    } catch (error) {
      if (!paymentMethodRefused(error)) throw error;
      throw ProvisioningError.invalidOrder(
        ProvisioningErrorCode.PAYMENT_METHOD_MISSING,
        'The billing account has no usable payment method.',
      );
    }
  }

  private async activateSim(serviceId: number, planCode: string, eid: string | null): Promise<void> {
    const sim = await this.simStock.assign(serviceId);
    await this.freebit.activateSim({
      msisdn: sim.msisdn,
      productNumber: sim.productNumber,
      planCode,
      ...(eid === null ? {} : { eid }),
    });
    await this.whmcsServices.recordSimIdentifiers(serviceId, {
      msisdn: sim.msisdn,
      productNumber: sim.productNumber,
      ...(eid === null ? {} : { eid }),
    });
  }

  /**
   * WHMCS service ids per Salesforce item, in item order: one per line, or `quantity` per line when WHMCS
   * created a service per unit. Anything else means the order is not the one we asked for.
   */
  private servicesPerItem(items: readonly Orders.OrderItem[], serviceIds: readonly number[]): number[][] {
    const units = items.reduce((sum, item) => sum + item.quantity, 0);
    if (serviceIds.length === items.length) return serviceIds.map((id) => [id]);
    if (serviceIds.length === units) {
      let next = 0;
      return items.map((item) => serviceIds.slice(next, (next += item.quantity)));
    }
    throw ProvisioningError.invalidOrder(
      ProvisioningErrorCode.SERVICE_COUNT_MISMATCH,
      `The WHMCS order has ${serviceIds.length} services for ${items.length} items.`,
    );
  }

  private async invalidateCaches(
    view: ProvisioningOrderView,
    save: (update: ProvisioningCheckpoint) => Promise<void>,
  ): Promise<void> {
    const userId = view.whmcsClientId === null ? undefined : String(view.whmcsClientId);
    if (userId !== undefined) {
      await this.metrics.timeStep('caches', async () => {
        await this.cache.invalidate(subscriptionsKey(userId));
        await this.cache.invalidate(invoicesPattern(userId));
      });
    }
    await save({ cachesInvalidated: true });
  }
}

/** AddOrder refused for the payment method (WHMCS: "Invalid Payment Method. Valid options include …"). */
function paymentMethodRefused(error: unknown): boolean {
  return (
    error instanceof WhmcsError &&
    error.whmcsCode === WhmcsErrorCode.API_ERROR &&
    /payment method/i.test(error.whmcsMessage ?? '')
  );
}
