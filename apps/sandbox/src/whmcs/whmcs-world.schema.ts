import { z } from 'zod';

/** The part of `packages/domain/fixtures/world.json` the WHMCS simulator seeds from. */
export const whmcsWorldSchema = z.object({
  currencies: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      prefix: z.string(),
      suffix: z.string(),
      default: z.boolean(),
      rate: z.string(),
    }),
  ),
  whmcsCustomFields: z.record(z.string(), z.object({ id: z.number().int(), name: z.string() })),
  products: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      billingCycle: z.string(),
      whmcsProductId: z.number().int(),
      whmcsGroup: z.string(),
      price: z.string().regex(/^[0-9]+\.[0-9]{2}$/),
      isSim: z.boolean(),
    }),
  ),
  customers: z.array(
    z.object({
      whmcsClientId: z.number().int(),
      email: z.string(),
      password: z.string(),
      firstname: z.string(),
      lastname: z.string(),
      companyname: z.string(),
      phonenumber: z.string(),
      address1: z.string(),
      city: z.string(),
      state: z.string(),
      postcode: z.string(),
      countrycode: z.string(),
      currencyId: z.number().int(),
      customerNumber: z.string(),
      services: z.array(
        z.object({
          id: z.number().int(),
          sku: z.string(),
          status: z.string(),
          regdate: z.string(),
          nextduedate: z.string(),
          sim: z
            .object({ msisdn: z.string(), productNumber: z.string(), eid: z.string().nullable() })
            .optional(),
        }),
      ),
    }),
  ),
});
export type WhmcsWorld = z.infer<typeof whmcsWorldSchema>;
