import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesforceEventsModule } from '../../../src/integrations/salesforce/events/salesforce-events.module';
import { SalesforceEventsSubscriberService } from '../../../src/integrations/salesforce/events/salesforce-events-subscriber.service';
import {
  HANAKO_ACCOUNT,
  type InProcessWorker,
  INTERNET_SKUS,
  ProvisioningWorld,
  SIM_SKUS,
  sleep,
  startInProcessWorker,
  TARO_ACCOUNT,
} from './provisioning-test-harness';

/** The whole chain in one BFF (BFF_ROLE=all): Pub/Sub subscriber → provisioning queue → worker → providers. */
describe('provisioning from platform events over the Pub/Sub API', () => {
  let world: ProvisioningWorld;
  let bff: InProcessWorker;

  beforeAll(async () => {
    world = await ProvisioningWorld.start();
    bff = await startInProcessWorker(world, { BFF_ROLE: 'all', SF_EVENTS_ENABLED: 'true' }, [
      SalesforceEventsModule,
    ]);
    const subscriber = bff.module.get(SalesforceEventsSubscriberService);
    await world.waitFor(() => subscriber.isSubscribed, 20_000, 'the subscriber');
    await sleep(500); // its first FetchRequest reaches the org (replay from LATEST)
  });

  afterAll(async () => {
    await bff.close();
    await world.stop();
  });

  it('an agent approving an order in Salesforce (the org Flow publishes the event) ends Activated', async () => {
    const orderId = world.createApprovedOrder({ accountId: TARO_ACCOUNT, skus: SIM_SKUS });
    await world.waitForCompleted(orderId, 30_000);
    expect(world.order(orderId).Activation_Status__c).toBe('Activated');
    expect(world.whmcsOrders(orderId)).toHaveLength(1);
  });

  it('the same event delivered 5 times at once → one job, one AddOrder', async () => {
    const orderId = world.createApprovedOrder({
      accountId: HANAKO_ACCOUNT,
      skus: INTERNET_SKUS,
      viaFlow: false,
    });
    const addOrdersBefore = world.whmcsCount('AddOrder');
    for (let i = 0; i < 5; i++) world.publishOnPubSub(orderId, `${orderId}:2026-11-25T21:45:00Z`);

    await world.waitForCompleted(orderId, 30_000);
    await sleep(500);
    expect(world.order(orderId).Activation_Status__c).toBe('Activated');
    expect(world.whmcsCount('AddOrder') - addOrdersBefore).toBe(1);
    expect(world.whmcsOrders(orderId)).toHaveLength(1);
    const jobs = await world.queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed']);
    expect(jobs.filter((job) => job.data.orderId === orderId)).toHaveLength(1);
  });
});
