import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './support/portal-harness';

async function whmcsAdmin(portal: PortalHarness, path: string, body: unknown, method = 'POST'): Promise<any> {
  const response = await fetch(`${portal.whmcs.url}/__admin${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return response.json();
}

const sfQueries = (portal: PortalHarness): number =>
  Object.entries(portal.salesforce.context.counter.snapshot())
    .filter(([operation]) => operation.startsWith('query'))
    .reduce((sum, [, count]) => sum + count, 0);

describe('portal caching: cached reads, webhook invalidation, stampede protection', () => {
  let portal: PortalHarness;
  let hanako: string;
  let taro: string;

  beforeAll(async () => {
    // A generous Redis timeout: on a loaded 2-core machine a timed-out SET would be a (correct) cache miss
    // and a second WHMCS call, which is not what the stampede assertion is about.
    portal = await startPortal({ env: { REDIS_COMMAND_TIMEOUT_MS: '3000' } });
    hanako = (await portal.login('hanako')).accessToken;
    taro = (await portal.login('taro')).accessToken;
  });
  beforeEach(() => portal.resetCounts());
  afterAll(async () => {
    await portal?.close();
  });

  it('serves the second identical read without a provider call', async () => {
    const reads: [string, () => number][] = [
      ['/api/invoices?page=1', () => portal.whmcs.counter.get('GetInvoices')],
      ['/api/invoices?page=1&status=paid&pageSize=3', () => portal.whmcs.counter.get('GetInvoices')],
      ['/api/subscriptions', () => portal.whmcs.counter.get('GetClientsProducts')],
      ['/api/me', () => portal.whmcs.counter.get('GetClientsDetails') + sfQueries(portal)],
      ['/api/catalog?type=internet', () => sfQueries(portal)],
      ['/api/orders', () => sfQueries(portal)],
    ];
    for (const [path, providerCalls] of reads) {
      const before = providerCalls();
      const first = await portal.request('GET', path, { token: hanako });
      expect(first.status, path).toBe(200);
      const afterFirst = providerCalls();
      expect(afterFirst, path).toBeGreaterThan(before);
      const second = await portal.request('GET', path, { token: hanako });
      expect(second.status, path).toBe(200);
      expect(second.text, path).toBe(first.text);
      expect(providerCalls(), path).toBe(afterFirst);
    }
  });

  it('keeps each customer in their own cache entries', async () => {
    const mine = await portal.request('GET', '/api/invoices?page=1', { token: hanako });
    const theirs = await portal.request('GET', '/api/invoices?page=1', { token: taro });
    expect(mine.status).toBe(200);
    expect(theirs.status).toBe(200);
    expect(theirs.text).not.toBe(mine.text);
  });

  it('reads fresh data after a WHMCS webhook for that customer', async () => {
    const before = await portal.request('GET', '/api/invoices?page=1', { token: hanako });
    const calls = portal.whmcs.counter.get('GetInvoices');
    const { invoiceId } = await whmcsAdmin(portal, '/invoices', {
      clientId: 1,
      items: [{ description: 'Webhook test', amount: '1000.00' }],
    });
    await portal.whmcs.emitter.settle();
    const delivery = portal.whmcs.emitter.deliveries().at(-1);
    expect(delivery).toMatchObject({ status: 200 });
    const after = await portal.request('GET', '/api/invoices?page=1', { token: hanako });
    expect(portal.whmcs.counter.get('GetInvoices')).toBe(calls + 1);
    expect(after.status, after.text).toBe(200);
    expect(after.body.totalItems).toBe(before.body.totalItems + 1);
    expect(after.body.items.map((invoice: any) => invoice.id)).toContain(invoiceId);

    // A service event drops the subscription list.
    await portal.request('GET', '/api/subscriptions', { token: hanako });
    await whmcsAdmin(portal, '/services/1002/status', { status: 'Suspended' });
    await portal.whmcs.emitter.settle();
    const services = await portal.request('GET', '/api/subscriptions', { token: hanako });
    expect(services.body.items.find((service: any) => service.id === 1002).status).toBe('suspended');

    // A client edit drops the merged profile.
    expect((await portal.request('GET', '/api/me', { token: hanako })).body.firstName).toBe('Hanako');
    await whmcsAdmin(portal, '/clients/1', { firstname: 'Hanae' }, 'PATCH');
    await portal.whmcs.emitter.settle();
    expect((await portal.request('GET', '/api/me', { token: hanako })).body.firstName).toBe('Hanae');
  });

  it('answers 500 concurrent cold reads of one page with one WHMCS call', async () => {
    const before = portal.whmcs.counter.get('GetInvoices');
    const answers = await Promise.all(
      Array.from({ length: 500 }, () => portal.request('GET', '/api/invoices?page=2', { token: taro })),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(portal.whmcs.counter.get('GetInvoices') - before).toBe(1);
  });
});
