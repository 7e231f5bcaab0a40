import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, startPortal, type PortalHarness } from './support/portal-harness';

const simOrder = {
  items: [
    { sku: 'SIM-DATA-VOICE-5GB', quantity: 1 },
    { sku: 'SIM-ACTIVATION-FEE', quantity: 1 },
  ],
  activationType: 'immediate',
  sim: { simType: 'physical', voiceMail: false, callWaiting: false },
};

describe('a customer visit over HTTP (booted app, sandbox simulators, real Redis)', () => {
  let portal: PortalHarness;

  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('logs in, reads everything, orders (idempotently), refreshes and logs out', async () => {
    const hanako = customer('hanako');
    const login = await portal.request('POST', '/api/auth/login', {
      body: { email: hanako.email, password: hanako.password },
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const token: string = login.body.accessToken;

    const me = await portal.request('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      whmcsClientId: hanako.whmcsClientId,
      salesforceAccountId: hanako.salesforceAccountId,
      email: hanako.email,
      customerNumber: hanako.customerNumber,
    });

    const page1 = await portal.request('GET', '/api/invoices?page=1&pageSize=4', { token });
    const page2 = await portal.request('GET', '/api/invoices?page=2&pageSize=4', { token });
    expect(page1.status).toBe(200);
    expect(page2.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, pageSize: 4, totalItems: 6 });
    expect(page1.body.items).toHaveLength(4);
    expect(page2.body).toMatchObject({ page: 2, totalItems: 6 });
    expect(page2.body.items).toHaveLength(2);
    const ids = [...page1.body.items, ...page2.body.items].map((invoice: any) => invoice.id);
    expect(new Set(ids).size).toBe(6);

    const invoice = await portal.request('GET', `/api/invoices/${ids[0]}`, { token });
    expect(invoice.status).toBe(200);
    expect(invoice.body.id).toBe(ids[0]);
    expect(Array.isArray(invoice.body.items)).toBe(true);

    const subscriptions = await portal.request('GET', '/api/subscriptions', { token });
    expect(subscriptions.status).toBe(200);
    expect(subscriptions.body.items.map((item: any) => item.id).sort()).toEqual(
      hanako.services.map((service) => service.id).sort(),
    );
    const simService = hanako.services.find((service) => service.sim)!;
    const one = await portal.request('GET', `/api/subscriptions/${simService.id}`, { token });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: simService.id,
      isSim: true,
      sim: { msisdn: simService.sim!.msisdn },
    });

    const sim = await portal.request('GET', `/api/subscriptions/${simService.id}/sim`, { token });
    expect(sim.status).toBe(200);
    expect(sim.body.msisdn).toBe(simService.sim!.msisdn);
    const usage = await portal.request('GET', `/api/subscriptions/${simService.id}/sim/usage`, { token });
    expect(usage.status).toBe(200);
    expect(Array.isArray(usage.body.days)).toBe(true);

    const catalog = await portal.request('GET', '/api/catalog?type=sim', { token });
    expect(catalog.status).toBe(200);
    expect(catalog.body.map((product: any) => product.sku)).toEqual(
      expect.arrayContaining(['SIM-DATA-VOICE-5GB', 'SIM-ACTIVATION-FEE']),
    );

    portal.resetCounts();
    const headers = { 'idempotency-key': 'visit-order-0001' };
    const created = await portal.request('POST', '/api/orders', { token, headers, body: simOrder });
    expect(created.status).toBe(201);
    expect(created.headers.get('idempotent-replayed')).toBe('false');
    expect(created.body).toMatchObject({ status: 'Pending Review', accountId: hanako.salesforceAccountId });
    expect(created.body.items.map((item: any) => item.sku).sort()).toEqual([
      'SIM-ACTIVATION-FEE',
      'SIM-DATA-VOICE-5GB',
    ]);
    const replay = await portal.request('POST', '/api/orders', { token, headers, body: simOrder });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(created.body.id);
    const creates = Object.entries(portal.salesforce.context.counter.snapshot())
      .filter(([operation]) => /create|tree|composite/i.test(operation))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(creates).toBe(1);
    const changed = await portal.request('POST', '/api/orders', {
      token,
      headers,
      body: { ...simOrder, activationType: 'scheduled', activationScheduledAt: '2026-12-24T01:00:00Z' },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const orders = await portal.request('GET', '/api/orders', { token });
    expect(orders.status).toBe(200);
    expect(orders.body.items[0].id).toBe(created.body.id);
    const detail = await portal.request('GET', `/api/orders/${created.body.id}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.body.items).toHaveLength(2);

    const refreshed = await portal.request('POST', '/api/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    expect((await portal.request('GET', '/api/me', { token: refreshed.body.accessToken })).status).toBe(200);

    const logout = await portal.request('POST', '/api/auth/logout', {
      body: { refreshToken: refreshed.body.refreshToken },
    });
    expect(logout.status).toBe(204);
    const afterLogout = await portal.request('POST', '/api/auth/refresh', {
      body: { refreshToken: refreshed.body.refreshToken },
    });
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.body.code).toBe('INVALID_REFRESH_TOKEN');
  });
});
