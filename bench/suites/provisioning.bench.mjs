// Order provisioning end to end: 1,000 orders approved in Salesforce → OrderProvisionRequested__e over Pub/Sub →
// the BFF subscriber enqueues `provision-order` jobs → two worker processes (`dist/worker.js`) carry each order
// through Salesforce, WHMCS (AddOrder/AcceptOrder) and, for SIM orders, Freebit → Salesforce shows Activated.
// Every provider call gets 20 ms of simulated latency (sandbox fault `latencyMs`). Runs against the built dist
// (`pnpm build`); needs a local Redis at REDIS_URL (default redis://127.0.0.1:6379).
// Prints orders/s, event → Activated p50/p99, duplicates (WHMCS orders beyond one per Salesforce order: must be 0)
// and lost orders (not Activated when the run ends: must be 0).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { bffConfig, bffDist, bffRequire, bootBffContext, root, sandboxDist } from '../lib/workspace.mjs';

const sandbox = sandboxDist('index.js');
const { salesforcePubSubPart } = sandboxDist('salesforce/pubsub/salesforce-pubsub-part.js');
const { Queue } = bffRequire('bullmq');
const { Redis } = bffRequire('ioredis');
const { QueueName } = bffDist('infra/queue/queue.constants.js');
const { SalesforceEventsModule } = bffDist('integrations/salesforce/events/salesforce-events.module.js');
const { SalesforceEventsSubscriberService } = bffDist(
  'integrations/salesforce/events/salesforce-events-subscriber.service.js',
);

