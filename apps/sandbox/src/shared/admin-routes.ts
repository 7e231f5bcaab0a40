import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { faultSchema, type FaultInjector } from './fault-injector';
import type { RequestCounter } from './request-counter';

/**
 * The admin API every simulator shares, under `/__admin` on the simulator's own port:
 * - `GET /__admin/counts`, `DELETE /__admin/counts`: per-operation request counts;
 * - `PUT /__admin/faults/:operation` (body: a {@link faultSchema} fault; `*` matches all), `DELETE /__admin/faults`.
 * Provider-specific admin routes (approve an order, pay an invoice, time travel…) live beside each simulator.
 */
export function registerAdminRoutes(
  app: FastifyInstance,
  faults: FaultInjector,
  counter: RequestCounter,
): void {
  app.get('/__admin/counts', () => counter.snapshot());
  app.delete('/__admin/counts', (_request, reply) => {
    counter.reset();
    return reply.code(204).send();
  });
  app.put('/__admin/faults/:operation', (request, reply) => {
    const { operation } = z.object({ operation: z.string().min(1) }).parse(request.params);
    const parsed = faultSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'invalid fault', issues: parsed.error.issues });
    faults.arm(operation, parsed.data);
    return reply.code(204).send();
  });
  app.delete('/__admin/faults', (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
}
