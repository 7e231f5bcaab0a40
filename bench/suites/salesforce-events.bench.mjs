// Salesforce platform events: throughput from publish to `provision-order` job enqueued (1,000 events).
// Runs against the built dist (`pnpm build`); needs a local Redis at REDIS_URL (default redis://127.0.0.1:6379).
// The org (OAuth + REST + Pub/Sub gRPC over TLS) runs in-process; the BFF subscriber logs in with the JWT bearer
// flow, subscribes with salesforce-pubsub-api-client, and enqueues into BullMQ in batches of 100.
import { bffConfig, bffDist, bffRequire, bootBffContext, sandboxDist } from '../lib/workspace.mjs';

const sandbox = sandboxDist('index.js');
const { salesforcePubSubPart } = sandboxDist('salesforce/pubsub/salesforce-pubsub-part.js');
const { Queue } = bffRequire('bullmq');
const { Redis } = bffRequire('ioredis');
const { QueueName } = bffDist('infra/queue/queue.constants.js');
const { SalesforceEventsModule } = bffDist('integrations/salesforce/events/salesforce-events.module.js');
const { SalesforceEventsSubscriberService } = bffDist(
  'integrations/salesforce/events/salesforce-events-subscriber.service.js',
);

const EVENTS = Number(process.env.SF_EVENTS_BENCH_EVENTS ?? 1000);
const TOPIC = '/event/OrderProvisionRequested__e';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{bench-sfev-${process.pid}}`;

let pubsub;
const part = salesforcePubSubPart({ keepaliveMs: 5_000, idleTimeoutMs: 60_000, retentionMs: 72 * 3_600_000 });
const org = sandbox.createSalesforceSimulator(
  sandbox.salesforceConfigFromEnv(
    sandbox.loadSandboxEnv({ SANDBOX_SALESFORCE_PORT: '0', SANDBOX_SALESFORCE_PUBSUB_PORT: '0' }),
  ),
  {
    parts: [
      (context) => {
        const created = part(context);
        pubsub = created.simulator;
        return created;
      },
    ],
  },
);
const urls = await org.start();

const config = bffConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  REDIS_URL,
  REDIS_KEY_PREFIX: `bench-sfev-${process.pid}:`,
  QUEUE_PREFIX: PREFIX,
  SF_LOGIN_URL: urls.rest,
  SF_EVENTS_ENABLED: 'true',
  SF_PUBSUB_ENDPOINT: urls.pubsub,
  SF_PUBSUB_REJECT_UNAUTHORIZED_SSL: 'false',
  SF_PUBSUB_INSTANCE_URL: 'https://portal-sandbox.my.salesforce.com',
});
const app = await bootBffContext(config, SalesforceEventsModule);
const subscriber = app.get(SalesforceEventsSubscriberService);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
for (let i = 0; i < 200 && !subscriber.isSubscribed; i++) await sleep(25);
await sleep(500); // the stream's first FetchRequest reaches the server (LATEST start)

const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue(QueueName.PROVISIONING, { connection: redis, prefix: PREFIX });

// 18-character ids with the checksum suffix (upper-case bit map of each 5-character chunk).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const id18 = (id15) =>
  id15 +
  [0, 1, 2]
    .map((chunk) => {
      let bits = 0;
      for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i])) bits |= 1 << i;
      return ALPHABET[bits];
    })
    .join('');

const publishedAt = new Map();
const started = performance.now();
for (let n = 1; n <= EVENTS; n++) {
  const orderId = id18(`8015g0000${String(n).padStart(6, '0')}`);
  publishedAt.set(orderId, Date.now());
  pubsub.publisher.publish(TOPIC, {
    OrderId__c: orderId,
    IdemKey__c: `${orderId}:bench`,
    CorrelationId__c: `bench-${n}`,
    RequestedBy__c: '0055g00000AgEnTAAV',
    Version__c: 1,
  });
}
const publishMs = performance.now() - started;
let waiting = 0;
while (waiting < EVENTS) {
  waiting = (await queue.getJobCounts('waiting')).waiting ?? 0;
  if (performance.now() - started > 120_000) break;
  if (waiting < EVENTS) await sleep(5);
}
const elapsedMs = performance.now() - started;

const jobs = await queue.getJobs(['waiting'], 0, -1);
const latencies = jobs.map((job) => job.timestamp - publishedAt.get(job.data.orderId)).sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const lines = [
  `salesforce-events: publish → provision-order job enqueued (${EVENTS} events, batches of 100, in-process org over gRPC/TLS)`,
  `  jobs enqueued: ${jobs.length} (distinct order ids: ${new Set(jobs.map((job) => job.data.orderId)).size})`,
  `  publishing took ${publishMs.toFixed(1)} ms; last job enqueued after ${elapsedMs.toFixed(1)} ms`,
  `  throughput: ${((jobs.length / elapsedMs) * 1000).toFixed(0)} events/s`,
  `  per-event latency publish → enqueued: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)} ms`,
];
process.stdout.write(`${lines.join('\n')}\n`);

await queue.obliterate({ force: true });
await queue.close();
await redis.unlink(`${PREFIX}:sf-events:replay:${TOPIC}`, `${PREFIX}:sf-events:lease:${TOPIC}`);
redis.disconnect();
await app.close();
await org.stop();
