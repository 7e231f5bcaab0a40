import { z } from 'zod';
import getClientsProducts from '@portal/domain/fixtures/whmcs/get-clients-products.json';
import getInvoice from '@portal/domain/fixtures/whmcs/get-invoice.json';
import getInvoices from '@portal/domain/fixtures/whmcs/get-invoices.json';
import getOrders from '@portal/domain/fixtures/whmcs/get-orders.json';
import world from '@portal/domain/fixtures/world.json';
import { parseWorld, type World } from '@portal/domain';

/** WHMCS sends the same field as a number or a numeric string; the seed only needs the value. */
const id = z.union([z.number(), z.string()]).transform(Number);

const fixtureInvoiceSchema = z.object({
  id,
  userid: id,
  invoicenum: z.string(),
  date: z.string(),
  duedate: z.string(),
  datepaid: z.string(),
  date_refunded: z.string(),
  date_cancelled: z.string(),
  subtotal: z.string(),
  credit: z.string(),
  status: z.string(),
  paymentmethod: z.string(),
  notes: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

const fixtureInvoiceDetailSchema = z.object({
  invoiceid: id,
  items: z.object({
    item: z.array(z.object({ id, type: z.string(), relid: id, description: z.string(), amount: z.string() })),
  }),
});

const fixtureProductSchema = z.object({
  id,
  orderid: id,
  paymentmethod: z.string(),
  notes: z.string(),
  configoptions: z.object({
    configoption: z.array(z.object({ id, option: z.string(), type: z.string(), value: z.string() })),
  }),
});

const fixtureOrderSchema = z.object({
  id,
  ordernum: id,
  userid: id,
  date: z.string(),
  amount: z.string(),
  paymentmethod: z.string(),
  invoiceid: id,
  status: z.string(),
  ipaddress: z.string(),
  notes: z.string(),
  lineitems: z.object({ lineitem: z.array(z.object({ relid: id })) }),
});

export type FixtureInvoice = z.infer<typeof fixtureInvoiceSchema>;
export type FixtureInvoiceDetail = z.infer<typeof fixtureInvoiceDetailSchema>;
export type FixtureProduct = z.infer<typeof fixtureProductSchema>;
export type FixtureOrder = z.infer<typeof fixtureOrderSchema>;

export interface WhmcsFixtures {
  readonly world: World;
  readonly invoices: FixtureInvoice[];
  readonly invoiceDetails: FixtureInvoiceDetail[];
  readonly products: FixtureProduct[];
  readonly orders: FixtureOrder[];
}

/** The shared domain fixtures (world.json + the raw WHMCS payloads), validated once. */
export function loadWhmcsFixtures(): WhmcsFixtures {
  return {
    world: parseWorld(world),
    invoices: z.array(fixtureInvoiceSchema).parse(getInvoices.invoices.invoice),
    invoiceDetails: [fixtureInvoiceDetailSchema.parse(getInvoice)],
    products: z.array(fixtureProductSchema).parse(getClientsProducts.products.product),
    orders: z.array(fixtureOrderSchema).parse(getOrders.orders.order),
  };
}
