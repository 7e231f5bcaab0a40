import { Injectable, Logger } from '@nestjs/common';
import { isAppError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { WhmcsError, WhmcsErrorCode } from '../whmcs.errors';
import { WhmcsOrderService, type WhmcsOrderLine, type WhmcsOrderRef } from './whmcs-order.service';

export interface PlaceOrderInput {
  /** The Salesforce Order id; `sfOrderId=<id>` in the WHMCS order notes makes placement idempotent. */
  readonly sfOrderId: string;
  readonly clientId: number;
  readonly lines: readonly WhmcsOrderLine[];
  readonly promoCode?: string;
}

export interface PlacedWhmcsOrder {
  readonly orderId: number;
  readonly serviceIds: readonly number[];
  readonly invoiceId: number | null;
  /** False when an earlier attempt had already added the order (found by its marker). */
  readonly created: boolean;
}

/** The marker we write into WHMCS order notes (business rule: notes `sfOrderId=<Id>`). */
export function salesforceOrderMarker(sfOrderId: string): string {
  return `sfOrderId=${sfOrderId}`;
}

/** WHMCS-side multi-step operations. */
@Injectable()
export class WhmcsOrchestratorService {
  private readonly logger = new Logger(WhmcsOrchestratorService.name);

  constructor(private readonly orders: WhmcsOrderService) {}

  /**
   * Places a Salesforce order in WHMCS exactly once: {@link findOrAddOrder}, then {@link acceptOnce} while it is
   * pending. Callers that checkpoint between the two steps (the provisioning worker) call them separately.
   */
  async placeOrderOnce(input: PlaceOrderInput): Promise<PlacedWhmcsOrder> {
    const order = await this.findOrAddOrder(input);
    if (order.status === 'pending') await this.acceptOnce(order.orderId);
    this.logger.log(
      { sfOrderId: input.sfOrderId, orderId: order.orderId, created: order.created },
      'whmcs order placed',
    );
    return {
      orderId: order.orderId,
      serviceIds: order.serviceIds,
      invoiceId: order.invoiceId,
      created: order.created,
    };
  }

  /**
   * The WHMCS order carrying the Salesforce order's marker, else a new one. AddOrder is never repeated blindly:
   * when its answer is lost (timeout, garbled response) the order is looked up by marker instead; if it is not
   * there yet the call fails with a temporary `WHMCS_ORDER_OUTCOME_UNKNOWN` so the caller retries later, and
   * that retry starts with the lookup again. A cancelled or fraud order found by marker is a conflict.
   */
  async findOrAddOrder(input: PlaceOrderInput): Promise<WhmcsOrderRef & { readonly created: boolean }> {
    const marker = salesforceOrderMarker(input.sfOrderId);
    const existing = await this.orders.findByMarker(input.clientId, marker);
    if (existing === undefined) return { ...(await this.add(input, marker)), created: true };
    if (existing.status === 'cancelled' || existing.status === 'fraud') {
      throw new WhmcsError(
        WhmcsErrorCode.ORDER_REJECTED,
        ErrorCategory.CONFLICT,
        'The billing order was cancelled or marked as fraud.',
      );
    }
    return { ...existing, created: false };
  }

  private async add(input: PlaceOrderInput, marker: string): Promise<WhmcsOrderRef> {
    try {
      const added = await this.orders.add({
        clientId: input.clientId,
        lines: input.lines,
        notes: marker,
        promoCode: input.promoCode,
      });
      return { ...added, clientId: input.clientId, status: 'pending' };
    } catch (error) {
      if (!outcomeUnknown(error)) throw error;
      this.logger.warn(
        { sfOrderId: input.sfOrderId },
        'AddOrder answer lost; looking the order up by marker',
      );
      const found = await this.orders.findByMarker(input.clientId, marker);
      if (found) return found;
      throw new WhmcsError(
        WhmcsErrorCode.ORDER_OUTCOME_UNKNOWN,
        ErrorCategory.TEMPORARY,
        'The billing system did not confirm the order; it will be checked again.',
        undefined,
        undefined,
        error,
      );
    }
  }

  /** AcceptOrder; an order found active afterwards (accepted meanwhile, or the answer lost) counts as done. */
  async acceptOnce(orderId: number): Promise<void> {
    try {
      await this.orders.accept(orderId);
    } catch (error) {
      // Accepted meanwhile (a concurrent attempt, an operator) or the answer was lost: done if it is active now.
      const notPending = error instanceof WhmcsError && error.whmcsCode === WhmcsErrorCode.ORDER_NOT_PENDING;
      if (!notPending && !outcomeUnknown(error)) throw error;
      const current = await this.orders.getById(orderId);
      if (current?.status !== 'active') throw error;
    }
  }
}

/** Failures after which WHMCS may or may not have acted. */
function outcomeUnknown(error: unknown): boolean {
  return (
    isAppError(error) &&
    (error.category === ErrorCategory.TEMPORARY || error.category === ErrorCategory.INVALID_RESPONSE)
  );
}
