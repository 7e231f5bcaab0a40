// Salesforce REST: the BFF's overhead on cold Salesforce-backed reads (BFF latency minus the simulator's own
// handling time), through the real jsforce connection, resilience policy, domain mappers and cache.
// Runs against the built dist (`pnpm build`); needs a local Redis at REDIS_URL (default redis://127.0.0.1:6379).
//   - order read: getById = 2 SOQL round trips (Order with Account.Name, then OrderItems) + mapping, never cached;
//   - catalog read: getByType with the cache emptied first = SOQL with the PricebookEntries subquery + mapping +
//     validated cache write.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bffRequire = createRequire(`${root}apps/bff/package.json`);
const sandbox = createRequire(`${root}apps/sandbox/package.json`)(`${root}apps/sandbox/dist/index.js`);
const { NestFactory } = bffRequire('@nestjs/core');
const { Module } = bffRequire('@nestjs/common');
const dist = (path) => bffRequire(`${root}apps/bff/dist/${path}`);
const { AppConfig } = dist('core/config/app-config.js');
const { loadEnv } = dist('core/config/env.js');
const { ConfigModule } = dist('core/config/config.module.js');
const { MetricsModule } = dist('core/metrics/metrics.module.js');
const { RedisModule } = dist('infra/redis/redis.module.js');
const { CacheModule } = dist('infra/cache/cache.module.js');
const { CacheService } = dist('infra/cache/cache.service.js');
const { catalogPattern } = dist('infra/cache/cache-keys.js');
const { ResilienceModule } = dist('infra/resilience/resilience.module.js');
const { SalesforceModule } = dist('integrations/salesforce/salesforce.module.js');
const { SalesforceOrderService } = dist('integrations/salesforce/services/salesforce-order.service.js');
const { SalesforceCatalogService } = dist('integrations/salesforce/services/salesforce-catalog.service.js');
const { SalesforceConnectionService } = dist(
  'integrations/salesforce/services/salesforce-connection.service.js',
);

const ITERATIONS = Number(process.env.SF_REST_BENCH_ITERATIONS ?? 500);
const ORDER_ID = '8015g00000OrDa1AAF';

const org = sandbox.createSalesforceSimulator(
  sandbox.salesforceConfigFromEnv(sandbox.loadSandboxEnv({ SANDBOX_SALESFORCE_PORT: '0' })),
);
const { rest } = await org.start();
const config = new AppConfig(
  loadEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `bench-sfrest-${process.pid}:`,
    SF_LOGIN_URL: rest,
  }),
);

class BenchModule {}
Module({
  imports: [
    ConfigModule.forRoot(config),
    MetricsModule,
    RedisModule,
    CacheModule,
    ResilienceModule,
    SalesforceModule,
  ],
})(BenchModule);
const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
const orders = app.get(SalesforceOrderService);
const catalog = app.get(SalesforceCatalogService);
const cache = app.get(CacheService);
const connection = app.get(SalesforceConnectionService);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const summary = (values) => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  mean: values.reduce((a, b) => a + b, 0) / values.length,
});
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
