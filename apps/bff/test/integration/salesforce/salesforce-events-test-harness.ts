import { Test, type TestingModule } from '@nestjs/testing';
import { toSalesforceId18 } from '@portal/domain';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { loadSandboxEnv } from '../../../../sandbox/src/config/sandbox-env';
import { salesforcePubSubPart } from '../../../../sandbox/src/salesforce/pubsub/salesforce-pubsub-part';
import type { SalesforcePubSubSimulator } from '../../../../sandbox/src/salesforce/pubsub/salesforce-pubsub-simulator';
import { salesforceConfigFromEnv } from '../../../../sandbox/src/salesforce/salesforce-sandbox';
import { createSalesforceSimulator } from '../../../../sandbox/src/salesforce/salesforce-simulator';
import type { SalesforceSimulator } from '../../../../sandbox/src/salesforce/salesforce-simulator.types';
import { testRedisUrl, uniquePrefix } from '../../../../../test-support/redis';
import { AppConfig } from '../../../src/core/config/app-config';
import { ConfigModule } from '../../../src/core/config/config.module';
import { loadEnv } from '../../../src/core/config/env';
import { LoggingModule } from '../../../src/core/logging/logging.module';
import { MetricsModule } from '../../../src/core/metrics/metrics.module';
import { QueueName } from '../../../src/infra/queue/queue.constants';
import { CacheModule } from '../../../src/infra/cache/cache.module';
import { RedisModule } from '../../../src/infra/redis/redis.module';
import { ResilienceModule } from '../../../src/infra/resilience/resilience.module';
import { RedisService } from '../../../src/infra/redis/redis.service';
import { SalesforceEventsModule } from '../../../src/integrations/salesforce/events/salesforce-events.module';
import { SalesforceEventsSubscriberService } from '../../../src/integrations/salesforce/events/salesforce-events-subscriber.service';
import { LogCapture } from '../../support/log-capture';

export const TOPIC = '/event/OrderProvisionRequested__e';

/**
 * The org: the Salesforce simulator (OAuth + REST, its token store) with the Pub/Sub part, on free ports.
 * The BFF logs in with the JWT bearer flow and the Pub/Sub API validates that very token.
 */
export interface EventsOrg {
  readonly salesforce: SalesforceSimulator;
  readonly sim: SalesforcePubSubSimulator;
  readonly restUrl: string;
  readonly endpoint: string;
  publish(n: number, fields?: Record<string, unknown>): void;
  dropStreams(): number;
  stop(): Promise<void>;
}

export async function startEventsOrg(options: { keepaliveMs?: number } = {}): Promise<EventsOrg> {
  let pubsub: SalesforcePubSubSimulator | undefined;
  const part = salesforcePubSubPart({
    keepaliveMs: options.keepaliveMs ?? 300,
    idleTimeoutMs: 60_000,
    retentionMs: 72 * 3_600_000,
  });
  const salesforce = createSalesforceSimulator(
    salesforceConfigFromEnv(
      loadSandboxEnv({ SANDBOX_SALESFORCE_PORT: '0', SANDBOX_SALESFORCE_PUBSUB_PORT: '0' }),
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
  const urls = await salesforce.start();
  const sim = pubsub!;
  return {
    salesforce,
    sim,
    restUrl: urls.rest!,
    endpoint: urls.pubsub!,
    publish(n, fields) {
      sim.publisher.publish(TOPIC, (fields ?? orderEvent(n)) as never);
    },
    dropStreams: () => sim.service.dropAllStreams(),
    stop: () => salesforce.stop(),
  };
}

/** Event fields for order `n`: a distinct, valid 18-character Order id and idempotency key per `n`. */
export function orderEvent(n: number): Record<string, string | number> {
  const orderId = toSalesforceId18(`8015g0000${String(n).padStart(6, '0')}`);
  return {
    OrderId__c: orderId,
    IdemKey__c: `${orderId}:2026-11-25T20:00:00Z`,
    CorrelationId__c: `corr-${n}`,
    RequestedBy__c: '0055g00000AgEnTAAV',
    Version__c: 1,
  };
}

/**
 * nestjs-pino keeps its root logger process-wide, so every module built in this file writes to the stream of
 * the first: all instances share one capture (tests clear it and read what they caused).
 */
export const sharedLogs = new LogCapture();

export interface SubscriberInstance {
  readonly module: TestingModule;
  readonly subscriber: SalesforceEventsSubscriberService;
  readonly logs: LogCapture;
  /** Cuts this instance off Redis without releasing anything, as a crashed process would leave it. */
  crash(): void;
  close(): Promise<void>;
}

/**
 * One BFF instance: the real events module (with the real Salesforce connection) and the platform's config,
 * logging, metrics, Redis, cache and resilience providers.
 */
export async function startSubscriber(
  org: EventsOrg,
  queuePrefix: string,
  env: Record<string, string> = {},
): Promise<SubscriberInstance> {
  const config = new AppConfig(
    loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: `${uniquePrefix('sfevents')}:`,
      QUEUE_PREFIX: queuePrefix,
      SF_LOGIN_URL: org.restUrl,
      SF_EVENTS_ENABLED: 'true',
      SF_PUBSUB_ENDPOINT: org.endpoint,
      SF_PUBSUB_REJECT_UNAUTHORIZED_SSL: 'false',
      SF_PUBSUB_INSTANCE_URL: 'https://portal-sandbox.my.salesforce.com',
      SF_EVENTS_WATCHDOG_MS: '5000',
      SF_EVENTS_RECONNECT_BASE_MS: '100',
      SF_EVENTS_RECONNECT_MAX_MS: '1000',
      SF_EVENTS_LEASE_MS: '3000',
      ...env,
    }),
  );
  const logs = sharedLogs;
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot(config, logs),
      MetricsModule,
      RedisModule,
      CacheModule,
      ResilienceModule,
      SalesforceEventsModule,
    ],
  }).compile();
  module.useLogger(module.get(Logger));
  await module.init();
  return {
    module,
    subscriber: module.get(SalesforceEventsSubscriberService),
    logs,
    crash() {
      module.get(RedisService).queue.disconnect(false);
    },
    close: () => module.close(),
  };
}

/** Reads the provisioning queue the way a worker would see it. */
export class QueueProbe {
  readonly queue: Queue;
  readonly redis: Redis;

  constructor(readonly prefix: string) {
    this.redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    this.queue = new Queue(QueueName.PROVISIONING, { connection: this.redis, prefix });
  }

  async jobs() {
    return this.queue.getJobs([
      'waiting',
      'delayed',
      'active',
      'completed',
      'failed',
      'paused',
      'prioritized',
    ]);
  }

  async waitForCount(count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    while (Date.now() < deadline) {
      seen = (await this.queue.getJobCounts('waiting')).waiting ?? 0;
      if (seen >= count) return;
      await sleep(50);
    }
    throw new Error(`expected ${count} jobs, saw ${seen}`);
  }

  storedReplayId(): Promise<string | null> {
    return this.redis.get(`${this.prefix}:sf-events:replay:${TOPIC}`);
  }

  async close(): Promise<void> {
    await this.queue.obliterate({ force: true });
    await this.queue.close();
    await this.redis.unlink(
      `${this.prefix}:sf-events:replay:${TOPIC}`,
      `${this.prefix}:sf-events:lease:${TOPIC}`,
    );
    this.redis.disconnect();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(20);
  }
  return Date.now() - started;
}
