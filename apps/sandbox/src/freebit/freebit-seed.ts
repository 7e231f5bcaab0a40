import world from '@portal/domain/fixtures/world.json';
import { z } from 'zod';
import { toFreebitDate } from './freebit-clock';
import type { FreebitAccount } from './freebit-store';

/** The slice of world.json the Freebit simulator needs: SIM services and the plan codes of their SKUs. */
const worldSchema = z.object({
  products: z.array(z.object({ sku: z.string(), freebitPlanCode: z.string().optional() })),
  customers: z.array(
    z.object({
      services: z.array(
        z.object({
          sku: z.string(),
          status: z.string(),
          regdate: z.string(),
          sim: z
            .object({ msisdn: z.string(), productNumber: z.string(), eid: z.string().nullable() })
            .optional(),
        }),
      ),
    }),
  ),
});

/**
 * One Freebit account per SIM MSISDN that a WHMCS service carries, so every system agrees.
 * Status follows the WHMCS service (Suspended → suspended, Cancelled/Terminated → cancelled).
 */
export function seedAccounts(source: unknown = world): FreebitAccount[] {
  const parsed = worldSchema.parse(source);
  const planBySku = new Map(parsed.products.map((product) => [product.sku, product.freebitPlanCode]));
  return parsed.customers.flatMap((customer) =>
    customer.services.flatMap((service): FreebitAccount[] => {
      if (!service.sim) return [];
      return [
        {
          msisdn: service.sim.msisdn,
          productNumber: service.sim.productNumber,
          eid: service.sim.eid,
          planCode: planBySku.get(service.sku) ?? 'PASI_5G',
          contractLine: service.sim.eid === null ? '4G' : '5G',
          state: stateFor(service.status),
          startDate: toFreebitDate(new Date(`${service.regdate}T00:00:00Z`)),
          voiceMail: service.sku.includes('VOICE'),
          callWaiting: false,
          addedQuotaMb: 0,
        },
      ];
    }),
  );
}

function stateFor(whmcsStatus: string): FreebitAccount['state'] {
  if (whmcsStatus === 'Suspended') return 'suspended';
  if (whmcsStatus === 'Cancelled' || whmcsStatus === 'Terminated') return 'cancelled';
  return 'active';
}
