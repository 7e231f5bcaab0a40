import { z } from 'zod';
import {
  whmcsCountSchema,
  whmcsDateSchema,
  whmcsIdSchema,
  whmcsListSchema,
  whmcsMoneySchema,
  whmcsTextSchema,
} from '../../../common/providers/whmcs/whmcs-values.schema';

/** A `customfields.customfield[]` entry of a service. */
export const whmcsCustomFieldRawSchema = z.object({
  id: whmcsIdSchema,
  name: z.string().optional(),
  value: z.string().nullable(),
});
export type WhmcsCustomFieldRaw = z.infer<typeof whmcsCustomFieldRawSchema>;

/** A `configoptions.configoption[]` entry of a service. */
export const whmcsConfigOptionRawSchema = z.object({
  id: whmcsIdSchema,
  option: z.string(),
  type: z.string().optional(),
  value: z.union([z.string(), z.number()]).nullable(),
});

/** A GetClientsProducts `products.product[]` entry (the fields the mapper reads). */
export const whmcsProductRawSchema = z.object({
  id: whmcsIdSchema,
  pid: whmcsIdSchema,
  name: whmcsTextSchema,
  groupname: whmcsTextSchema,
  status: z.string(),
  regdate: whmcsDateSchema,
  nextduedate: whmcsDateSchema,
  billingcycle: z.string(),
  firstpaymentamount: whmcsMoneySchema,
  recurringamount: whmcsMoneySchema,
  customfields: whmcsListSchema('customfield', whmcsCustomFieldRawSchema),
  configoptions: whmcsListSchema('configoption', whmcsConfigOptionRawSchema),
});
export type WhmcsProductRaw = z.infer<typeof whmcsProductRawSchema>;

/** The GetClientsProducts response: `totalresults` is a string, `numreturned` a number, `products` `""` when empty. */
export const whmcsClientsProductsResponseRawSchema = z.object({
  result: z.literal('success'),
  totalresults: whmcsCountSchema,
  numreturned: whmcsCountSchema.optional(),
  products: whmcsListSchema('product', whmcsProductRawSchema),
});
export type WhmcsClientsProductsResponseRaw = z.infer<typeof whmcsClientsProductsResponseRawSchema>;
