import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uniquePrefix } from '../../../../../test-support/redis';
import { MetricsService } from '../../../src/core/metrics/metrics.service';
import {
  orderEvent,
  QueueProbe,
  sharedLogs,
  sleep,
  startEventsOrg,
  startSubscriber,
  TOPIC,
  until,
  type EventsOrg,
  type SubscriberInstance,
} from './salesforce-events-test-harness';

describe('Salesforce platform-event subscriber (real client, simulator, Redis, BullMQ)', () => {
  let org: EventsOrg;
  let probe: QueueProbe;
  const instances: SubscriberInstance[] = [];
  const prefix = () => `{${uniquePrefix('sfev')}}`;

  const start = async (env: Record<string, string> = {}) => {
    const instance = await startSubscriber(org, probe.prefix, env);
    instances.push(instance);
    return instance;
  };
  const subscribed = (instance: SubscriberInstance) => until(() => instance.subscriber.isSubscribed);
  /** Waits until the server has seen the stream's first FetchRequest (a keepalive came back). */
  const settled = () => sleep(400);

  beforeEach(() => {
    sharedLogs.lines.length = 0;
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.close();
    await probe?.close();
    await org?.stop();
  });

  it('turns 250 published events into 250 provision-order jobs, each once, and stores the last replay id', async () => {
    org = await startEventsOrg();
    probe = new QueueProbe(prefix());
    const instance = await start();
    await subscribed(instance);
    await settled();

    for (let n = 1; n <= 250; n++) org.publish(n);
    await probe.waitForCount(250);
    await sleep(300);

    const jobs = await probe.jobs();
    expect(jobs).toHaveLength(250);
    expect(new Set(jobs.map((job) => job.data.orderId)).size).toBe(250);
    expect(jobs.every((job) => job.name === 'provision-order')).toBe(true);
    const job = jobs.find((candidate) => candidate.data.orderId === orderEvent(7).OrderId__c)!;
    expect(job.id).toBe(`po-idem-${encodeURIComponent(String(orderEvent(7).IdemKey__c))}`);
    expect(job.data).toMatchObject({
      idempotencyKey: orderEvent(7).IdemKey__c,
      correlationId: 'corr-7',
      requestedBy: '0055g00000AgEnTAAV',
      source: 'platform_event',
    });
    expect(await probe.storedReplayId()).toBe(org.sim.bus.latestReplayId(TOPIC).toString());
    // One stream, batches of 100 asked for one after the other: the first request, then one per full batch.
    expect(org.sim.counter.get('Subscribe')).toBe(1);
    expect(org.sim.counter.get('FetchRequest')).toBe(3);
    const metrics = await instance.module
      .get(MetricsService)
      .registry.getSingleMetricAsString('bff_sf_events_total');
    expect(metrics).toContain('bff_sf_events_total{outcome="received"} 250');
    expect(metrics).toContain('bff_sf_events_total{outcome="enqueued"} 250');
  });

  it('enqueues one job for the same event published twice', async () => {
    org = await startEventsOrg();
    probe = new QueueProbe(prefix());
    const instance = await start();
    await subscribed(instance);
    await settled();

    org.publish(1);
    org.publish(1);
    org.publish(2);
    await until(() => org.sim.bus.count(TOPIC) === 3);
    await probe.waitForCount(2);
    await sleep(500);

    expect(await probe.jobs()).toHaveLength(2);
    expect(await probe.storedReplayId()).toBe(org.sim.bus.latestReplayId(TOPIC).toString());
  });

  it('resumes from the stored replay id after the stream is dropped mid-flow: nothing lost, nothing doubled', async () => {
    org = await startEventsOrg();
    probe = new QueueProbe(prefix());
    const instance = await start({ SF_EVENTS_REPLAY: 'LATEST' });
    await subscribed(instance);
    await settled();
    const subscribesBefore = org.sim.counter.get('Subscribe');

    for (let n = 1; n <= 150; n++) org.publish(n);
    await probe.waitForCount(40);
    expect(org.dropStreams()).toBe(1);
    // Published while no stream is open: a LATEST restart would lose them, a CUSTOM resume must not.
    for (let n = 151; n <= 300; n++) org.publish(n);

    await probe.waitForCount(300);
    await sleep(500);
    const jobs = await probe.jobs();
    expect(jobs).toHaveLength(300);
    expect(new Set(jobs.map((job) => job.data.orderId)).size).toBe(300);
    expect(org.sim.counter.get('Subscribe')).toBeGreaterThan(subscribesBefore);
    expect(await probe.storedReplayId()).toBe(org.sim.bus.latestReplayId(TOPIC).toString());
  });

  it('resumes after a BFF restart from the stored replay id', async () => {
    org = await startEventsOrg();
    probe = new QueueProbe(prefix());
    const first = await start({ SF_EVENTS_REPLAY: 'LATEST' });
    await subscribed(first);
    await settled();
    for (let n = 1; n <= 120; n++) org.publish(n);
    await probe.waitForCount(120);
    await instances.splice(0)[0]!.close();

    for (let n = 121; n <= 240; n++) org.publish(n);
    const second = await start({ SF_EVENTS_REPLAY: 'LATEST' });
    await subscribed(second);

    await probe.waitForCount(240);
    await sleep(500);
    const jobs = await probe.jobs();
    expect(jobs).toHaveLength(240);
    expect(new Set(jobs.map((job) => job.data.orderId)).size).toBe(240);
  });

  it('runs one subscriber across two instances and moves it within two lease periods when the holder dies', async () => {
    const leaseMs = 1_500;
    org = await startEventsOrg();
    probe = new QueueProbe(prefix());
    const a = await start({ SF_EVENTS_LEASE_MS: String(leaseMs) });
    const b = await start({ SF_EVENTS_LEASE_MS: String(leaseMs) });
    await until(() => a.subscriber.isSubscribed || b.subscriber.isSubscribed);
    await sleep(leaseMs);
    expect([a, b].filter((instance) => instance.subscriber.isLeading)).toHaveLength(1);
    expect([a, b].filter((instance) => instance.subscriber.isSubscribed)).toHaveLength(1);

    const [holder, standby] = a.subscriber.isLeading ? [a, b] : [b, a];
    await settled();
    for (let n = 1; n <= 60; n++) org.publish(n);
    await probe.waitForCount(60);

    holder.crash();
    const takeoverMs = await until(() => standby.subscriber.isSubscribed, 4 * leaseMs);
    expect(takeoverMs).toBeLessThan(2 * leaseMs);
    for (let n = 61; n <= 120; n++) org.publish(n);

    await probe.waitForCount(120);
    await sleep(500);
    const jobs = await probe.jobs();
    expect(jobs).toHaveLength(120);
    expect(new Set(jobs.map((job) => job.data.orderId)).size).toBe(120);
    expect(holder.subscriber.isLeading).toBe(false);
  });

  it('falls back to EARLIEST with a warning when the stored replay id is corrupted or expired', async () => {
    org = await startEventsOrg();
    probe = new QueueProbe(prefix());
    for (let n = 1; n <= 5; n++) org.publish(n);
    await probe.redis.set(`${probe.prefix}:sf-events:replay:${TOPIC}`, '42');

    await start({ SF_EVENTS_REPLAY: 'LATEST' });
    await probe.waitForCount(5);
    expect(sharedLogs.text()).toMatch(/replay id is corrupted or outside retention; replaying from EARLIEST/);
    expect(await probe.storedReplayId()).toBe(org.sim.bus.latestReplayId(TOPIC).toString());
  });

  it('gets a fresh token after UNAUTHENTICATED and carries on', async () => {
    org = await startEventsOrg();
    probe = new QueueProbe(prefix());
    const instance = await start();
    await subscribed(instance);
    await settled();
    org.publish(1);
    await probe.waitForCount(1);

    const issued = org.salesforce.tokens.issued;
    org.salesforce.tokens.expireAll();
    org.dropStreams();
    await until(() => org.salesforce.tokens.issued === issued + 1);
    await until(() => instance.subscriber.isSubscribed);
    await settled();
    org.publish(2);
    await probe.waitForCount(2);
    expect(sharedLogs.text()).toMatch(/a fresh token will be used/);
    expect(org.salesforce.tokens.issued).toBe(issued + 1);
  });

  it('rebuilds a stream that stays silent (no events, no keepalives) past the watchdog period', async () => {
    org = await startEventsOrg({ keepaliveMs: 60_000 });
    probe = new QueueProbe(prefix());
    const instance = await start({ SF_EVENTS_WATCHDOG_MS: '400' });
    await subscribed(instance);
    const before = org.sim.counter.get('Subscribe');
    await sleep(2_000);
    expect(org.sim.counter.get('Subscribe')).toBeGreaterThanOrEqual(before + 2);
    expect(sharedLogs.text()).toMatch(/watchdog period; rebuilding the stream/);
  });
});
