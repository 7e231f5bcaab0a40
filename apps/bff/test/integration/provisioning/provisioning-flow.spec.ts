import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invoicesKey, subscriptionsKey } from '../../../src/infra/cache/cache-keys';
import { CacheService } from '../../../src/infra/cache/cache.service';
import { MetricsService } from '../../../src/core/metrics/metrics.service';
import { ProvisioningQueueService } from '../../../src/modules/provisioning/services/provisioning-queue.service';
import {
  EID,
  HANAKO_ACCOUNT,
  HANAKO_CLIENT,
  INTERNET_SKUS,
  type InProcessWorker,
  ProvisioningWorld,
  SIM_SKUS,
  startInProcessWorker,
  TARO_ACCOUNT,
  TARO_CLIENT,
} from './provisioning-test-harness';
import { z } from 'zod';

const cachedSchema = z.object({ marker: z.string() });

describe('order provisioning (real worker, sandbox simulators, Redis)', () => {
  let world: ProvisioningWorld;
  let worker: InProcessWorker | undefined;

  beforeAll(async () => {
    world = await ProvisioningWorld.start();
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await fetch(`${world.whmcs.url}/__admin/faults`, { method: 'DELETE' });
  });

  afterAll(async () => {
    await world.stop();
  });

  async function seedCaches(clientId: number): Promise<CacheService> {
    const cache = worker!.module.get(CacheService);
    const userId = String(clientId);
    await cache.set(subscriptionsKey(userId), { marker: 'stale' }, 300, { schema: cachedSchema });
    await cache.set(invoicesKey(userId, 1), { marker: 'stale' }, 300, { schema: cachedSchema });
    expect(await cache.get(subscriptionsKey(userId))).toBeDefined();
    return cache;
  }

  it('SIM order: Salesforce Activated with the WHMCS ids, one accepted WHMCS order, one active Freebit account, SIM fields, caches dropped', async () => {
    worker = await startInProcessWorker(world);
    const cache = await seedCaches(TARO_CLIENT);
    const registrationsBefore = world.freebitCount('PA02-01');
    const orderId = world.createApprovedOrder({ accountId: TARO_ACCOUNT, skus: SIM_SKUS, eid: EID });
    const correlationId = await world.publish(orderId);

    await world.waitForCompleted(orderId);
    expect(world.order(orderId).Activation_Status__c).toBe('Activated');

    const whmcsOrders = world.whmcsOrders(orderId);
    expect(whmcsOrders).toHaveLength(1);
    const whmcsOrder = whmcsOrders[0]!;
    expect(whmcsOrder.status).toBe('Active');
    expect(whmcsOrder.userid).toBe(TARO_CLIENT);
    const order = world.order(orderId);
    expect(order.WHMCS_Order_ID__c).toBe(String(whmcsOrder.id));
    expect(order.Activation_Error_Code__c ?? null).toBeNull();
    const items = world.orderItems(orderId);
    expect(items.map((item) => item.WHMCS_Service_ID__c).sort()).toEqual([...whmcsOrder.serviceIds].sort());

    // The SIM plan's service carries the SIM identifiers; Freebit has that SIM active.
    const services = whmcsOrder.serviceIds.map((id) => world.whmcs.state.services.get(id)!);
    const simService = services.find((service) => service.pid === 301)!;
    expect(simService.status).toBe('Active');
    const msisdn = simService.customFields.get(11)!;
    expect(msisdn).toMatch(/^\d{11}$/);
    expect(simService.customFields.get(12)).toMatch(/^PV\d{13}$/);
    expect(simService.customFields.get(13)).toBe(EID);
    const account = world.freebit.store.find(msisdn);
    expect(account?.state).toBe('active');
    expect(account?.eid).toBe(EID);
    expect(world.freebitCount('PA02-01') - registrationsBefore).toBe(1);

    expect(await cache.get(subscriptionsKey(String(TARO_CLIENT)))).toBeUndefined();
    expect(await cache.get(invoicesKey(String(TARO_CLIENT), 1))).toBeUndefined();

    // Every worker line about this job carries the request id the event brought.
    const lines = worker.logs.records().filter((line) => line.orderId === orderId);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.requestId).toBe(correlationId);
    // …including the provider services' own lines.
    expect(lines.some((line) => line.context === 'FreebitOrchestratorService')).toBe(true);
    expect(worker.logs.text()).toContain('"msg":"WHMCS order added"');

    const metrics = await worker.module.get(MetricsService).registry.metrics();
    expect(metrics).toMatch(/bff_provisioning_jobs_total\{outcome="activated"\} 1/);
    expect(metrics).toContain('bff_provisioning_event_to_activated_seconds_count 1');
    expect(metrics).toMatch(/bff_provisioning_step_duration_seconds_count\{step="sims"\} 1/);
    expect(metrics).toMatch(/bff_provisioning_attempts_count 1/);
    expect(metrics).toMatch(/bff_provisioning_queue_depth\{state="waiting"\} 0/);
  });

  it('non-SIM order: Activated with the WHMCS ids, no Freebit call, caches dropped', async () => {
    worker = await startInProcessWorker(world);
    const cache = await seedCaches(HANAKO_CLIENT);
    const freebitCalls = world.freebitCount('PA02-01') + world.freebitCount('PA03-02');
    const orderId = world.createApprovedOrder({ accountId: HANAKO_ACCOUNT, skus: INTERNET_SKUS });
    await world.publish(orderId);

    await world.waitForCompleted(orderId);
    expect(world.order(orderId).Activation_Status__c).toBe('Activated');
    const whmcsOrders = world.whmcsOrders(orderId);
    expect(whmcsOrders).toHaveLength(1);
    expect(whmcsOrders[0]!.status).toBe('Active');
    expect(world.order(orderId).WHMCS_Order_ID__c).toBe(String(whmcsOrders[0]!.id));
    for (const item of world.orderItems(orderId)) {
      expect(whmcsOrders[0]!.serviceIds).toContain(item.WHMCS_Service_ID__c);
    }
    expect(world.freebitCount('PA02-01') + world.freebitCount('PA03-02')).toBe(freebitCalls);
    expect(await cache.get(subscriptionsKey(String(HANAKO_CLIENT)))).toBeUndefined();
    expect(await cache.get(invoicesKey(String(HANAKO_CLIENT), 1))).toBeUndefined();
  });

  it('the same event delivered 5 times concurrently (and 5 jobs with other ids) → one AddOrder', async () => {
    const orderId = world.createApprovedOrder({ accountId: HANAKO_ACCOUNT, skus: INTERNET_SKUS });
    const addOrdersBefore = world.whmcsCount('AddOrder');
    // The same event five times (one job id), plus the order re-published under five other idempotency keys.
    await Promise.all([
      ...Array.from({ length: 5 }, () => world.publish(orderId)),
      ...Array.from({ length: 5 }, (_, i) => world.publish(orderId, `${orderId}:replay-${i}`)),
    ]);
    expect(await world.queue.getJobCountByTypes('waiting')).toBe(6);
    // Jobs that find the order busy retry; give them room (~9 s of backoff) on a loaded machine.
    worker = await startInProcessWorker(world, {
      PROVISIONING_CONCURRENCY: '6',
      PROVISIONING_BACKOFF_BASE_MS: '200',
      PROVISIONING_BACKOFF_MAX_MS: '2000',
    });

    await world.waitForStatus(orderId, 'Activated');
    await world.waitFor(
      async () => (await world.queue.getJobCountByTypes('completed')) >= 6,
      20_000,
      '6 jobs done',
    );

    expect(world.whmcsCount('AddOrder') - addOrdersBefore).toBe(1);
    expect(world.whmcsOrders(orderId)).toHaveLength(1);
    expect(await world.queue.getJobCountByTypes('failed')).toBe(0);
    await world.queue.obliterate({ force: true });
  });

  it('WHMCS answering 503 three times → retried with backoff, the order completes later', async () => {
    worker = await startInProcessWorker(world);
    await fetch(`${world.whmcs.url}/__admin/faults/AddOrder`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failure: 'status:503', times: 3 }),
    });
    const addOrdersBefore = world.whmcsCount('AddOrder');
    const orderId = world.createApprovedOrder({ accountId: TARO_ACCOUNT, skus: INTERNET_SKUS });
    await world.publish(orderId);

    await world.waitForCompleted(orderId);
    expect(world.order(orderId).Activation_Status__c).toBe('Activated');
    expect(world.whmcsCount('AddOrder') - addOrdersBefore).toBe(4);
    expect(world.whmcsOrders(orderId)).toHaveLength(1);
    const job = (await world.queue.getJobs(['completed'])).find(
      (candidate) => candidate.data.orderId === orderId,
    )!;
    // Three failed attempts and the successful fourth (BullMQ counts the finishing attempt too).
    expect(job.attemptsMade).toBe(4);
    expect(job.returnvalue).toBe('activated');
  });

  it('a permanent error (account without a WHMCS client) → Failed in Salesforce with the code, no further attempts', async () => {
    worker = await startInProcessWorker(world, { ADMIN_API_TOKEN: 'x'.repeat(40) });
    const accountId = world.createAccount('Unlinked Customer', null);
    const addOrdersBefore = world.whmcsCount('AddOrder');
    const orderId = world.createApprovedOrder({ accountId, skus: INTERNET_SKUS });
    await world.publish(orderId);

    await world.waitForStatus(orderId, 'Failed');
    const order = world.order(orderId);
    expect(order.Activation_Error_Code__c).toBe('WHMCS_CLIENT_MISSING');
    expect(order.Activation_Error_Message__c).toMatch(/not linked to a billing/);
    await world.waitFor(
      async () => (await world.queue.getJobCountByTypes('failed')) === 1,
      5_000,
      'failed job',
    );
    const [job] = await world.queue.getJobs(['failed']);
    expect(job!.attemptsMade).toBe(1);
    expect(await world.queue.getJobCountByTypes('delayed', 'waiting')).toBe(0);
    expect(world.whmcsCount('AddOrder')).toBe(addOrdersBefore);

    // Operators see it and can retry it once the account is fixed.
    const queue = worker.module.get(ProvisioningQueueService);
    const failed = await queue.listFailed(10);
    expect(failed.map((entry) => entry.orderId)).toContain(orderId);
    world.sf.simulator.store.update('Account', accountId, { WHMCS_Client_ID__c: TARO_CLIENT });
    await queue.retryFailed(job!.id!);
    await world.waitForStatus(orderId, 'Activated');
    expect(world.whmcsOrders(orderId)).toHaveLength(1);
  });

  it('WHMCS refusing the payment method → Failed with PAYMENT_METHOD_MISSING after one attempt', async () => {
    worker = await startInProcessWorker(world);
    await fetch(`${world.whmcs.url}/__admin/faults/AddOrder`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        failure: 'error:Invalid Payment Method. Valid options include mailin',
        times: 1,
      }),
    });
    const orderId = world.createApprovedOrder({ accountId: HANAKO_ACCOUNT, skus: INTERNET_SKUS });
    await world.publish(orderId);

    await world.waitForStatus(orderId, 'Failed');
    expect(world.order(orderId).Activation_Error_Code__c).toBe('PAYMENT_METHOD_MISSING');
    await world.waitFor(
      async () => (await world.queue.getJobs(['failed'])).some((job) => job.data.orderId === orderId),
      5_000,
      'failed job',
    );
    const job = (await world.queue.getJobs(['failed'])).find(
      (candidate) => candidate.data.orderId === orderId,
    )!;
    expect(job.attemptsMade).toBe(1);
    expect(world.whmcsOrders(orderId)).toHaveLength(0);
  });

  it('temporary failures past the last attempt → Failed in Salesforce with the last error code', async () => {
    worker = await startInProcessWorker(world, { PROVISIONING_ATTEMPTS: '3' });
    await fetch(`${world.whmcs.url}/__admin/faults/AddOrder`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failure: 'status:503' }),
    });
    const addOrdersBefore = world.whmcsCount('AddOrder');
    const orderId = world.createApprovedOrder({ accountId: TARO_ACCOUNT, skus: INTERNET_SKUS });
    await world.publish(orderId);

    await world.waitForStatus(orderId, 'Failed');
    expect(world.order(orderId).Activation_Error_Code__c).toBe('WHMCS_ORDER_OUTCOME_UNKNOWN');
    expect(world.whmcsCount('AddOrder') - addOrdersBefore).toBe(3);
    await world.waitFor(
      async () => (await world.queue.getJobs(['failed'])).some((job) => job.data.orderId === orderId),
      5_000,
      'failed job',
    );
    const job = (await world.queue.getJobs(['failed'])).find(
      (candidate) => candidate.data.orderId === orderId,
    )!;
    expect(job.attemptsMade).toBe(3);
  });
});
