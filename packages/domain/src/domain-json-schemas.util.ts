import { z } from 'zod';
import { currencySchema } from './billing/currency.schema';
import { invoiceItemSchema, invoicePageSchema, invoiceSchema } from './billing/invoice.schema';
import { catalogProductSchema } from './catalog/catalog-product.schema';
import { moneySchema } from './common/money.schema';
import { customerProfileSchema } from './customers/customer.schema';
import { newOrderSchema } from './orders/new-order.schema';
import { orderItemSchema, orderSchema, orderSummarySchema } from './orders/order.schema';
import { simDetailsSchema, simUsageSchema } from './sim/sim.schema';
import { subscriptionListSchema, subscriptionSchema } from './subscriptions/subscription.schema';

// Response types describe what the BFF sends; NewOrder describes what it accepts.
const OUTPUT_SCHEMAS = {
  Money: moneySchema,
  Currency: currencySchema,
  Invoice: invoiceSchema,
  InvoiceItem: invoiceItemSchema,
  InvoicePage: invoicePageSchema,
  Subscription: subscriptionSchema,
  SubscriptionList: subscriptionListSchema,
  CatalogProduct: catalogProductSchema,
  Order: orderSchema,
  OrderItem: orderItemSchema,
  OrderSummary: orderSummarySchema,
  CustomerProfile: customerProfileSchema,
  SimDetails: simDetailsSchema,
  SimUsage: simUsageSchema,
} as const;

const INPUT_SCHEMAS = { NewOrder: newOrderSchema } as const;

/** Names of the public domain types exported as JSON Schema. */
export type DomainSchemaName = keyof typeof OUTPUT_SCHEMAS | keyof typeof INPUT_SCHEMAS;

/**
 * JSON Schema (draft 2020-12) of every public domain type, keyed by type name, for the OpenAPI document.
 * Each call builds fresh objects, so callers may mutate the result.
 */
export function domainJsonSchemas(): Record<DomainSchemaName, Record<string, unknown>> {
  const out = {} as Record<DomainSchemaName, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(OUTPUT_SCHEMAS)) {
    out[name as DomainSchemaName] = z.toJSONSchema(schema, { io: 'output' });
  }
  for (const [name, schema] of Object.entries(INPUT_SCHEMAS)) {
    out[name as DomainSchemaName] = z.toJSONSchema(schema, { io: 'input' });
  }
  return out;
}
