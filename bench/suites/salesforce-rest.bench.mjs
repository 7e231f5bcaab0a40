// Salesforce REST: the BFF's overhead on cold Salesforce-backed reads (BFF latency minus the simulator's own
// handling time), through the real jsforce connection, resilience policy, domain mappers and cache.
// Runs against the built dist (`pnpm build`); needs a local Redis at REDIS_URL (default redis://127.0.0.1:6379).
//   - order read: getById = 2 SOQL round trips (Order with Account.Name, then OrderItems) + mapping, never cached;
//   - catalog read: getByType with the cache emptied first = SOQL with the PricebookEntries subquery + mapping +
//     validated cache write.
import { bffConfig, bffDist, bootBffContext, sandboxDist } from '../lib/workspace.mjs';
import { now, summary } from '../lib/stats.mjs';

const sandbox = sandboxDist('index.js');
const { CacheService } = bffDist('infra/cache/cache.service.js');
const { catalogPattern } = bffDist('infra/cache/cache-keys.js');
const { SalesforceModule } = bffDist('integrations/salesforce/salesforce.module.js');
const { SalesforceOrderService } = bffDist('integrations/salesforce/services/salesforce-order.service.js');
const { SalesforceCatalogService } = bffDist(
  'integrations/salesforce/services/salesforce-catalog.service.js',
);
const { SalesforceConnectionService } = bffDist(
  'integrations/salesforce/services/salesforce-connection.service.js',
);

const ITERATIONS = Number(process.env.SF_REST_BENCH_ITERATIONS ?? 500);
const ORDER_ID = '8015g00000OrDa1AAF';

const org = sandbox.createSalesforceSimulator(
  sandbox.salesforceConfigFromEnv(sandbox.loadSandboxEnv({ SANDBOX_SALESFORCE_PORT: '0' })),
);
const { rest } = await org.start();
const config = bffConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_KEY_PREFIX: `bench-sfrest-${process.pid}:`,
  SF_LOGIN_URL: rest,
});

const app = await bootBffContext(config, SalesforceModule);
const orders = app.get(SalesforceOrderService);
const catalog = app.get(SalesforceCatalogService);
const cache = app.get(CacheService);
const connection = app.get(SalesforceConnectionService);

const fmt = (value) => value.toFixed(3).padStart(8);

/** Runs `call` ITERATIONS times; `prepare` (untimed) runs before each call. Pairs latency with simulator time. */
async function measure(call, prepare = async () => {}) {
  const total = [];
  const simulator = [];
  const overhead = [];
  for (let i = 0; i < ITERATIONS; i++) {
    await prepare();
    const handlingBefore = org.stats.handlingMsTotal;
    const started = now();
    await call();
    const elapsed = now() - started;
    const handled = org.stats.handlingMsTotal - handlingBefore;
    total.push(elapsed);
    simulator.push(handled);
    overhead.push(elapsed - handled);
  }
  return { total: summary(total), simulator: summary(simulator), overhead: summary(overhead) };
}

const firstStarted = now();
await orders.getById(ORDER_ID);
const first = now() - firstStarted;

const session = await connection.session();
const orderSoql = encodeURIComponent(
  `SELECT Id, OrderNumber, Account.Name FROM Order WHERE Id = '${ORDER_ID}'`,
);
const bare = await measure(async () => {
  const response = await fetch(`${session.instanceUrl}/services/data/v62.0/query?q=${orderSoql}`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  await response.json();
});
const order = await measure(() => orders.getById(ORDER_ID));
const cold = await measure(
  () => catalog.getByType('sim'),
  () => cache.invalidate(catalogPattern()),
);

const row = (label, stats) =>
  `  ${label.padEnd(48)} p50 ${fmt(stats.p50)} ms   p99 ${fmt(stats.p99)} ms   mean ${fmt(stats.mean)} ms`;
process.stdout.write(
  [
    `salesforce-rest: cold Salesforce-backed reads, ${ITERATIONS} sequential reads each, simulator in-process`,
    `  first read incl. JWT login + connect: ${first.toFixed(3)} ms`,
    row('bare fetch of one query: latency - simulator time', bare.overhead),
    row('order getById (2 queries): latency', order.total),
    row('order getById: simulator time', order.simulator),
    row('order getById: BFF overhead', order.overhead),
    row('catalog cold read (query + cache write): latency', cold.total),
    row('catalog cold read: simulator time', cold.simulator),
    row('catalog cold read: BFF overhead', cold.overhead),
  ].join('\n') + '\n',
);

await app.close();
await org.stop();