const ORDERS = Number(process.env.PROVISIONING_BENCH_ORDERS ?? 1000);
const LATENCY_MS = Number(process.env.PROVISIONING_BENCH_LATENCY_MS ?? 20);
const CONCURRENCY = process.env.PROVISIONING_BENCH_CONCURRENCY ?? '16';
const CLIENTS = 100;
const TIMEOUT_MS = 600_000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{bench-prov-${process.pid}}`;
const TOPIC = '/event/OrderProvisionRequested__e';
const PORTAL_PRICEBOOK = '01s5g00000PoRtLAAV';
const SIM_SKUS = ['SIM-DATA-VOICE-5GB', 'SIM-ACTIVATION-FEE'];
const INTERNET_SKUS = ['INTERNET-GOLD-HOME-1G', 'INTERNET-INSTALL-SINGLE'];
const WHMCS = { identifier: 'bench-identifier', secret: 'bench-secret' };
const OEM = { oemId: 'BENCH_OEM', oemKey: 'bench-oem-key' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- The three providers, in this process --------------------------------------------------------------
const org = sandbox.createSalesforceSimulator(
  sandbox.salesforceConfigFromEnv(
    sandbox.loadSandboxEnv({ SANDBOX_SALESFORCE_PORT: '0', SANDBOX_SALESFORCE_PUBSUB_PORT: '0' }),
  ),
  {
    parts: [
      salesforcePubSubPart({ keepaliveMs: 5_000, idleTimeoutMs: 600_000, retentionMs: 72 * 3_600_000 }),
    ],
  },
);
const sf = await org.start();
const whmcs = new sandbox.WhmcsSimulator({
  host: '127.0.0.1',
  port: 0,
  ...WHMCS,
  authErrorStatus: 403,
  webhookSecrets: [],
  extraClients: CLIENTS,
  invoicesPerClient: 1,
});
await whmcs.start();
const freebit = new sandbox.FreebitSimulator({
  host: '127.0.0.1',
  port: 0,
  ...OEM,
  authKeyTtlMs: 3_600_000,
  activationDelayMs: 100,
});
const { api: freebitUrl } = await freebit.start();

// Accounts linked to the generated WHMCS clients 10001…, and the orders (pending review), half of them SIM.
const store = org.store;
const products = store.records('Product2');
const entries = store.records('PricebookEntry').filter((entry) => entry.Pricebook2Id === PORTAL_PRICEBOOK);
const entryFor = (sku) => {
  const product = products.find((candidate) => candidate.StockKeepingUnit === sku);
  return entries.find((entry) => entry.Product2Id === product.Id);
};
const accounts = Array.from(
  { length: CLIENTS },
  (_, i) => store.create('Account', { Name: `Bench ${i + 1}`, WHMCS_Client_ID__c: 10_001 + i }).Id,
);
const orderIds = Array.from({ length: ORDERS }, (_, i) => {
  const sim = i % 2 === 0;
  const order = store.create('Order', {
    AccountId: accounts[i % CLIENTS],
    Pricebook2Id: PORTAL_PRICEBOOK,
    EffectiveDate: '2026-11-25',
    Status: 'Pending Review',
    Order_Type__c: sim ? 'SIM' : 'Internet',
    Activation_Type__c: 'Immediate',
  });
  for (const sku of sim ? SIM_SKUS : INTERNET_SKUS) {
    const entry = entryFor(sku);
    store.create('OrderItem', {
      OrderId: order.Id,
      PricebookEntryId: entry.Id,
      Quantity: 1,
      UnitPrice: entry.UnitPrice,
    });
  }
  return order.Id;
});

const env = {
  NODE_ENV: 'production',
  REDIS_URL,
  REDIS_KEY_PREFIX: `bench-prov-${process.pid}:`,
  QUEUE_PREFIX: PREFIX,
  SF_LOGIN_URL: sf.rest,
  WHMCS_API_URL: whmcs.apiUrl,
  WHMCS_API_IDENTIFIER: WHMCS.identifier,
  WHMCS_API_SECRET: WHMCS.secret,
  FREEBIT_BASE_URL: freebitUrl,
  FREEBIT_OEM_ID: OEM.oemId,
  FREEBIT_OEM_KEY: OEM.oemKey,
  FREEBIT_ACTIVATION_POLL_INITIAL_MS: '100',
  FREEBIT_ACTIVATION_POLL_MAX_MS: '400',
  // The worker process boots the whole app (minus HTTP), whose auth module wants a key in production.
  AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
};

// --- The BFF: the event subscriber here (API role), the workers in two processes -------------------------
const config = bffConfig({
  ...env,
  LOG_LEVEL: 'silent',
  BFF_ROLE: 'api',
  SF_EVENTS_ENABLED: 'true',
  SF_PUBSUB_ENDPOINT: sf.pubsub,
  SF_PUBSUB_REJECT_UNAUTHORIZED_SSL: 'false',
  SF_PUBSUB_INSTANCE_URL: 'https://portal-sandbox.my.salesforce.com',
});
const app = await bootBffContext(config, SalesforceEventsModule);
const subscriber = app.get(SalesforceEventsSubscriberService);
for (let i = 0; i < 400 && !subscriber.isSubscribed; i++) await sleep(25);
await sleep(500);

const startWorker = (n) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}apps/bff/dist/worker.js`], {
      env: {
        PATH: process.env.PATH,
        TZ: 'UTC',
        ...env,
        LOG_LEVEL: 'info',
        LOG_PRETTY: 'false',
        BFF_ROLE: 'worker',
        PROVISIONING_CONCURRENCY: CONCURRENCY,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const stats = { activated: 0, retries: 0 };
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      if (out.length < 100_000) out += text;
      stats.activated += text.split('"msg":"order activated"').length - 1;
      stats.retries += text.split('will retry').length - 1;
      if (out.includes('provisioning worker started')) resolve({ child, stats, n });
    });
    child.stderr.on('data', (chunk) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`worker ${n} exited (${code}): ${out.slice(0, 2_000)}`)));
  });
const workers = await Promise.all([startWorker(1), startWorker(2)]);

