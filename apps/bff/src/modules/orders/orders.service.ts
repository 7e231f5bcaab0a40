import { Injectable } from '@nestjs/common';
import { Catalog, Orders } from '@portal/domain';
import { AppConfig } from '../../core/config/app-config';
import { ConflictError, NotFoundError } from '../../core/errors/app.errors';
import { ordersKey, ordersPattern } from '../../infra/cache/cache-keys';
import { CacheService } from '../../infra/cache/cache.service';
import type { CachedJson } from '../../infra/cache/cached-json';
import { SalesforceCatalogService } from '../../integrations/salesforce/services/salesforce-catalog.service';
import { SalesforceOrchestratorService } from '../../integrations/salesforce/services/salesforce-orchestrator.service';
import { SalesforceOrderService } from '../../integrations/salesforce/services/salesforce-order.service';
import type { Principal } from '../auth/principal';
import { OrderIdempotencyRepository } from './order-idempotency.repository';
import { checkOrderAgainstCatalog } from './order-rules.util';
import { orderPageSchema, type OrderListQuery, type OrderPage } from './orders.schema';

export interface PlacedOrder {
  readonly order: Orders.Order;
  /** True when the Idempotency-Key already stood for this order (a replay). */
  readonly replayed: boolean;
}

/** The caller's Salesforce orders: list, detail (scoped to the caller's account) and idempotent checkout. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly orders: SalesforceOrderService,
    private readonly catalog: SalesforceCatalogService,
    private readonly orchestrator: SalesforceOrchestratorService,
    private readonly idempotency: OrderIdempotencyRepository,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  list(principal: Principal, query: OrderListQuery): Promise<CachedJson> {
    return this.cache.getOrSet(
      ordersKey(principal.userId, query.page, query.pageSize),
      this.config.values.ORDERS_CACHE_TTL_S,
      async (): Promise<OrderPage> => {
        // One extra row tells whether a next page exists without a COUNT query.
        const rows = await this.orders.listForAccount(principal.salesforceAccountId, {
          limit: query.pageSize + 1,
          offset: (query.page - 1) * query.pageSize,
        });
        return {
          page: query.page,
          pageSize: query.pageSize,
          hasMore: rows.length > query.pageSize,
          items: rows.slice(0, query.pageSize),
        };
      },
      { schema: orderPageSchema },
    );
  }

  /** Another account's order, a malformed id and a missing order are the same 404. */
  async getById(principal: Principal, orderId: string): Promise<Orders.Order> {
    let order: Orders.Order;
    try {
      order = await this.orders.getById(orderId);
    } catch (error) {
      if (error instanceof NotFoundError) throw orderNotFound();
      throw error;
    }
    if (order.accountId !== principal.salesforceAccountId) throw orderNotFound();
    return order;
  }

  /**
   * Creates the order once per Idempotency-Key: the same key with the same body answers the same order, with a
   * different body 409. The key is released when creation fails, so the customer can retry with it.
   */
  async place(principal: Principal, idempotencyKey: string, order: Orders.NewOrder): Promise<PlacedOrder> {
    const requestHash = OrderIdempotencyRepository.hashRequest(order);
    const claim = await this.idempotency.claim(principal.userId, idempotencyKey, requestHash);
    switch (claim.kind) {
      case 'conflict':
        throw new ConflictError(
          'This Idempotency-Key was used with a different request.',
          'IDEMPOTENCY_KEY_REUSED',
        );
      case 'in-progress':
        throw new ConflictError(
          'A request with this Idempotency-Key is still being processed.',
          'IDEMPOTENCY_REQUEST_IN_PROGRESS',
        );
      case 'done':
        return { order: await this.getById(principal, claim.orderId), replayed: true };
      case 'new':
        break;
    }
    try {
      const orderType = checkOrderAgainstCatalog(order, await this.liveCatalog());
      const created = await this.orchestrator.placeOrder({
        accountId: principal.salesforceAccountId,
        orderType,
        order,
      });
      await this.idempotency.complete(principal.userId, idempotencyKey, requestHash, created.id);
      await this.cache.invalidate(ordersPattern(principal.userId));
      return { order: created, replayed: false };
    } catch (error) {
      await this.idempotency.release(principal.userId, idempotencyKey);
      throw error;
    }
  }

  /** Every portal product; prices are checked again against the live pricebook when the order is placed. */
  private async liveCatalog(): Promise<Catalog.CatalogProduct[]> {
    const families = await Promise.all(
      Catalog.productCategorySchema.options.map((category) => this.catalog.getByType(category)),
    );
    return families.flat();
  }
}

function orderNotFound(): NotFoundError {
  return new NotFoundError('The order was not found.', 'ORDER_NOT_FOUND');
}
