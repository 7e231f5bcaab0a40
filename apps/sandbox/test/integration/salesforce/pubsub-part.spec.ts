import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import world from '@portal/domain/fixtures/world.json';
import { loadSandboxEnv } from '../../../src/config/sandbox-env';
import { buildSalesforceSimulator } from '../../../src/salesforce/salesforce-sandbox';
import type { SalesforceSimulator } from '../../../src/salesforce/salesforce-simulator.types';
import { CallbackLog, connectClient, TOPIC } from './pubsub-test-harness';

describe('Pub/Sub as part of the Salesforce simulator (sandbox wiring)', () => {
  let sim: SalesforceSimulator;
  let urls: Record<string, string>;

  beforeAll(async () => {
    sim = buildSalesforceSimulator(
      loadSandboxEnv({
        SANDBOX_SALESFORCE_PORT: '0',
        SANDBOX_SALESFORCE_PUBSUB_PORT: '0',
        SANDBOX_SALESFORCE_SEED_ACCOUNTS: '2',
        SANDBOX_SALESFORCE_PUBSUB_KEEPALIVE_MS: '200',
      }),
    );
    urls = await sim.start();
  });
  afterAll(() => sim.stop());

  it('accepts tokens issued by the org and publishes the event when an agent approves an order', async () => {
    const order = sim.store.records('Order').find((record) => record.Status === 'Pending Review')!;
    const { accessToken } = sim.tokens.issue(world.salesforce.integrationUsername);
    const log = new CallbackLog();
    const client = await connectClient(urls.pubsub!, accessToken);
    client.subscribe(TOPIC, log.callback, 1);
    await log.until(() => log.of('grpcKeepAlive').length > 0);

    const approve = await fetch(`${urls.rest}/__admin/orders/${order.Id}/approve`, { method: 'POST' });
    expect(approve.status).toBe(200);
    await log.until(() => log.of('event').length === 1);
    expect(log.of('event')[0].payload).toMatchObject({ OrderId__c: order.Id, Version__c: 1 });

    const stats: any = await (await fetch(`${urls.rest}/__admin/pubsub/stats`)).json();
    expect(stats.topics[TOPIC].retainedEvents).toBe(1);
    await fetch(`${urls.rest}/__admin/pubsub/streams`, { method: 'DELETE' });
    await log.until(() => log.of('end').length === 1);
    client.close();
  });

  it('rejects a token the org has expired', async () => {
    const { accessToken } = sim.tokens.issue(world.salesforce.integrationUsername);
    sim.tokens.expireAll();
    const log = new CallbackLog();
    const client = await connectClient(urls.pubsub!, accessToken);
    client.subscribe(TOPIC, log.callback, 1);
    await log.until(() => log.of('end').length === 1);
    client.close();
    expect(log.of('error')[0]).toMatchObject({ code: 16 });
  });
});
