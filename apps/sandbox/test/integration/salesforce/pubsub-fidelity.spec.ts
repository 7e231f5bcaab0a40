import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { default as PubSubApiClient } from 'salesforce-pubsub-api-client' with {
  'resolution-mode': 'import',
};
import {
  adminPublish,
  CallbackLog,
  connectClient,
  orderEvent,
  startPubSub,
  TOPIC,
} from './pubsub-test-harness';

type Started = Awaited<ReturnType<typeof startPubSub>>;

describe('Pub/Sub simulator driven by the unmodified salesforce-pubsub-api-client', () => {
  let sim: Started;
  const clients: PubSubApiClient[] = [];
  const connect = async (token?: string) => {
    const client = await connectClient(sim.grpc, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    sim = await startPubSub({ keepaliveMs: 300 });
  });
  // The client's close() detaches its stream listeners without cancelling the call, so streams are ended
  // server-side first: an error on a detached stream would be an uncaught exception.
  afterEach(async () => {
    await fetch(`${sim.admin}/__admin/pubsub/streams`, { method: 'DELETE' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => sim.simulator.stop());

  it('subscribes from LATEST: only events published afterwards arrive, Avro-decoded', async () => {
    await adminPublish(sim.admin, orderEvent(1));
    const log = new CallbackLog();
    const client = await connect();
    client.subscribe(TOPIC, log.callback, 2);
    await log.until(() => log.of('grpcKeepAlive').length > 0);
    const published = await adminPublish(sim.admin, orderEvent(2), 2);

    await log.until(() => log.of('event').length === 2 && log.of('lastEvent').length === 1);
    const events = log.of('event');
    expect(events.map((event) => String(event.replayId))).toEqual(published.map((event) => event.replayId));
    expect(events[0].payload).toMatchObject({
      OrderId__c: '8015g00000OrD002AAF',
      IdemKey__c: 'idem-2',
      Version__c: 1,
      CreatedById: '0055g00000InTeGAAV',
    });
    expect(typeof events[0].payload.CreatedDate).toBe('number');
    expect(events[0].id).toBe(published[0]!.id);
  });

  it('subscribes from EARLIEST: every retained event arrives, in replay order', async () => {
    await adminPublish(sim.admin, orderEvent(3), 3);
    const retained = sim.simulator.bus.count(TOPIC);
    const log = new CallbackLog();
    (await connect()).subscribeFromEarliestEvent(TOPIC, log.callback, 100);
    await log.until(() => log.of('event').length === retained);
    const ids = log.of('event').map((event) => event.replayId as number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(retained);
  });

  it('subscribes from a replay id: delivery starts strictly after it', async () => {
    const published = await adminPublish(sim.admin, orderEvent(4), 4);
    const log = new CallbackLog();
    (await connect()).subscribeFromReplayId(TOPIC, log.callback, 10, Number(published[1]!.replayId));
    await log.until(() => log.of('event').length === 2);
    expect(log.of('event').map((event) => String(event.replayId))).toEqual([
      published[2]!.replayId,
      published[3]!.replayId,
    ]);
  });

  it('applies additive flow control: a finite request stops, requestAdditionalEvents resumes', async () => {
    const before = Number(sim.simulator.bus.latestReplayId(TOPIC));
    await adminPublish(sim.admin, orderEvent(5), 7);
    const log = new CallbackLog();
    const client = await connect();
    client.subscribeFromReplayId(TOPIC, log.callback, 3, before);
    await log.until(() => log.of('lastEvent').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log.of('event')).toHaveLength(3);
    client.requestAdditionalEvents(TOPIC, 4);
    await log.until(() => log.of('event').length === 7);
  });

  it('sends keepalives carrying the latest replay id while events are owed', async () => {
    const log = new CallbackLog();
    const client = await connect();
    client.subscribe(TOPIC, log.callback, 5);
    await log.until(() => log.of('grpcKeepAlive').length >= 2);
    expect(log.of('event')).toHaveLength(0);
  });

  it('drops every stream on the admin call: error UNAVAILABLE, then end', async () => {
    const log = new CallbackLog();
    (await connect()).subscribe(TOPIC, log.callback);
    await log.until(() => log.of('grpcKeepAlive').length > 0);
    const response = await fetch(`${sim.admin}/__admin/pubsub/streams`, { method: 'DELETE' });
    expect(((await response.json()) as { dropped: number }).dropped).toBeGreaterThanOrEqual(1);
    await log.until(() => log.of('end').length === 1);
    expect(log.of('error')[0]).toMatchObject({ code: 14 });
    expect(log.entries.map((entry) => entry.type).slice(-3)).toEqual(['error', 'grpcStatus', 'end']);
  });

  it('publishes through the client: GetTopic, then Publish, and subscribers receive it', async () => {
    const log = new CallbackLog();
    const subscriber = await connect();
    subscriber.subscribe(TOPIC, log.callback, 1);
    await log.until(() => log.of('grpcKeepAlive').length > 0);
    const getTopicBefore = sim.simulator.counter.get('GetTopic');
    const publisher = await connect();
    const result = await publisher.publish(
      TOPIC,
      {
        CreatedDate: Date.now(),
        CreatedById: '0055g00000InTeGAAV',
        OrderId__c: { string: '8015g00000OrD999AAF' },
        IdemKey__c: { string: 'idem-published' },
        CorrelationId__c: null,
        RequestedBy__c: null,
        Version__c: { double: 2 },
      },
      'corr-key-1',
    );
    expect(result.correlationKey).toBe('corr-key-1');
    expect(result.replayId).toBe(Number(sim.simulator.bus.latestReplayId(TOPIC)));
    expect(sim.simulator.counter.get('GetTopic')).toBe(getTopicBefore + 1);
    await log.until(() => log.of('event').length === 1);
    expect(log.of('event')[0]).toMatchObject({
      id: 'corr-key-1',
      payload: { IdemKey__c: 'idem-published', Version__c: 2, CorrelationId__c: null },
    });
  });

  it('publishes a batch over PublishStream (publishBatch): one PublishResponse per request', async () => {
    const before = Number(sim.simulator.bus.latestReplayId(TOPIC));
    const publisher = await connect();
    const responses: any[] = [];
    const payload = (n: number) => ({
      CreatedDate: Date.now(),
      CreatedById: '0055g00000InTeGAAV',
      OrderId__c: { string: `8015g00000OrD${n}AAF` },
      IdemKey__c: { string: `batch-${n}` },
      CorrelationId__c: null,
      RequestedBy__c: null,
      Version__c: null,
    });
    await publisher.publishBatch(
      TOPIC,
      [
        { id: 'batch-a', payload: payload(1) },
        { id: 'batch-b', payload: payload(2) },
      ],
      (_info, type, data) => {
        if (type === 'publishResponse') responses.push(data);
      },
    );
    const deadline = Date.now() + 5_000;
    while (responses.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(responses).toHaveLength(1);
    expect(responses[0].results.map((result: any) => result.correlationKey)).toEqual(['batch-a', 'batch-b']);
    expect(sim.simulator.bus.after(TOPIC, BigInt(before), 10)).toHaveLength(2);
    expect(sim.simulator.counter.get('PublishStream')).toBe(1);
  });

  it('rejects a bad access token with UNAUTHENTICATED and the auth error-code trailer', async () => {
    const log = new CallbackLog();
    (await connect('00D5g0000012PtL!not-a-session')).subscribe(TOPIC, log.callback, 1);
    await log.until(() => log.of('end').length === 1);
    const error = log.of('error')[0];
    expect(error.code).toBe(16);
    expect(error.metadata.get('error-code')).toEqual(['sfdc.platform.eventbus.grpc.service.auth.error']);
    expect(error.details).toMatch(/rpcId: [0-9a-f-]{36}$/);
  });

  it('rejects an unknown replay id with INVALID_ARGUMENT and replayid.corrupted', async () => {
    const log = new CallbackLog();
    (await connect()).subscribeFromReplayId(TOPIC, log.callback, 1, 42);
    await log.until(() => log.of('end').length === 1);
    const error = log.of('error')[0];
    expect(error.code).toBe(3);
    expect(error.metadata.get('error-code')).toEqual([
      'sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted',
    ]);
  });
});

describe('Pub/Sub simulator retention and idle close', () => {
  it('treats a replay id older than the retention window as corrupted', async () => {
    const sim = await startPubSub({ retentionMs: 150 });
    try {
      const [old] = await adminPublish(sim.admin, orderEvent(1));
      await new Promise((resolve) => setTimeout(resolve, 250));
      await adminPublish(sim.admin, orderEvent(2));
      const log = new CallbackLog();
      const client = await connectClient(sim.grpc);
      client.subscribeFromReplayId(TOPIC, log.callback, 1, Number(old!.replayId));
      await log.until(() => log.of('end').length === 1);
      client.close();
      expect(log.of('error')[0]).toMatchObject({ code: 3 });
    } finally {
      await sim.simulator.stop();
    }
  });

  it('closes a stream with nothing owed and no new FetchRequest after the idle timeout', async () => {
    const sim = await startPubSub({ idleTimeoutMs: 300 });
    try {
      const log = new CallbackLog();
      const client = await connectClient(sim.grpc);
      const before = Number(sim.simulator.bus.latestReplayId(TOPIC));
      await adminPublish(sim.admin, orderEvent(1));
      client.subscribeFromReplayId(TOPIC, log.callback, 1, before);
      await log.until(() => log.of('end').length === 1);
      client.close();
      expect(log.of('event')).toHaveLength(1);
      expect(log.of('grpcStatus')[0]).toMatchObject({ code: 0 });
    } finally {
      await sim.simulator.stop();
    }
  });
});

describe("Pub/Sub simulator: the org's order-approval Flow", () => {
  it('publishes OrderProvisionRequested__e when the store reports an approved order', async () => {
    const listeners = new Set<(order: { Id: string; LastModifiedById?: string }) => void>();
    const source = {
      onOrderApproved: (listener: (order: { Id: string }) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const sim = await startPubSub({ orderApprovals: source });
    try {
      const log = new CallbackLog();
      const client = await connectClient(sim.grpc);
      client.subscribe(TOPIC, log.callback, 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const listener of listeners)
        listener({ Id: '8015g00000OrDa1AAF', LastModifiedById: '0055g00000AgEnTAAV' });
      await log.until(() => log.of('event').length === 1);
      await fetch(`${sim.admin}/__admin/pubsub/streams`, { method: 'DELETE' });
      await log.until(() => log.of('end').length === 1);
      client.close();
      expect(log.of('event')[0].payload).toMatchObject({
        OrderId__c: '8015g00000OrDa1AAF',
        RequestedBy__c: '0055g00000AgEnTAAV',
        Version__c: 1,
      });
      expect(log.of('event')[0].payload.IdemKey__c).toMatch(
        /^8015g00000OrDa1AAF:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      );
    } finally {
      await sim.simulator.stop();
    }
  });
});