// 20 ms on every provider call from here on.
const fault = (base, op = '*') =>
  fetch(`${base}/__admin/faults/${op}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: LATENCY_MS }),
  });
await Promise.all([fault(sf.rest), fault(whmcs.url), fault(freebitUrl)]);
const counts = (sim) => sim.counter.snapshot();
const addOrdersBefore = counts(whmcs).AddOrder ?? 0;

// --- Approve everything (the org's Flow publishes one event per approval) and watch Salesforce --------------
const approvedAt = new Map();
const activatedAt = new Map();
// The moment Salesforce records Activated, taken where the REST update lands (no polling load on this process).
const update = store.update.bind(store);
store.update = (sobject, id, input) => {
  const record = update(sobject, id, input);
  if (sobject === 'Order' && input.Activation_Status__c === 'Activated' && !activatedAt.has(id))
    activatedAt.set(id, Date.now());
  return record;
};
const started = Date.now();
for (const orderId of orderIds) {
  approvedAt.set(orderId, Date.now());
  store.approveOrder(orderId);
}
while (activatedAt.size < ORDERS && Date.now() - started < TIMEOUT_MS) await sleep(100);
const elapsedMs = Math.max(...activatedAt.values(), started) - started;
await sleep(1_000); // late duplicates, if any, would show up now

// --- Figures -------------------------------------------------------------------------------------------
const markers = new Map();
for (const order of whmcs.state.orders.values()) {
  const match = /^sfOrderId=(\w+)$/.exec(order.notes);
  if (match) markers.set(match[1], (markers.get(match[1]) ?? 0) + 1);
}
const duplicates = orderIds.reduce((sum, id) => sum + Math.max(0, (markers.get(id) ?? 0) - 1), 0);
const addOrders = (counts(whmcs).AddOrder ?? 0) - addOrdersBefore;
const lost = orderIds.filter((id) => store.get('Order', id).Activation_Status__c !== 'Activated').length;
const failed = orderIds.filter((id) => store.get('Order', id).Activation_Status__c === 'Failed').length;
const latencies = [...activatedAt].map(([id, at]) => at - approvedAt.get(id)).sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
// Where the time goes: event → job enqueued, waiting in the queue, processing (the final attempt).
const queueRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const jobs = await new Queue(QueueName.PROVISIONING, { connection: queueRedis, prefix: PREFIX }).getJobs([
  'completed',
]);
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const phases = {
  enqueue: median(jobs.map((job) => job.timestamp - approvedAt.get(job.data.orderId))),
  wait: median(jobs.map((job) => job.processedOn - job.timestamp)),
  run: median(jobs.map((job) => job.finishedOn - job.processedOn)),
};
queueRedis.disconnect();
const lines = [
  `provisioning: ${ORDERS} approved orders (half SIM) → event → 2 worker processes × concurrency ${CONCURRENCY} → Activated; ${LATENCY_MS} ms latency on every Salesforce/WHMCS/Freebit call, Freebit activation 100 ms`,
  `  activated: ${activatedAt.size}/${ORDERS} in ${(elapsedMs / 1000).toFixed(1)} s → ${((activatedAt.size / elapsedMs) * 1000).toFixed(1)} orders/s`,
  `  event → Activated: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)} ms`,
  `  median phases: event → job enqueued ${phases.enqueue} ms, queued ${phases.wait} ms, processing ${phases.run} ms`,
  `  duplicates (extra WHMCS orders for one Salesforce order): ${duplicates}; AddOrder calls: ${addOrders}`,
  `  lost (not Activated at the end): ${lost}; marked Failed: ${failed}`,
  `  per worker: ${workers.map((w) => `#${w.n} activated ${w.stats.activated}, retries ${w.stats.retries}`).join('; ')}`,
  `  provider calls: Salesforce ${Object.values(counts(org.context)).reduce((a, b) => a + b, 0)}, WHMCS ${Object.values(counts(whmcs)).reduce((a, b) => a + b, 0)}, Freebit ${Object.values(counts(freebit)).reduce((a, b) => a + b, 0)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);

// --- Cleanup ---------------------------------------------------------------------------------------------
await Promise.all(
  workers.map(
    ({ child }) =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  ),
);
await app.close();
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue(QueueName.PROVISIONING, { connection: redis, prefix: PREFIX });
await queue.obliterate({ force: true });
await queue.close();
let cursor = '0';
do {
  const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1000);
  cursor = next;
  if (keys.length > 0) await redis.unlink(...keys);
} while (cursor !== '0');
redis.disconnect();
await Promise.all([org.stop(), whmcs.stop(), freebit.stop()]);
process.exit(lost === 0 && duplicates === 0 ? 0 : 1);
