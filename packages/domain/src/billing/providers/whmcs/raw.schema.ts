import { z } from 'zod';
import {
  whmcsBoolSchema,
  whmcsCountSchema,
  whmcsDateSchema,
  whmcsIdSchema,
  whmcsListSchema,
  whmcsMoneySchema,
  whmcsTextSchema,
} from '../../../common/providers/whmcs/whmcs-values.schema';

/** A GetInvoice `items.item[]` line. */
export const whmcsInvoiceItemRawSchema = z.object({
  id: whmcsIdSchema,
  type: z.string(),
  relid: whmcsIdSchema,
  description: whmcsTextSchema,
  amount: whmcsMoneySchema,
  taxed: whmcsBoolSchema,
});
export type WhmcsInvoiceItemRaw = z.infer<typeof whmcsInvoiceItemRawSchema>;

/**
 * An invoice as GetInvoices lists it (`id`, currency fields, no items, no balance) or as GetInvoice
 * returns it (`invoiceid`, `balance`, `items.item[]`, no currency fields). One schema covers both.
 */
export const whmcsInvoiceRawSchema = z.object({
  id: whmcsIdSchema.optional(),
  invoiceid: whmcsIdSchema.optional(),
  invoicenum: z.union([z.string(), z.number()]).optional(),
  date: whmcsDateSchema,
  duedate: whmcsDateSchema,
  datepaid: whmcsDateSchema.optional(),
  subtotal: whmcsMoneySchema,
  credit: whmcsMoneySchema,
  tax: whmcsMoneySchema,
  tax2: whmcsMoneySchema.optional(),
  total: whmcsMoneySchema,
  balance: whmcsMoneySchema.optional(),
  status: z.string(),
  currencycode: z.string().optional(),
  currencyprefix: z.string().optional(),
  items: whmcsListSchema('item', whmcsInvoiceItemRawSchema),
});
export type WhmcsInvoiceRaw = z.infer<typeof whmcsInvoiceRawSchema>;

/** The GetInvoices response; `invoices` is `""` when there are none. */
export const whmcsInvoicesResponseRawSchema = z.object({
  result: z.literal('success'),
  totalresults: whmcsCountSchema,
  startnumber: whmcsCountSchema.optional(),
  numreturned: whmcsCountSchema.optional(),
  invoices: whmcsListSchema('invoice', whmcsInvoiceRawSchema),
});
export type WhmcsInvoicesResponseRaw = z.infer<typeof whmcsInvoicesResponseRawSchema>;

/** A GetCurrencies `currencies.currency[]` entry. `default` is read when the installation sends it. */
export const whmcsCurrencyRawSchema = z.object({
  id: whmcsIdSchema,
  code: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  default: whmcsBoolSchema.optional(),
});
export type WhmcsCurrencyRaw = z.infer<typeof whmcsCurrencyRawSchema>;

/** The GetCurrencies response. */
export const whmcsCurrenciesResponseRawSchema = z.object({
  result: z.literal('success'),
  currencies: whmcsListSchema('currency', whmcsCurrencyRawSchema),
});
export type WhmcsCurrenciesResponseRaw = z.infer<typeof whmcsCurrenciesResponseRawSchema>;
