import { z } from 'zod';
import { whmcsIdSchema, whmcsTextSchema } from '../../../common/providers/whmcs/whmcs-values.schema';

/** The `client` block of GetClientsDetails (the deprecated top-level mirror is ignored). */
export const whmcsClientRawSchema = z.object({
  id: whmcsIdSchema,
  firstname: whmcsTextSchema,
  lastname: whmcsTextSchema,
  companyname: whmcsTextSchema,
  email: z.string(),
  address1: whmcsTextSchema,
  address2: whmcsTextSchema,
  city: whmcsTextSchema,
  state: whmcsTextSchema,
  postcode: z.string(),
  countrycode: z.string(),
  phonenumber: z.string(),
  currency: whmcsIdSchema,
  currency_code: z.string().optional(),
  status: z.string(),
});
export type WhmcsClientRaw = z.infer<typeof whmcsClientRawSchema>;

/** The GetClientsDetails response. */
export const whmcsClientDetailsResponseRawSchema = z.object({
  result: z.literal('success'),
  client: whmcsClientRawSchema,
});
export type WhmcsClientDetailsResponseRaw = z.infer<typeof whmcsClientDetailsResponseRawSchema>;

/** The ValidateLogin response: `userid` is a string, `twoFactorEnabled` the string `"false"`. */
export const whmcsValidateLoginResponseRawSchema = z.object({
  result: z.literal('success'),
  userid: whmcsIdSchema,
  passwordhash: z.string().optional(),
  twoFactorEnabled: z.union([z.boolean(), z.string()]).optional(),
});
export type WhmcsValidateLoginResponseRaw = z.infer<typeof whmcsValidateLoginResponseRawSchema>;
