import { z } from 'zod';
import { currencyCodeSchema, moneySchema } from '../common/money.schema';
import { isoDateSchema, isoDateTimeSchema } from '../common/time.schema';

/**
 * Invoice status. WHMCS statuses plus `overdue`, which WHMCS does not store: it is derived when an
 * invoice is unpaid and its due date has passed.
 */
export const invoiceStatusSchema = z.enum([
  'draft',
  'unpaid',
  'overdue',
  'paid',
  'cancelled',
  'refunded',
  'collections',
  'payment_pending',
]);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

/** One invoice line. `serviceId` links hosting lines to the subscription they bill. */
export const invoiceItemSchema = z.object({
  id: z.int().nonnegative(),
  type: z.string(),
  description: z.string(),
  amount: moneySchema,
  taxed: z.boolean(),
  serviceId: z.int().nonnegative().nullable(),
});
export type InvoiceItem = z.infer<typeof invoiceItemSchema>;

/**
 * An invoice. All amounts are {@link moneySchema} values (integer minor units) in `currency`.
 * `items` is empty when the source was a list endpoint that carries no lines.
 * `balance` is the amount still due (WHMCS `balance` when known, otherwise `total` while unpaid and zero after).
 */
export const invoiceSchema = z.object({
  id: z.int().positive(),
  number: z.string(),
  status: invoiceStatusSchema,
  issuedAt: isoDateSchema,
  dueAt: isoDateSchema.nullable(),
  paidAt: isoDateTimeSchema.nullable(),
  subtotal: moneySchema,
  tax: moneySchema,
  credit: moneySchema,
  total: moneySchema,
  balance: moneySchema,
  currency: currencyCodeSchema,
  currencySymbol: z.string(),
  items: z.array(invoiceItemSchema),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/** One page of invoices; `page` is 1-based. */
export const invoicePageSchema = z.object({
  page: z.int().positive(),
  pageSize: z.int().positive(),
  totalItems: z.int().nonnegative(),
  items: z.array(invoiceSchema),
});
export type InvoicePage = z.infer<typeof invoicePageSchema>;
