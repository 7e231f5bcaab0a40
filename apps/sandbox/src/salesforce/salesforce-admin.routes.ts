import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerAdminRoutes } from '../shared/admin-routes';
import { SalesforceApiError } from './salesforce-api-error';
import type { SalesforceSimulatorContext } from './salesforce-simulator.types';

/**
 * Sandbox-only admin API (besides the shared `/__admin/counts` and `/__admin/faults/:operation`):
 * - `POST /__admin/orders/:id/approve`: what an agent does; the org's Flow then publishes the platform event;
 * - `POST /__admin/tokens/expire`: revokes every issued access token (the next call gets 401);
 * - `GET /__admin/tokens`: how many tokens were ever issued;
 * - `GET /__admin/records/counts`: records per sObject.
 */
export function registerSalesforceAdminRoutes(
  app: FastifyInstance,
  context: SalesforceSimulatorContext,
): void {
  registerAdminRoutes(app, context.faults, context.counter);

  app.post('/__admin/orders/:id/approve', (request, reply) => {
    const { id } = z.object({ id: z.string() }).parse(request.params);
    try {
      return reply.send(context.store.approveOrder(id));
    } catch (error) {
      if (error instanceof SalesforceApiError) return reply.code(error.status).send(error.toBody());
      throw error;
    }
  });
  app.post('/__admin/tokens/expire', (_request, reply) => {
    context.tokens.expireAll();
    return reply.code(204).send();
  });
  app.get('/__admin/tokens', () => ({ issued: context.tokens.issued }));
  app.get('/__admin/records/counts', () => context.store.counts());
}
