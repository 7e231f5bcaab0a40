import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChildWorker,
  HANAKO_ACCOUNT,
  INTERNET_SKUS,
  ProvisioningWorld,
  SIM_SKUS,
  sleep,
  spawnWorker,
  TARO_ACCOUNT,
} from './provisioning-test-harness';

const EXTRA_CLIENTS = 20;

/** Worker processes of the built app (`dist/worker.js`), killed and restarted as a crash would. */
describe('order provisioning across worker processes (SIGKILL, stalled jobs, two workers)', () => {
  let world: ProvisioningWorld;
  const accounts: string[] = [HANAKO_ACCOUNT, TARO_ACCOUNT];

  beforeAll(async () => {
    world = await ProvisioningWorld.start({ extraClients: EXTRA_CLIENTS });
    for (let i = 1; i <= EXTRA_CLIENTS; i++) accounts.push(world.createAccount(`Load ${i}`, 10_000 + i));
  });

  afterAll(async () => {
    await world.stop();
  });

  async function stop(worker: ChildWorker): Promise<void> {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
    await worker.exited;
  }

  async function completedJobsFor(orderId: string): Promise<number> {
    return (await world.queue.getJobs(['completed'])).filter((job) => job.data.orderId === orderId).length;
  }

  it('SIGKILL right after AddOrder, before the checkpoint → the retry finds the order by its marker: one AddOrder', async () => {
    const addOrdersBefore = world.whmcsCount('AddOrder');
    const crasher = await spawnWorker(world, { PROVISIONING_TEST_CRASH_AFTER_ADD_ORDER: 'true' });
    const orderId = world.createApprovedOrder({ accountId: HANAKO_ACCOUNT, skus: INTERNET_SKUS });
    await world.publish(orderId);

    const { signal } = await crasher.exited;
    expect(signal).toBe('SIGKILL');
    expect(world.whmcsCount('AddOrder') - addOrdersBefore).toBe(1);
    expect(world.whmcsOrders(orderId)).toHaveLength(1);
    const [stuck] = await world.queue.getJobs(['active']);
    expect(stuck?.data.orderId).toBe(orderId);
    // The WHMCS order exists, but the job's checkpoint never heard of it.
    expect(stuck?.data.checkpoint?.whmcsOrderId).toBeUndefined();

    const rescuer = await spawnWorker(world);
    try {
      await world.waitForCompleted(orderId, 30_000);
      expect(world.whmcsCount('AddOrder') - addOrdersBefore).toBe(1);
      const whmcsOrders = world.whmcsOrders(orderId);
      expect(whmcsOrders).toHaveLength(1);
      expect(world.order(orderId).Activation_Status__c).toBe('Activated');
      expect(world.order(orderId).WHMCS_Order_ID__c).toBe(String(whmcsOrders[0]!.id));
      expect(rescuer.output()).toContain('WHMCS order found by marker');
    } finally {
      await stop(rescuer);
    }
  }, 90_000);

  it('a worker killed mid-job → stalled-job recovery completes the order once', async () => {
    const before = {
      addOrder: world.whmcsCount('AddOrder'),
      registrations: world.freebitCount('PA02-01'),
    };
    // AcceptOrder runs but answers late: the worker is killed while it waits.
    await fetch(`${world.whmcs.url}/__admin/faults/AcceptOrder`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 5_000, times: 1 }),
    });
    const first = await spawnWorker(world);
    const acceptsBefore = world.whmcsCount('AcceptOrder');
    const orderId = world.createApprovedOrder({ accountId: TARO_ACCOUNT, skus: SIM_SKUS });
    await world.publish(orderId);
    await world.waitFor(() => world.whmcsCount('AcceptOrder') > acceptsBefore, 20_000, 'AcceptOrder sent');
    first.child.kill('SIGKILL');
    await first.exited;
    expect(world.order(orderId).Activation_Status__c).toBe('Activating');

    const second = await spawnWorker(world);
    try {
      await world.waitForCompleted(orderId, 30_000);
      expect(await completedJobsFor(orderId)).toBe(1);
      expect(world.whmcsCount('AddOrder') - before.addOrder).toBe(1);
      expect(world.whmcsOrders(orderId)).toHaveLength(1);
      expect(world.whmcsOrders(orderId)[0]!.status).toBe('Active');
      expect(world.freebitCount('PA02-01') - before.registrations).toBe(1);
      expect(world.order(orderId).Activation_Status__c).toBe('Activated');
      expect(await world.queue.getJobCountByTypes('failed')).toBe(0);
    } finally {
      await stop(second);
    }
  }, 90_000);

  it('a job that stalls more often than allowed → Failed in Salesforce, left in the failed set', async () => {
    await fetch(`${world.whmcs.url}/__admin/faults/AcceptOrder`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 5_000, times: 1 }),
    });
    const noStalls = { PROVISIONING_MAX_STALLED_COUNT: '0' };
    const first = await spawnWorker(world, noStalls);
    const acceptsBefore = world.whmcsCount('AcceptOrder');
    const orderId = world.createApprovedOrder({ accountId: HANAKO_ACCOUNT, skus: INTERNET_SKUS });
    await world.publish(orderId);
    await world.waitFor(() => world.whmcsCount('AcceptOrder') > acceptsBefore, 20_000, 'AcceptOrder sent');
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnWorker(world, noStalls);
    try {
      await world.waitForStatus(orderId, 'Failed', 30_000);
      expect(world.order(orderId).Activation_Error_Code__c).toBe('PROVISIONING_STALLED');
      const failed = (await world.queue.getJobs(['failed'])).filter((job) => job.data.orderId === orderId);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.failedReason).toMatch(/stalled more than allowable limit/);
    } finally {
      await stop(second);
      await world.queue.clean(0, 100, 'failed');
    }
  }, 90_000);

  it('SIGTERM lets the active job finish, then the worker process exits cleanly', async () => {
    await fetch(`${world.whmcs.url}/__admin/faults/AcceptOrder`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 2_000, times: 1 }),
    });
    const worker = await spawnWorker(world, { SHUTDOWN_GRACE_MS: '20000' });
    const acceptsBefore = world.whmcsCount('AcceptOrder');
    const orderId = world.createApprovedOrder({ accountId: HANAKO_ACCOUNT, skus: INTERNET_SKUS });
    await world.publish(orderId);
    await world.waitFor(() => world.whmcsCount('AcceptOrder') > acceptsBefore, 20_000, 'AcceptOrder sent');
    worker.child.kill('SIGTERM');

    const { code } = await worker.exited;
    expect(code).toBe(0);
    // Finished by the stopping process itself, not left to stalled-job recovery.
    expect(await completedJobsFor(orderId)).toBe(1);
    expect(world.order(orderId).Activation_Status__c).toBe('Activated');
  }, 60_000);

  it('two worker processes on 200 orders → every order activated exactly once', async () => {
    const before = {
      addOrder: world.whmcsCount('AddOrder'),
      registrations: world.freebitCount('PA02-01'),
    };
    const workers = await Promise.all([spawnWorker(world), spawnWorker(world)]);
    try {
      const orders = Array.from({ length: 200 }, (_, i) => {
        const skus = i % 2 === 0 ? SIM_SKUS : INTERNET_SKUS;
        return world.createApprovedOrder({ accountId: accounts[i % accounts.length]!, skus });
      });
      await Promise.all(orders.map((orderId) => world.publish(orderId)));

      await world.waitFor(
        () => orders.every((orderId) => world.order(orderId).Activation_Status__c === 'Activated'),
        150_000,
        '200 orders activated',
      );
      await sleep(200);
      expect(world.whmcsCount('AddOrder') - before.addOrder).toBe(200);
      expect(world.freebitCount('PA02-01') - before.registrations).toBe(100);
      const whmcsIds = new Set<string>();
      for (const orderId of orders) {
        const whmcsOrders = world.whmcsOrders(orderId);
        expect(whmcsOrders).toHaveLength(1);
        expect(world.order(orderId).WHMCS_Order_ID__c).toBe(String(whmcsOrders[0]!.id));
        whmcsIds.add(String(whmcsOrders[0]!.id));
      }
      expect(whmcsIds.size).toBe(200);
      // Both processes took a share of the work.
      for (const worker of workers) expect(worker.output()).toContain('"msg":"order activated"');
    } finally {
      await Promise.all(workers.map(stop));
    }
  }, 200_000);
});
