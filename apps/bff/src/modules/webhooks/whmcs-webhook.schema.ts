import { z } from 'zod';

/** Ids arrive as integers from our hook file; numeric strings are tolerated (PHP arrays are loose). */
const id = z.union([
  z.int().positive(),
  z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/)
    .transform(Number),
]);

const invoiceData = z.object({
  invoiceId: id,
  clientId: id,
  status: z.string().max(40).optional(),
  amount: z.string().max(40).optional(),
});
const serviceData = z.object({
  serviceId: id,
  clientId: id,
  productId: id.optional(),
  status: z.string().max(40).optional(),
});
const clientData = z.object({ clientId: id });

const envelope = {
  id: z.string().min(1).max(128),
  occurredAt: z.iso.datetime({ offset: true }),
};

export const WHMCS_INVOICE_EVENTS = [
  'InvoiceCreated',
  'InvoicePaid',
  'InvoiceCancelled',
  'InvoiceRefunded',
] as const;
export const WHMCS_SERVICE_EVENTS = [
  'AfterModuleCreate',
  'AfterModuleSuspend',
  'AfterModuleUnsuspend',
  'AfterModuleTerminate',
] as const;

/** The events our hook file sends: `{ id, event, occurredAt, data }` with scalar ids only. */
export const whmcsWebhookEventSchema = z.discriminatedUnion('event', [
  z.object({ ...envelope, event: z.enum(WHMCS_INVOICE_EVENTS), data: invoiceData }),
  z.object({ ...envelope, event: z.enum(WHMCS_SERVICE_EVENTS), data: serviceData }),
  z.object({ ...envelope, event: z.literal('ClientEdit'), data: clientData }),
]);
export type WhmcsWebhookEvent = z.infer<typeof whmcsWebhookEventSchema>;

/** Enough to acknowledge and log an event we do not handle (yet). */
export const whmcsWebhookEnvelopeSchema = z.object({ id: envelope.id, event: z.string().min(1).max(100) });

export const KNOWN_WHMCS_EVENTS: ReadonlySet<string> = new Set([
  ...WHMCS_INVOICE_EVENTS,
  ...WHMCS_SERVICE_EVENTS,
  'ClientEdit',
]);
