import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { WhmcsActions } from './whmcs-actions';
import { addDays, htmlEscape, parseCents, toDate } from './whmcs-format.util';
import type { WhmcsWebhookEmitter } from './whmcs-webhook-emitter';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const amount = z
  .string()
  .refine((value) => parseCents(value) !== undefined, 'a decimal amount such as "1650.00"');

const createInvoiceSchema = z.object({
  clientId: z.number().int().positive(),
  items: z
    .array(
      z.object({
        description: z.string().min(1),
        amount,
        type: z.string().default('Item'),
        relid: z.number().int().min(0).default(0),
      }),
    )
    .min(1),
  dueDate: z.iso.date().optional(),
});
const serviceStatusSchema = z.object({
  status: z.enum(['Active', 'Suspended', 'Terminated']),
  reason: z.string().optional(),
});
const clientEditSchema = z
  .object({
    firstname: z.string(),
    lastname: z.string(),
    companyname: z.string(),
    email: z.email(),
    phonenumber: z.string(),
    address1: z.string(),
    city: z.string(),
    state: z.string(),
    postcode: z.string(),
  })
  .partial();
const webhookTargetSchema = z.object({
  url: z.url().nullable(),
  secrets: z.array(z.string().min(1)).min(1).optional(),
});

/**
 * WHMCS-specific admin routes (the shared ones are in `shared/admin-routes.ts`). Each state change here fires the
 * webhook the hook file would send.
 */
export function registerWhmcsAdminRoutes(
  app: FastifyInstance,
  actions: WhmcsActions,
  emitter: WhmcsWebhookEmitter,
): void {
  app.post('/__admin/invoices', (request, reply) => {
    const parsed = createInvoiceSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid invoice', issues: parsed.error.issues });
    const { clientId, items, dueDate } = parsed.data;
    const invoice = actions.createInvoice(
      clientId,
      // WHMCS stores what an admin types HTML-escaped.
      items.map((item) => ({
        ...item,
        description: htmlEscape(item.description),
        amountCents: parseCents(item.amount)!,
      })),
      dueDate ?? addDays(toDate(new Date()), 14),
    );
    return reply.code(201).send({ invoiceId: invoice.id, status: invoice.status });
  });

  app.post('/__admin/invoices/:id/pay', (request, reply) => {
    const { id } = idParams.parse(request.params);
    const invoice = actions.payInvoice(id);
    if (!invoice) return reply.code(409).send({ error: 'invoice not found or not Unpaid' });
    return { invoiceId: invoice.id, status: invoice.status };
  });

  for (const [path, status] of [
    ['cancel', 'Cancelled'],
    ['refund', 'Refunded'],
  ] as const) {
    app.post(`/__admin/invoices/:id/${path}`, (request, reply) => {
      const { id } = idParams.parse(request.params);
      const invoice = actions.setInvoiceStatus(id, status);
      if (!invoice) return reply.code(404).send({ error: 'invoice not found' });
      return { invoiceId: invoice.id, status: invoice.status };
    });
  }

  app.post('/__admin/services/:id/status', (request, reply) => {
    const { id } = idParams.parse(request.params);
    const parsed = serviceStatusSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid status', issues: parsed.error.issues });
    const service = actions.setServiceStatus(id, parsed.data.status, parsed.data.reason);
    if (!service) return reply.code(404).send({ error: 'service not found' });
    return { serviceId: service.id, status: service.status };
  });

  app.patch('/__admin/clients/:id', (request, reply) => {
    const { id } = idParams.parse(request.params);
    const parsed = clientEditSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid client edit', issues: parsed.error.issues });
    const client = actions.editClient(id, parsed.data);
    if (!client) return reply.code(404).send({ error: 'client not found' });
    return { clientId: client.id };
  });

  app.put('/__admin/webhooks', (request, reply) => {
    const parsed = webhookTargetSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid target', issues: parsed.error.issues });
    emitter.target.url = parsed.data.url ?? undefined;
    if (parsed.data.secrets) emitter.target.secrets = parsed.data.secrets;
    return reply.code(204).send();
  });
  app.get('/__admin/webhooks', async () => {
    await emitter.settle();
    return { deliveries: emitter.deliveries() };
  });
  app.delete('/__admin/webhooks', (_request, reply) => {
    emitter.clearLog();
    return reply.code(204).send();
  });
}
