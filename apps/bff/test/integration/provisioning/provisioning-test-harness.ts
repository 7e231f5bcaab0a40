import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, Logger as NestLogger, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { FreebitSimulator } from '../../../../sandbox/src';
import type { SObjectRecord } from '../../../../sandbox/src/salesforce/salesforce-store';
import { WhmcsSimulator } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { salesforcePubSubPart } from '../../../../sandbox/src/salesforce/pubsub/salesforce-pubsub-part';
import type { SalesforcePubSubSimulator } from '../../../../sandbox/src/salesforce/pubsub/salesforce-pubsub-simulator';
import { createSalesforceSimulator } from '../../../../sandbox/src/salesforce/salesforce-simulator';
import type { SalesforceSimulator } from '../../../../sandbox/src/salesforce/salesforce-simulator.types';
import { testRedisUrl, uniquePrefix } from '../../../../../test-support/redis';
import { AppConfig } from '../../../src/core/config/app-config';
import { ConfigModule } from '../../../src/core/config/config.module';
import { loadEnv } from '../../../src/core/config/env';
import { LoggingModule } from '../../../src/core/logging/logging.module';
import { MetricsModule } from '../../../src/core/metrics/metrics.module';
import { CacheModule } from '../../../src/infra/cache/cache.module';
import { PROVISIONING_JOB_OPTIONS, QueueName } from '../../../src/infra/queue/queue.constants';
import { RedisModule } from '../../../src/infra/redis/redis.module';
import { ResilienceModule } from '../../../src/infra/resilience/resilience.module';
import { ProvisioningEnqueuer } from '../../../src/integrations/salesforce/events/provisioning-enqueuer';
import { SalesforceEventsMetrics } from '../../../src/integrations/salesforce/events/salesforce-events.metrics';
import { ProvisioningModule } from '../../../src/modules/provisioning/provisioning.module';
import { LogCapture } from '../../support/log-capture';

export const PORTAL_PRICEBOOK = '01s5g00000PoRtLAAV';
export const TARO_ACCOUNT = '0015g00000TaRoSAAV';
export const TARO_CLIENT = 2;
export const HANAKO_ACCOUNT = '0015g00000HaNaKAAV';
export const HANAKO_CLIENT = 1;
export const SIM_SKUS = ['SIM-DATA-VOICE-5GB', 'SIM-ACTIVATION-FEE'];
export const INTERNET_SKUS = ['INTERNET-GOLD-HOME-1G', 'INTERNET-INSTALL-SINGLE'];
export const EID = '89049032000001000000999988887777';

const WHMCS_CREDENTIALS = { identifier: 'prov-test-identifier', secret: 'prov-test-secret' };
const FREEBIT_OEM = { oemId: 'PROV_OEM', oemKey: 'prov-oem-key' };
const WORKER_JS = join(__dirname, '../../../dist/worker.js');

export const TOPIC = '/event/OrderProvisionRequested__e';
const SF_CLIENT_ID = 'prov-test-connected-app';
const SF_USERNAME = 'integration@portal.example.jp';

export interface OrderSpec {
  readonly accountId: string;
  readonly skus: readonly string[];
  readonly eid?: string;
  /** false: the order is stored approved without the org's Flow publishing an event. */
  readonly viaFlow?: boolean;
}

/** The org: OAuth + REST + the Pub/Sub part (gRPC over TLS), with a fresh connected-app key pair. */
export interface SalesforceOrg {
  readonly simulator: SalesforceSimulator;
  readonly pubsub: SalesforcePubSubSimulator;
  readonly url: string;
  readonly pubsubEndpoint: string;
  readonly privateKey: string;
  stop(): Promise<void>;
}

async function startOrg(): Promise<SalesforceOrg> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  let pubsub: SalesforcePubSubSimulator | undefined;
  const part = salesforcePubSubPart({ keepaliveMs: 2_000, idleTimeoutMs: 120_000, retentionMs: 3_600_000 });
  const simulator = createSalesforceSimulator(
    {
      host: '127.0.0.1',
      port: 0,
      pubsubPort: 0,
      orgId: '00D5g0000012PtLEAU',
      clientId: SF_CLIENT_ID,
      usernames: [SF_USERNAME],
      certificate: publicKey,
      tokenTtlMs: 3_600_000,
      extraAudiences: [],
      seedAccounts: 0,
      apiRequestLimit: 1_000_000,
    },
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
  const urls = await simulator.start();
  return {
    simulator,
    pubsub: pubsub!,
    url: urls.rest!,
    pubsubEndpoint: urls.pubsub!,
    privateKey,
    stop: () => simulator.stop(),
  };
}

/** The three simulators in-process on free ports, a unique queue prefix, and helpers to drive and inspect them. */
export class ProvisioningWorld {
  readonly queuePrefix = `{${uniquePrefix('prov')}}`;
  readonly keyPrefix = `${uniquePrefix('provcache')}:`;
  readonly redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  readonly queue = new Queue(QueueName.PROVISIONING, {
    connection: this.redis,
    prefix: this.queuePrefix,
    defaultJobOptions: PROVISIONING_JOB_OPTIONS,
  });
  /** The platform-event subscriber's own enqueue path (deterministic job ids from `IdemKey__c`). */
  readonly enqueuer = new ProvisioningEnqueuer(
    this.queue,
    new NestLogger('test-enqueuer'),
    new SalesforceEventsMetrics(new Registry()),
  );
  private readonly msisdnStart = `070${String(Math.floor(Math.random() * 9_000_000) + 1_000_000).padStart(8, '0')}`;
  private events = 0;

