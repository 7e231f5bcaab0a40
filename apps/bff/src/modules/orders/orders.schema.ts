import { Orders } from '@portal/domain';
import { z } from 'zod';

export const orderListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000).default(1).describe('1-based page number'),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

/** A page of the caller's orders, newest first; `hasMore` says whether a next page exists. */
export const orderPageSchema = z.object({
  page: z.int().positive(),
  pageSize: z.int().positive(),
  hasMore: z.boolean(),
  items: z.array(Orders.orderSummarySchema),
});
export type OrderPage = z.infer<typeof orderPageSchema>;

/** Salesforce ids are opaque here: anything else cannot exist (answered 404 like a missing order). */
export const orderIdParamSchema = z.object({
  id: z.string().max(64).describe('Salesforce Order id (15 or 18 characters)'),
});

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const idempotencyKeySchema = z
  .string({ error: 'The Idempotency-Key header is required' })
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, '8–128 characters of letters, digits, _ . : -')
  .describe('Client-chosen key: the same key and body answer the same order');
