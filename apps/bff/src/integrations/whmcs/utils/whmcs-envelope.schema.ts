import { z } from 'zod';

/**
 * The few raw fields the integration itself reads (ownership checks, ids, paging, the order marker).
 * Entity payloads are mapped by `@portal/domain`; these envelopes never leave `integrations/whmcs`.
 */
const whmcsId = z.union([z.number(), z.string().regex(/^[0-9]+$/)]).transform(Number);
/** `"1,2"` → `[1, 2]`; `""` → `[]`. */
const idList = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).split(',').filter(Boolean).map(Number))
  .pipe(z.array(z.int().positive()));
/** WHMCS answers an empty list as `""`. */
const wrapped = <T extends z.ZodType>(key: string, item: T) =>
  z.union([z.literal(''), z.object({ [key]: z.array(item) })]).optional();

export const whmcsPagingSchema = z.looseObject({
  totalresults: whmcsId,
  startnumber: whmcsId.optional(),
  numreturned: whmcsId.optional(),
});

export const whmcsInvoiceOwnerSchema = z.looseObject({ userid: whmcsId });

export const whmcsProductsEnvelopeSchema = z.looseObject({
  totalresults: whmcsId,
  products: wrapped('product', z.looseObject({ id: whmcsId, clientid: whmcsId })),
});

export const whmcsOrderSchema = z.looseObject({
  id: whmcsId,
  userid: whmcsId,
  status: z.string(),
  notes: z.string().default(''),
  invoiceid: whmcsId.optional(),
  lineitems: wrapped('lineitem', z.looseObject({ relid: whmcsId })),
});
export type WhmcsOrderRaw = z.infer<typeof whmcsOrderSchema>;

export const whmcsOrdersEnvelopeSchema = whmcsPagingSchema.extend({
  orders: wrapped('order', whmcsOrderSchema),
});

export const whmcsAddOrderSchema = z.looseObject({
  orderid: whmcsId,
  serviceids: idList.optional(),
  productids: idList.optional(),
  invoiceid: z.union([z.literal(''), whmcsId]).optional(),
});

export const whmcsValidateLoginSchema = z.looseObject({ userid: whmcsId });

export const whmcsCurrencyRatesSchema = z.looseObject({
  currencies: wrapped(
    'currency',
    z.looseObject({ code: z.string(), rate: z.union([z.string(), z.number()]) }),
  ),
});

/** The items of a wrapped list (`""`, missing or `{ key: [...] }`). */
export function listOf<T>(value: '' | Record<string, T[]> | undefined, key: string): T[] {
  return value === undefined || value === '' ? [] : (value[key] ?? []);
}
