import { z } from 'zod';
import { intVar } from '../../core/config/env-schema.util';

/** Portal order settings. */
export const ordersEnvFragment = z.object({
  ORDERS_CACHE_TTL_S: intVar(60, 1, 3_600).describe('TTL of cached order-list pages (dropped on checkout)'),
  ORDERS_IDEMPOTENCY_TTL_S: intVar(86_400, 60).describe(
    'How long an Idempotency-Key keeps answering its order',
  ),
  ORDERS_IDEMPOTENCY_PENDING_S: intVar(120, 5, 3_600).describe(
    'How long an Idempotency-Key stays claimed while its order is being created',
  ),
});
