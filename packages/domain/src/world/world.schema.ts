import { z } from 'zod';

const productSchema = z.object({
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  itemClass: z.string(),
  billingCycle: z.string(),
  whmcsProductId: z.int(),
  whmcsGroup: z.string(),
  price: z.string(),
  freebitPlanCode: z.string().optional(),
  isSim: z.boolean(),
  productId: z.string(),
});

const serviceSchema = z.object({
  id: z.int(),
  sku: z.string(),
  status: z.string(),
  regdate: z.string(),
  nextduedate: z.string(),
  sim: z.object({ msisdn: z.string(), productNumber: z.string(), eid: z.string().nullable() }).optional(),
});

const customerSchema = z.object({
  key: z.string(),
  whmcsClientId: z.int(),
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
  currencyId: z.int(),
  customerNumber: z.string(),
  salesforceAccountId: z.string(),
  services: z.array(serviceSchema),
});

const customFieldSchema = z.object({ id: z.int(), name: z.string() });

/**
 * The cross-system seed identities in `fixtures/world.json` (customers, products, SIMs, currencies,
 * Salesforce ids, WHMCS custom fields). Sandbox simulators and tests load the JSON
 * (`import raw from '@portal/domain/fixtures/world.json'`) and read it through {@link parseWorld}.
 */
export const worldSchema = z.object({
  currencies: z.array(
    z.object({
      id: z.int(),
      code: z.string(),
      prefix: z.string(),
      suffix: z.string(),
      default: z.boolean(),
      rate: z.string(),
    }),
  ),
  salesforce: z.object({
    orgId: z.string(),
    integrationUsername: z.string(),
    portalPricebookId: z.string(),
    standardPricebookId: z.string(),
  }),
  whmcsCustomFields: z.object({
    simNumber: customFieldSchema,
    serialNumber: customFieldSchema,
    eid: customFieldSchema,
  }),
  products: z.array(productSchema),
  customers: z.array(customerSchema),
});
export type World = z.infer<typeof worldSchema>;
export type WorldProduct = World['products'][number];
export type WorldCustomer = World['customers'][number];
export type WorldService = WorldCustomer['services'][number];

/** Validates the seed world and returns it typed. @throws {Error} when the file does not match. */
export function parseWorld(raw: unknown): World {
  return worldSchema.parse(raw);
}

/** The product with this SKU. @throws {Error} when the world has none. */
export function worldProductBySku(world: World, sku: string): WorldProduct {
  const product = world.products.find((p) => p.sku === sku);
  if (!product) throw new Error(`No product with SKU ${sku} in the seed world`);
  return product;
}

/** The customer with this key (`hanako`, `taro`). @throws {Error} when the world has none. */
export function worldCustomer(world: World, key: string): WorldCustomer {
  const customer = world.customers.find((c) => c.key === key);
  if (!customer) throw new Error(`No customer ${key} in the seed world`);
  return customer;
}

/**
 * The 18-character PricebookEntry id of a product in the portal pricebook, as the Salesforce fixtures
 * use it: the product id with its `01t` key prefix replaced by `01u` (the checksum suffix is unchanged:
 * only lower-case characters differ).
 */
export function worldPricebookEntryId(product: WorldProduct): string {
  return `01u${product.productId.slice(3)}`;
}
