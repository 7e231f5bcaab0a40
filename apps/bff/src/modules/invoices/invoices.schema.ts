import { Billing } from '@portal/domain';
import { z } from 'zod';

export const INVOICE_DEFAULT_PAGE_SIZE = 10;

export const invoiceListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('1-based page number'),
  pageSize: z.coerce.number().int().min(1).max(100).default(INVOICE_DEFAULT_PAGE_SIZE),
  status: Billing.invoiceStatusSchema.optional().describe('Only invoices in this status'),
});
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;

export const invoiceIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'Invalid invoice id')
    .transform(Number)
    .describe('WHMCS invoice id'),
});
