import { describe, expect, it } from 'vitest';
import { newOrderSchema } from './new-order.schema';

const simOrder = {
  items: [
    { sku: 'SIM-DATA-VOICE-5GB', quantity: 1 },
    { sku: 'SIM-ACTIVATION-FEE', quantity: 1 },
  ],
  activationType: 'immediate',
  sim: { simType: 'esim', eid: '89049032000001000000123456789012', voiceMail: true, callWaiting: false },
};

const issuePaths = (input: unknown) =>
  newOrderSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('newOrderSchema', () => {
  it('accepts a SIM order with an eSIM EID and a scheduled internet order', () => {
    expect(newOrderSchema.safeParse(simOrder).success).toBe(true);
    expect(
      newOrderSchema.safeParse({
        items: [{ sku: 'INTERNET-GOLD-HOME-1G', quantity: 1 }],
        activationType: 'scheduled',
        activationScheduledAt: '2026-12-01T01:00:00Z',
      }).success,
    ).toBe(true);
  });

  it('enforces the cross-field rules', () => {
    expect(issuePaths({ ...simOrder, items: [simOrder.items[0], simOrder.items[0]] })).toEqual([
      'items.1.sku',
    ]);
    expect(issuePaths({ ...simOrder, activationType: 'scheduled' })).toEqual(['activationScheduledAt']);
    expect(issuePaths({ ...simOrder, sim: { ...simOrder.sim, eid: undefined } })).toEqual(['sim.eid']);
  });

  it('rejects empty orders, bad SKUs, quantities and MNP numbers', () => {
    expect(issuePaths({ ...simOrder, items: [] })).toEqual(['items']);
    expect(issuePaths({ ...simOrder, items: [{ sku: "x' OR 1=1", quantity: 1 }] })).toEqual(['items.0.sku']);
    expect(issuePaths({ ...simOrder, items: [{ sku: 'VPN-STANDARD', quantity: 0 }] })).toEqual([
      'items.0.quantity',
    ]);
    expect(
      issuePaths({
        ...simOrder,
        sim: {
          ...simOrder.sim,
          mnp: { reserveNumber: '123', reserveExpireDate: '2026-12-01', msisdn: '09012345678' },
        },
      }),
    ).toEqual(['sim.mnp.reserveNumber']);
  });
});
