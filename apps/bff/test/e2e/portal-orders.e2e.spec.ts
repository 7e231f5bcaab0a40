import world from '@portal/domain/fixtures/world.json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './support/portal-harness';

const vpn = { items: [{ sku: 'VPN-STANDARD', quantity: 1 }], activationType: 'immediate' };

describe('checkout: validated against the live catalog, idempotent per key', () => {
  let portal: PortalHarness;
  let token: string;
  let n = 0;
  const post = (body: unknown, key = `orders-spec-${(n += 1)}`) =>
    portal.request('POST', '/api/orders', { token, body, headers: { 'idempotency-key': key } });
  const orderCreates = () =>
    Object.entries(portal.salesforce.context.counter.snapshot())
      .filter(([operation]) => /tree|composite|create/i.test(operation))
      .reduce((sum, [, count]) => sum + count, 0);

  beforeAll(async () => {
    portal = await startPortal();
    token = (await portal.login('taro')).accessToken;
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('refuses unknown SKUs, bad quantities and broken SIM orders with field paths, creating nothing', async () => {
    const before = orderCreates();
    const unknown = await post({ ...vpn, items: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'items.0.sku' }] });
    const quantity = await post({ ...vpn, items: [{ sku: 'VPN-STANDARD', quantity: 3 }] });
    expect(quantity.status).toBe(400);
    expect(quantity.body.fields).toEqual([{ path: 'items.0.quantity', message: expect.any(String) }]);
    const outOfRange = await post({ ...vpn, items: [{ sku: 'VPN-STANDARD', quantity: 0 }] });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.fields[0].path).toBe('items.0.quantity');
    const noFee = await post({
      items: [{ sku: 'SIM-DATA-20GB', quantity: 1 }],
      activationType: 'immediate',
      sim: { simType: 'esim', eid: '8'.repeat(32), voiceMail: false, callWaiting: false },
    });
    expect(noFee.status).toBe(400);
    expect(noFee.body.fields).toEqual([{ path: 'items', message: 'A SIM order needs the activation fee' }]);
    const missingKey = await portal.request('POST', '/api/orders', { token, body: vpn });
    expect(missingKey.status).toBe(400);
    expect(missingKey.body.fields).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    expect(orderCreates()).toBe(before);
  });

  it('refuses a SKU whose portal price was deactivated, even while the catalog is cached', async () => {
    // Cache the catalog first, then deactivate the entry in Salesforce: the live pricebook check catches it.
    expect((await portal.request('GET', '/api/catalog?type=vpn', { token })).status).toBe(200);
    const product = world.products.find((candidate) => candidate.sku === 'VPN-STANDARD')!;
    const store = portal.salesforce.store;
    const entry = store
      .records('PricebookEntry')
      .find(
        (record) =>
          record.Product2Id === product.productId &&
          record.Pricebook2Id === world.salesforce.portalPricebookId,
      )!;
    store.update('PricebookEntry', entry.Id, { IsActive: false });
    try {
      const before = orderCreates();
      const answer = await post(vpn);
      expect(answer.status).toBe(400);
      expect(answer.body.fields).toEqual([{ path: 'items.0.sku', message: expect.any(String) }]);
      expect(orderCreates()).toBe(before);
    } finally {
      store.update('PricebookEntry', entry.Id, { IsActive: true });
    }
  });

  it('creates one order for concurrent requests with one key; a failed attempt frees its key', async () => {
    const before = orderCreates();
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(vpn, 'orders-spec-concurrent')));
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.body.id)).size).toBe(1);
    for (const answer of answers.filter((candidate) => candidate.status !== 201)) {
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    }
    expect(orderCreates()).toBe(before + 1);
    const replay = await post(vpn, 'orders-spec-concurrent');
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(created[0]!.body.id);

    const invalid = await post({ ...vpn, items: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] }, 'orders-spec-retry');
    expect(invalid.status).toBe(400);
    const corrected = await post(vpn, 'orders-spec-retry');
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBe('false');
  });
});
