import { Controller, Get, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { Orders } from '@portal/domain';
import type { FastifyReply } from 'fastify';
import { ValidBody, ValidParams, ValidQuery } from '../../core/validation/validated-input.decorators';
import { ValidationError } from '../../core/errors/app.errors';
import type { CachedJson } from '../../infra/cache/cached-json';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PortalRoute } from '../auth/portal-route.decorator';
import type { Principal } from '../auth/principal';
import {
  IDEMPOTENCY_HEADER,
  idempotencyKeySchema,
  orderIdParamSchema,
  orderListQuerySchema,
  type OrderListQuery,
} from './orders.schema';
import { OrdersService } from './orders.service';

export const REPLAYED_HEADER = 'idempotent-replayed';

@Controller('orders')
@PortalRoute()
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(orderListQuerySchema) query: OrderListQuery,
  ): Promise<CachedJson> {
    return this.orders.list(principal, query);
  }

  @Get(':id')
  getById(
    @CurrentPrincipal() principal: Principal,
    @ValidParams(orderIdParamSchema) params: { id: string },
  ): Promise<Orders.Order> {
    return this.orders.getById(principal, params.id);
  }

  @Post()
  @HttpCode(201)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: unknown,
    @ValidBody(Orders.newOrderSchema) body: Orders.NewOrder,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Orders.Order> {
    const key = idempotencyKeySchema.safeParse(idempotencyKey);
    if (!key.success) {
      throw new ValidationError([
        { path: 'Idempotency-Key', message: key.error.issues[0]?.message ?? 'Invalid' },
      ]);
    }
    const placed = await this.orders.place(principal, key.data, body);
    void reply.header(REPLAYED_HEADER, String(placed.replayed));
    return placed.order;
  }
}
