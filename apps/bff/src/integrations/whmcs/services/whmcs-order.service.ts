import { Injectable } from '@nestjs/common';
import type { BillingCycle } from '@portal/domain';
import { AppConfig } from '../../../core/config/app-config';
import { encodeWhmcsArray } from '../utils/php-serialize.util';
import {
  listOf,
  whmcsAddOrderSchema,
  whmcsOrdersEnvelopeSchema,
  type WhmcsOrderRaw,
} from '../utils/whmcs-envelope.schema';
import { parseEnvelope } from '../utils/whmcs-parse.util';
import { WhmcsConnectionService } from './whmcs-connection.service';

/** One product line of a WHMCS order. */
export interface WhmcsOrderLine {
  readonly productId: number;
  readonly billingCycle: BillingCycle;
  readonly quantity?: number;
  /** Service custom field values by field id. */
  readonly customFields?: Readonly<Record<number, string>>;
}

export interface WhmcsNewOrder {
  readonly clientId: number;
  readonly lines: readonly WhmcsOrderLine[];
  /** Free text kept on the order; we put the Salesforce order marker here. */
  readonly notes?: string;
  readonly promoCode?: string;
}

export type WhmcsOrderStatus = 'pending' | 'active' | 'cancelled' | 'fraud' | 'unknown';

/** Our view of a WHMCS order: ids and status, no provider payload. */
export interface WhmcsOrderRef {
  readonly orderId: number;
  readonly clientId: number;
  readonly status: WhmcsOrderStatus;
  readonly serviceIds: readonly number[];
  readonly invoiceId: number | null;
}

export interface WhmcsPlacedOrder {
  readonly orderId: number;
  readonly serviceIds: readonly number[];
  readonly invoiceId: number | null;
}

/** GetOrders page size while searching a client's orders for a marker (WHMCS's default). */
const ORDERS_PAGE_SIZE = 25;

const CYCLE: Record<BillingCycle, string> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  semi_annually: 'semiannually',
  annually: 'annually',
  biennially: 'biennially',
  triennially: 'triennially',
  one_time: 'onetime',
  free: 'free',
};

/** WHMCS orders: add (stays Pending), accept, and find the order carrying a marker in its notes. */
@Injectable()
export class WhmcsOrderService {
  constructor(
    private readonly connection: WhmcsConnectionService,
    private readonly config: AppConfig,
  ) {}

  /** AddOrder without invoice or emails; never retried (the caller decides after a failure). */
  async add(order: WhmcsNewOrder): Promise<WhmcsPlacedOrder> {
    const payload = await this.connection.call('AddOrder', {
      clientid: order.clientId,
      paymentmethod: this.config.values.WHMCS_ORDER_PAYMENT_METHOD,
      pid: order.lines.map((line) => line.productId),
      billingcycle: order.lines.map((line) => CYCLE[line.billingCycle]),
      qty: order.lines.some((line) => line.quantity !== undefined)
        ? order.lines.map((line) => line.quantity ?? 1)
        : undefined,
      customfields: order.lines.some((line) => line.customFields !== undefined)
        ? order.lines.map((line) => encodeWhmcsArray(line.customFields ?? {}))
        : undefined,
      notes: order.notes,
      promocode: order.promoCode,
      noinvoice: true,
      noinvoiceemail: true,
      noemail: true,
    });
    const added = parseEnvelope(whmcsAddOrderSchema, payload, 'AddOrder answer');
    return {
      orderId: added.orderid,
      // Before WHMCS 7.8 the field was called productids.
      serviceIds: added.serviceids ?? added.productids ?? [],
      invoiceId: typeof added.invoiceid === 'number' && added.invoiceid > 0 ? added.invoiceid : null,
    };
  }

  /** AcceptOrder; a non-pending order fails with a CONFLICT error (WHMCS: "… Status not Pending"). */
  async accept(orderId: number): Promise<void> {
    await this.connection.call('AcceptOrder', { orderid: orderId });
  }

  async getById(orderId: number): Promise<WhmcsOrderRef | undefined> {
    const payload = await this.connection.call('GetOrders', { id: orderId });
    const order = listOf(parseEnvelope(whmcsOrdersEnvelopeSchema, payload, 'order list').orders, 'order')[0];
    return order === undefined ? undefined : toRef(order);
  }

  /**
   * The client's order whose notes carry `marker` (e.g. `sfOrderId=801…`). GetOrders has no notes filter, so this
   * pages through the client's orders, newest first, up to WHMCS_ORDER_LOOKUP_MAX_PAGES pages.
   */
  async findByMarker(clientId: number, marker: string): Promise<WhmcsOrderRef | undefined> {
    const matcher = new RegExp(`(^|\\s)${escapeRegExp(marker)}(\\s|$)`);
    for (let page = 0; page < this.config.values.WHMCS_ORDER_LOOKUP_MAX_PAGES; page++) {
      const payload = await this.connection.call('GetOrders', {
        userid: clientId,
        limitstart: page * ORDERS_PAGE_SIZE,
        limitnum: ORDERS_PAGE_SIZE,
      });
      const envelope = parseEnvelope(whmcsOrdersEnvelopeSchema, payload, 'order list');
      const orders = listOf(envelope.orders, 'order');
      const found = orders.find((order) => order.userid === clientId && matcher.test(order.notes));
      if (found) return toRef(found);
      if (orders.length < ORDERS_PAGE_SIZE || (page + 1) * ORDERS_PAGE_SIZE >= envelope.totalresults)
        return undefined;
    }
    return undefined;
  }
}

const STATUSES: Record<string, WhmcsOrderStatus> = {
  pending: 'pending',
  active: 'active',
  cancelled: 'cancelled',
  fraud: 'fraud',
};

function toRef(order: WhmcsOrderRaw): WhmcsOrderRef {
  return {
    orderId: order.id,
    clientId: order.userid,
    status: STATUSES[order.status.trim().toLowerCase()] ?? 'unknown',
    serviceIds: listOf(order.lineitems, 'lineitem').map((item) => item.relid),
    invoiceId: order.invoiceid !== undefined && order.invoiceid > 0 ? order.invoiceid : null,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
