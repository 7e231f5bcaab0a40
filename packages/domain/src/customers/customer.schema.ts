import { z } from 'zod';
import { salesforceId18OutputSchema } from '../common/identifiers.schema';
import { currencyCodeSchema } from '../common/money.schema';

/** A postal address; `countryCode` is ISO 3166-1 alpha-2. */
export const addressSchema = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postcode: z.string(),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
});
export type Address = z.infer<typeof addressSchema>;

/** The billing-side customer record (WHMCS client). `phone` is E.164-like (`+819012345678`). */
export const whmcsClientSchema = z.object({
  whmcsClientId: z.int().positive(),
  firstName: z.string(),
  lastName: z.string(),
  companyName: z.string().nullable(),
  email: z.email(),
  phone: z.string().nullable(),
  address: addressSchema,
  currencyId: z.int().positive(),
  currencyCode: currencyCodeSchema.nullable(),
  status: z.string(),
});
export type WhmcsClient = z.infer<typeof whmcsClientSchema>;

/** The CRM-side customer record (Salesforce Account). */
export const salesforceAccountSchema = z.object({
  id: salesforceId18OutputSchema,
  name: z.string(),
  customerNumber: z.string().nullable(),
  whmcsClientId: z.int().positive().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type SalesforceAccount = z.infer<typeof salesforceAccountSchema>;

/**
 * The portal's view of a customer: identities from both systems, contact details and address from WHMCS
 * (the billing system of record), the customer number from Salesforce.
 */
export const customerProfileSchema = z.object({
  salesforceAccountId: salesforceId18OutputSchema,
  whmcsClientId: z.int().positive(),
  customerNumber: z.string().nullable(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  companyName: z.string().nullable(),
  email: z.email(),
  phone: z.string().nullable(),
  address: addressSchema,
  currencyCode: currencyCodeSchema.nullable(),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;