  private constructor(
    readonly sf: SalesforceOrg,
    readonly whmcs: WhmcsSimulator,
    readonly freebit: FreebitSimulator,
    readonly freebitUrl: string,
  ) {}

  static async start(
    options: { extraClients?: number; activationDelayMs?: number } = {},
  ): Promise<ProvisioningWorld> {
    const sf = await startOrg();
    const whmcs = new WhmcsSimulator({
      host: '127.0.0.1',
      port: 0,
      ...WHMCS_CREDENTIALS,
      authErrorStatus: 403,
      webhookSecrets: [],
      extraClients: options.extraClients ?? 0,
      invoicesPerClient: 1,
    });
    await whmcs.start();
    const freebit = new FreebitSimulator({
      host: '127.0.0.1',
      port: 0,
      ...FREEBIT_OEM,
      authKeyTtlMs: 3_600_000,
      activationDelayMs: options.activationDelayMs ?? 150,
    });
    const { api } = await freebit.start();
    return new ProvisioningWorld(sf, whmcs, freebit, api!);
  }

  /** BFF settings for a worker against this world: short backoff and stall detection, test Redis. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      BFF_ROLE: 'worker',
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: this.keyPrefix,
      QUEUE_PREFIX: this.queuePrefix,
      SF_LOGIN_URL: this.sf.url,
      SF_CLIENT_ID: SF_CLIENT_ID,
      SF_PRIVATE_KEY: this.sf.privateKey,
      SF_TIMEOUT_MS: '5000',
      SF_PUBSUB_ENDPOINT: this.sf.pubsubEndpoint,
      SF_PUBSUB_REJECT_UNAUTHORIZED_SSL: 'false',
      SF_PUBSUB_INSTANCE_URL: 'https://portal-sandbox.my.salesforce.com',
      SF_EVENTS_RECONNECT_BASE_MS: '100',
      SF_EVENTS_LEASE_MS: '1500',
      WHMCS_API_URL: this.whmcs.apiUrl,
      WHMCS_API_IDENTIFIER: WHMCS_CREDENTIALS.identifier,
      WHMCS_API_SECRET: WHMCS_CREDENTIALS.secret,
      WHMCS_TIMEOUT_MS: '5000',
      FREEBIT_BASE_URL: this.freebitUrl,
      FREEBIT_OEM_ID: FREEBIT_OEM.oemId,
      FREEBIT_OEM_KEY: FREEBIT_OEM.oemKey,
      FREEBIT_ACTIVATION_DEADLINE_MS: '10000',
      FREEBIT_ACTIVATION_POLL_INITIAL_MS: '50',
      FREEBIT_ACTIVATION_POLL_MAX_MS: '200',
      PROVISIONING_BACKOFF_BASE_MS: '100',
      PROVISIONING_BACKOFF_MAX_MS: '400',
      PROVISIONING_LOCK_DURATION_MS: '2000',
      PROVISIONING_STALLED_INTERVAL_MS: '1000',
      PROVISIONING_RECONCILE_EVERY_MS: '0',
      PROVISIONING_SIM_MSISDN_START: this.msisdnStart,
      ...extra,
    };
  }

  /** An order as the portal creates it, then approved by an agent (the org's Flow sets Activating). */
  createApprovedOrder(spec: OrderSpec): string {
    const store = this.sf.simulator.store;
    const order = store.create('Order', {
      AccountId: spec.accountId,
      Pricebook2Id: PORTAL_PRICEBOOK,
      EffectiveDate: '2026-11-25',
      Status: spec.viaFlow === false ? 'Approved' : 'Pending Review',
      ...(spec.viaFlow === false ? { Activation_Status__c: 'Activating' } : {}),
      Order_Type__c: spec.skus.some((sku) => sku.startsWith('SIM')) ? 'SIM' : 'Internet',
      Activation_Type__c: 'Immediate',
      ...(spec.eid ? { SIM_Type__c: 'eSIM', EID__c: spec.eid } : {}),
    });
    const products = store.records('Product2');
    const entries = store
      .records('PricebookEntry')
      .filter((entry) => entry.Pricebook2Id === PORTAL_PRICEBOOK);
    for (const sku of spec.skus) {
      const product = products.find((candidate) => candidate.StockKeepingUnit === sku);
      const entry = entries.find((candidate) => candidate.Product2Id === product?.Id);
      if (!entry) throw new Error(`no portal pricebook entry for ${sku}`);
      store.create('OrderItem', {
        OrderId: order.Id,
        PricebookEntryId: entry.Id,
        Quantity: 1,
        UnitPrice: entry.UnitPrice,
      });
    }
    if (spec.viaFlow !== false) store.approveOrder(order.Id);
    return order.Id;
  }

