import { Test, type TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { SalesforcePubSubSimulator } from '../../../../sandbox/src/salesforce/pubsub/salesforce-pubsub-simulator';
import { SalesforceTokens } from '../../../../sandbox/src/salesforce/salesforce-tokens';
import { testRedisUrl, uniquePrefix } from '../../../../../test-support/redis';
import { AppConfig } from '../../../src/core/config/app-config';
import { ConfigModule } from '../../../src/core/config/config.module';
import { loadEnv } from '../../../src/core/config/env';
import { LoggingModule } from '../../../src/core/logging/logging.module';
import { MetricsModule } from '../../../src/core/metrics/metrics.module';
import { QueueName } from '../../../src/infra/queue/queue.constants';
import { RedisModule } from '../../../src/infra/redis/redis.module';
import { RedisService } from '../../../src/infra/redis/redis.service';
import { SalesforceEventsModule } from '../../../src/integrations/salesforce/events/salesforce-events.module';
import { SalesforceEventsSubscriberService } from '../../../src/integrations/salesforce/events/salesforce-events-subscriber.service';
import {
  PUBSUB_SESSION_SOURCE,
  type PubSubSessionSource,
} from '../../../src/integrations/salesforce/events/pubsub-session.source';
import type { PubSubSession } from '../../../src/integrations/salesforce/events/pubsub-stream';
import { LogCapture } from '../../support/log-capture';

export const ORG_ID = '00D5g0000012PtLEAU';
export const TOPIC = '/event/OrderProvisionRequested__e';
const USERNAME = 'integration@portal.example.jp';

/** The org side: the Pub/Sub simulator validating tokens from a real simulator token store. */
export interface EventsOrg {
  readonly sim: SalesforcePubSubSimulator;
  readonly tokens: SalesforceTokens;
  readonly endpoint: string;
  publish(n: number, fields?: Record<string, unknown>): void;
  dropStreams(): number;
  stop(): Promise<void>;
}

export async function startEventsOrg(options: { keepaliveMs?: number } = {}): Promise<EventsOrg> {
  const tokens = new SalesforceTokens(ORG_ID, 3_600_000);
  const sim = new SalesforcePubSubSimulator({
    host: '127.0.0.1',
    port: 0,
    orgId: ORG_ID,
    createdById: '0055g00000InTeGAAV',
    tokens,
    keepaliveMs: options.keepaliveMs ?? 300,
    idleTimeoutMs: 60_000,
    retentionMs: 72 * 3_600_000,
  });
  const { grpc } = await sim.start();
  return {
    sim,
    tokens,
    endpoint: grpc!,
    publish(n, fields) {
      sim.publisher.publish(TOPIC, (fields ?? orderEvent(n)) as never);
    },
    dropStreams: () => sim.service.dropAllStreams(),
    stop: () => sim.stop(),
  };
}

export function orderEvent(n: number): Record<string, string | number> {
  return {
    OrderId__c: `8015g00000O${String(n).padStart(5, '0')}AAF`,
    IdemKey__c: `8015g00000O${String(n).padStart(5, '0')}AAF:2026-11-25T20:00:00Z`,
    CorrelationId__c: `corr-${n}`,
    RequestedBy__c: '0055g00000AgEnTAAV',
    Version__c: 1,
  };
}

/** Sessions from the org's token store, as the Salesforce connection would hand them over. */
export class TestSessionSource implements PubSubSessionSource {
  refreshes = 0;
  private session: PubSubSession | undefined;

  constructor(private readonly tokens: SalesforceTokens) {}

  current(): Promise<PubSubSession> {
    this.session ??= this.issue();
    return Promise.resolve(this.session);
  }

  refresh(): Promise<PubSubSession> {
    this.refreshes += 1;
    this.session = this.issue();
    return Promise.resolve(this.session);
  }

  private issue(): PubSubSession {
    return {
      accessToken: this.tokens.issue(USERNAME).accessToken,
      // The REST simulator is plain http: the client needs an https URL it never dials.
      instanceUrl: 'http://127.0.0.1:4010',
      organizationId: ORG_ID,
    };
  }
}

/**
 * nestjs-pino keeps its root logger process-wide, so every module built in this file writes to the stream of
 * the first: all instances share one capture (tests clear it and read what they caused).
 */
export const sharedLogs = new LogCapture();

export interface SubscriberInstance {
  readonly module: TestingModule;
  readonly subscriber: SalesforceEventsSubscriberService;
  readonly sessions: TestSessionSource;
  readonly logs: LogCapture;
  /** Cuts this instance off Redis without releasing anything, as a crashed process would leave it. */
  crash(): void;
  close(): Promise<void>;
}

/** One BFF instance: the real events module with the platform's config, logging and Redis providers. */
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
      SF_EVENTS_ENABLED: 'true',
      SF_PUBSUB_ENDPOINT: org.endpoint,
      SF_PUBSUB_REJECT_UNAUTHORIZED_SSL: 'false',
      SF_PUBSUB_INSTANCE_URL: 'https://portal-sandbox.my.salesforce.com',
      SF_EVENTS_WATCHDOG_MS: '5000',
      SF_EVENTS_RECONNECT_BASE_MS: '100',
      SF_EVENTS_RECONNECT_MAX_MS: '1000',
      SF_EVENTS_LEASE_MS: '1500',
      ...env,
    }),
  );
  const sessions = new TestSessionSource(org.tokens);
  const logs = sharedLogs;
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot(config, logs),
      MetricsModule,
      RedisModule,
      SalesforceEventsModule.register({ provide: PUBSUB_SESSION_SOURCE, useValue: sessions }),
    ],
  }).compile();
  module.useLogger(module.get(Logger));
  await module.init();
  return {
    module,
    subscriber: module.get(SalesforceEventsSubscriberService),
    sessions,
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
