import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FreebitClock } from './freebit-clock';
import type { FreebitStore } from './freebit-store';

const msisdnParams = z.object({ msisdn: z.string().regex(/^\d{11,14}$/) });

/**
 * Freebit-only admin routes, beside the shared ones (counts, faults):
 * - `GET|POST /__admin/clock` (`{ offsetDays }`): time travel for usage data;
 * - `POST /__admin/auth-keys/expire`: every issued `authKey` stops working now;
 * - `PUT|DELETE /__admin/accounts/:msisdn/never-activate`: a registration of that MSISDN stays `pending`;
 * - `GET /__admin/accounts/:msisdn`: the simulator's own view of an account;
 * - `POST /__admin/reset`: reseed accounts, drop keys, reset the clock, counts and faults.
 */
export function registerFreebitAdminRoutes(
  app: FastifyInstance,
  store: FreebitStore,
  clock: FreebitClock,
  reset: () => void,
): void {
  app.get('/__admin/clock', () => ({ offsetDays: clock.getOffsetDays(), today: clock.today() }));
  app.post('/__admin/clock', (request, reply) => {
    const parsed = z.object({ offsetDays: z.number().int().min(-3_650).max(3_650) }).safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'invalid clock', issues: parsed.error.issues });
    clock.setOffsetDays(parsed.data.offsetDays);
    return { offsetDays: clock.getOffsetDays(), today: clock.today() };
  });
  app.post('/__admin/auth-keys/expire', () => ({ expired: store.expireAuthKeys() }));
  app.put('/__admin/accounts/:msisdn/never-activate', (request, reply) => {
    store.setNeverActivate(msisdnParams.parse(request.params).msisdn, true);
    return reply.code(204).send();
  });
  app.delete('/__admin/accounts/:msisdn/never-activate', (request, reply) => {
    store.setNeverActivate(msisdnParams.parse(request.params).msisdn, false);
    return reply.code(204).send();
  });
  app.get('/__admin/accounts/:msisdn', (request, reply) => {
    const account = store.find(msisdnParams.parse(request.params).msisdn);
    return account ? account : reply.code(404).send({ error: 'no such account' });
  });
  app.post('/__admin/reset', (_request, reply) => {
    reset();
    return reply.code(204).send();
  });
}
