import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, startPortal, type PortalHarness } from './support/portal-harness';

const vpnOrder = { items: [{ sku: 'VPN-STANDARD', quantity: 1 }], activationType: 'immediate' };

/** Paths naming one resource: what hanako may read, and what answers for an id nobody has. */
function resourcePaths(ids: { invoice: number; service: number; simService: number; order: string }) {
  return [
    `/api/invoices/${ids.invoice}`,
    `/api/subscriptions/${ids.service}`,
    `/api/subscriptions/${ids.simService}/sim`,
    `/api/subscriptions/${ids.simService}/sim/usage`,
    `/api/orders/${ids.order}`,
  ];
}

describe('access control: every resource is scoped to the caller', () => {
  let portal: PortalHarness;
  let hanako: string;
  let taroIds: { invoice: number; service: number; simService: number; order: string };
  let hanakoIds: typeof taroIds;

  beforeAll(async () => {
    portal = await startPortal();
    hanako = (await portal.login('hanako')).accessToken;
    const taro = (await portal.login('taro')).accessToken;
    const idsOf = async (token: string, key: 'hanako' | 'taro', idem: string) => {
      const invoices = await portal.request('GET', '/api/invoices', { token });
      const order = await portal.request('POST', '/api/orders', {
        token,
        headers: { 'idempotency-key': idem },
        body: vpnOrder,
      });
      expect(order.status).toBe(201);
      const services = customer(key).services;
      return {
        invoice: invoices.body.items[0].id as number,
        service: services[0]!.id,
        simService: services.find((service) => service.sim)!.id,
        order: order.body.id as string,
      };
    };
    taroIds = await idsOf(taro, 'taro', 'acl-taro-order-1');
    hanakoIds = await idsOf(hanako, 'hanako', 'acl-hanako-order-1');
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('answers the owner 200 for each resource', async () => {
    for (const path of resourcePaths(hanakoIds)) {
      const answer = await portal.request('GET', path, { token: hanako });
      expect(answer.status, path).toBe(200);
    }
  });

  it("answers 404 for the other customer's ids, exactly like ids that do not exist", async () => {
    const missing = resourcePaths({
      invoice: 999_999,
      service: 999_999,
      simService: 999_999,
      order: '8015g00000ZzZzZAAV',
    });
    const others = resourcePaths(taroIds);
    for (const [index, path] of others.entries()) {
      const other = await portal.request('GET', path, { token: hanako });
      const absent = await portal.request('GET', missing[index]!, { token: hanako });
      expect(other.status, path).toBe(404);
      expect(absent.status, missing[index]).toBe(404);
      expect({ code: other.body.code, message: other.body.message }, path).toEqual({
        code: absent.body.code,
        message: absent.body.message,
      });
      expect(other.text).not.toContain(customer('taro').lastname);
    }
  });

  it("never lists the other customer's data", async () => {
    const invoices = await portal.request('GET', '/api/invoices?pageSize=100', { token: hanako });
    expect(invoices.body.items.map((invoice: any) => invoice.id)).not.toContain(taroIds.invoice);
    const services = await portal.request('GET', '/api/subscriptions', { token: hanako });
    expect(services.body.items.map((service: any) => service.id)).not.toContain(taroIds.service);
    const orders = await portal.request('GET', '/api/orders?pageSize=50', { token: hanako });
    const orderIds = orders.body.items.map((order: any) => order.id);
    expect(orderIds).toContain(hanakoIds.order);
    expect(orderIds).not.toContain(taroIds.order);
  });

  it('scopes idempotency keys per customer', async () => {
    // Taro's key used by hanako is a fresh key for her: a new order, never taro's.
    const answer = await portal.request('POST', '/api/orders', {
      token: hanako,
      headers: { 'idempotency-key': 'acl-taro-order-1' },
      body: vpnOrder,
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('idempotent-replayed')).toBe('false');
    expect(answer.body.id).not.toBe(taroIds.order);
    expect(answer.body.accountId).toBe(customer('hanako').salesforceAccountId);
  });
});