  /** An account linked to a WHMCS client (or to none). */
  createAccount(name: string, whmcsClientId: number | null): string {
    return this.sf.simulator.store.create('Account', {
      Name: name,
      ...(whmcsClientId === null ? {} : { WHMCS_Client_ID__c: whmcsClientId }),
    }).Id;
  }

  /** Delivers `OrderProvisionRequested__e` for the order through the subscriber's enqueuer. */
  async publish(orderId: string, idemKey = `${orderId}:2026-11-25T21:00:00Z`): Promise<string> {
    this.events += 1;
    const eventId = `evt-${this.events}-${orderId}`;
    await this.enqueuer.enqueue([
      {
        id: eventId,
        replayId: this.events,
        payload: {
          OrderId__c: orderId,
          IdemKey__c: idemKey,
          CorrelationId__c: `corr-${orderId}`,
          RequestedBy__c: '0055g00000AgEnTAAV',
          Version__c: 1,
          CreatedDate: Date.now(),
          CreatedById: '0055g00000AgEnTAAV',
        },
      },
    ]);
    return `corr-${orderId}`;
  }

  /** Publishes `OrderProvisionRequested__e` on the org's Pub/Sub API, as its Flow does. */
  publishOnPubSub(orderId: string, idemKey: string): void {
    this.sf.pubsub.publisher.publish(TOPIC, {
      OrderId__c: orderId,
      IdemKey__c: idemKey,
      CorrelationId__c: `corr-${orderId}`,
      RequestedBy__c: '0055g00000AgEnTAAV',
      Version__c: 1,
    });
  }

  order(orderId: string): SObjectRecord {
    const order = this.sf.simulator.store.get('Order', orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    return order;
  }

  orderItems(orderId: string): SObjectRecord[] {
    return this.sf.simulator.store.records('OrderItem').filter((item) => item.OrderId === orderId);
  }

  /** WHMCS orders whose notes carry the Salesforce order's marker. */
  whmcsOrders(orderId: string) {
    return [...this.whmcs.state.orders.values()].filter((order) => order.notes === `sfOrderId=${orderId}`);
  }

  whmcsCount(action: string): number {
    return this.whmcs.counter.snapshot()[action] ?? 0;
  }

  freebitCount(operation: string): number {
    return this.freebit.counter.snapshot()[operation] ?? 0;
  }

  async waitFor(
    predicate: () => boolean | Promise<boolean>,
    timeoutMs = 20_000,
    what = 'condition',
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await predicate())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  async waitForStatus(orderId: string, status: string, timeoutMs = 20_000): Promise<void> {
    await this.waitFor(
      () => this.order(orderId).Activation_Status__c === status,
      timeoutMs,
      `${orderId} ${status}`,
    );
  }

  /** Waits until a job for the order has completed (Salesforce shows Activated before the last step ends). */
  async waitForCompleted(orderId: string, timeoutMs = 20_000): Promise<void> {
    await this.waitFor(
      async () => (await this.queue.getJobs(['completed'])).some((job) => job.data.orderId === orderId),
      timeoutMs,
      `a completed job for ${orderId}`,
    );
  }

  async stop(): Promise<void> {
    await this.queue.obliterate({ force: true }).catch(() => undefined);
    await this.queue.close();
    for (const prefix of [this.queuePrefix, this.keyPrefix]) {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await this.redis.unlink(...keys);
      } while (cursor !== '0');
    }
    this.redis.disconnect();
    await this.freebit.stop();
    await this.whmcs.stop();
    await this.sf.stop();
  }
}

export interface InProcessWorker {
  readonly module: TestingModule;
  readonly logs: LogCapture;
  close(): Promise<void>;
}

/** The real ProvisioningModule (worker role) with the platform modules, in this process. */
export async function startInProcessWorker(
  world: ProvisioningWorld,
  env: Record<string, string> = {},
  extraModules: (Type | DynamicModule)[] = [],
): Promise<InProcessWorker> {
  __resetOutOfContextForTests();
  const config = new AppConfig(loadEnv(world.env(env)));
  const logs = new LogCapture();
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot(config, logs),
      MetricsModule,
      RedisModule,
      CacheModule,
      ResilienceModule,
      ProvisioningModule,
      ...extraModules,
    ],
  }).compile();
  module.useLogger(module.get(Logger));
  await module.init();
  return { module, logs, close: () => module.close() };
}

export interface ChildWorker {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A worker process (`node dist/worker.js`, the built app), ready once its worker has started. */
export async function spawnWorker(
  world: ProvisioningWorld,
  env: Record<string, string> = {},
): Promise<ChildWorker> {
  if (!existsSync(WORKER_JS)) throw new Error('apps/bff/dist/worker.js is missing: run `pnpm build`.');
  const child = spawn(process.execPath, [WORKER_JS], {
    env: { PATH: process.env.PATH, TZ: 'UTC', ...world.env(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = Date.now();
  while (!out.includes('provisioning worker started')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker exited early: ${out}`);
    if (Date.now() - started > 30_000) throw new Error(`worker did not start: ${out}`);
    await sleep(50);
  }
  return { child, output: () => out, exited };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
