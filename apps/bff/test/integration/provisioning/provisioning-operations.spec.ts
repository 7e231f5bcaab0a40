import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminModule } from '../../../src/modules/admin/admin.module';
import { ProvisioningModule } from '../../../src/modules/provisioning/provisioning.module';
import { bootTestApp, type TestApp } from '../../support/test-app';
import {
  HANAKO_ACCOUNT,
  INTERNET_SKUS,
  ProvisioningWorld,
  startInProcessWorker,
  TARO_CLIENT,
} from './provisioning-test-harness';

const ADMIN_TOKEN = 'ops-token-0123456789abcdefghijklmnopqrstuvwxyz';

describe('provisioning operations: reconciliation, admin endpoints, Bull Board', () => {
  let world: ProvisioningWorld;

  beforeAll(async () => {
    world = await ProvisioningWorld.start();
  });

  afterAll(async () => {
    await world.stop();
  });

  it('reconciliation enqueues an approved order whose event never arrived, and it gets activated', async () => {
    const orderId = world.createApprovedOrder({ accountId: HANAKO_ACCOUNT, skus: INTERNET_SKUS });
    // No event: the order only becomes known through the repeatable reconciliation job.
    const worker = await startInProcessWorker(world, {
      PROVISIONING_RECONCILE_EVERY_MS: '300',
      PROVISIONING_RECONCILE_AFTER_S: '0',
    });
    try {
      await world.waitForCompleted(orderId);
      expect(world.order(orderId).Activation_Status__c).toBe('Activated');
      expect(world.whmcsOrders(orderId)).toHaveLength(1);
      const job = await world.queue.getJob(`po-order-${orderId}`);
      expect(await job?.getState()).toBe('completed');
      expect(job?.data.source).toBe('manual');
    } finally {
      await worker.close();
      await world.queue.removeJobScheduler('reconcile-orders');
    }
  });

  describe('admin endpoints over HTTP', () => {
    let app: TestApp;
    let failedOrderId: string;

    beforeAll(async () => {
      // A real permanent failure to look at.
      const worker = await startInProcessWorker(world);
      const accountId = world.createAccount('Unlinked Ops Customer', null);
      failedOrderId = world.createApprovedOrder({ accountId, skus: INTERNET_SKUS });
      await world.publish(failedOrderId);
      await world.waitForStatus(failedOrderId, 'Failed');
      await world.waitFor(
        async () => (await world.queue.getJobCountByTypes('failed')) === 1,
        5_000,
        'failed',
      );
      await worker.close();
      world.sf.simulator.store.update('Account', accountId, { WHMCS_Client_ID__c: TARO_CLIENT });
      app = await bootTestApp(
        world.env({ BFF_ROLE: 'api', ADMIN_API_TOKEN: ADMIN_TOKEN }),
        [],
        [ProvisioningModule, AdminModule],
      );
    });

    afterAll(async () => {
      await app.close();
    });

    const call = (method: 'GET' | 'POST', url: string, token?: string) =>
      app.app.inject({
        method,
        url,
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      });

    it('refuse callers without the admin token (the customer JWT is no admin token)', async () => {
      for (const token of [undefined, 'wrong-token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIyIn0.sig']) {
        const list = await call('GET', '/admin/provisioning/failed', token);
        expect(list.statusCode).toBe(401);
        expect(list.json()).toMatchObject({ code: 'ADMIN_UNAUTHORIZED' });
        expect((await call('GET', '/admin/queues/api/queues', token)).statusCode).toBe(401);
        expect((await call('POST', '/admin/provisioning/failed/x/retry', token)).statusCode).toBe(401);
      }
    });

    it('Bull Board serves the provisioning queue at /admin/queues', async () => {
      const page = await call('GET', '/admin/queues', ADMIN_TOKEN);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      const queues = await call('GET', '/admin/queues/api/queues', ADMIN_TOKEN);
      expect(queues.statusCode).toBe(200);
      expect(JSON.stringify(queues.json())).toContain('"name":"provisioning"');
    });

    it('lists failed provisioning jobs and retries one, which then completes', async () => {
      const list = await call('GET', '/admin/provisioning/failed?limit=10', ADMIN_TOKEN);
      expect(list.statusCode).toBe(200);
      const jobs = list.json().jobs as { jobId: string; orderId: string; failedReason: string }[];
      const failed = jobs.find((job) => job.orderId === failedOrderId)!;
      expect(failed.failedReason).toContain('WHMCS_CLIENT_MISSING');

      expect(
        (await call('POST', '/admin/provisioning/failed/no-such-job/retry', ADMIN_TOKEN)).statusCode,
      ).toBe(404);
      const retry = await call(
        'POST',
        `/admin/provisioning/failed/${encodeURIComponent(failed.jobId)}/retry`,
        ADMIN_TOKEN,
      );
      expect(retry.statusCode).toBe(202);
      expect(await (await world.queue.getJob(failed.jobId))!.getState()).toBe('waiting');

      const worker = await startInProcessWorker(world);
      try {
        await world.waitForCompleted(failedOrderId);
        expect(world.order(failedOrderId).Activation_Status__c).toBe('Activated');
        expect(world.order(failedOrderId).Activation_Error_Code__c ?? null).toBeNull();
        expect(world.whmcsOrders(failedOrderId)).toHaveLength(1);
      } finally {
        await worker.close();
      }
    });
  });
});
