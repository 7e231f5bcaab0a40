import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../../core/config/app-config';
import { MetricsService } from '../../../core/metrics/metrics.service';
import { QUEUE_REDIS } from '../../../infra/redis/redis.tokens';
import { PROVISIONING_JOB_OPTIONS, QueueName } from '../../../infra/queue/queue.constants';
import { ProvisioningEnqueuer } from './provisioning-enqueuer';
import { PUBSUB_SESSION_SOURCE, type PubSubSessionSource } from './pubsub-session.source';
import {
  PubSubStream,
  type PubSubStreamSettings,
  type ReceivedEvent,
  type StreamFailure,
  type StreamHandlers,
  type StreamStart,
} from './pubsub-stream';
import { RedisLeaseLock } from './redis-lease-lock';
import { ReplayIdRepository } from './replay-id.repository';
import { SalesforceEventsMetrics, type StreamRestartReason } from './salesforce-events.metrics';

const GRPC_INVALID_ARGUMENT = 3;
const GRPC_UNAUTHENTICATED = 16;
const REPLAY_ID_CORRUPTED = 'sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted';

type Pending = { readonly event: ReceivedEvent } | { readonly skipReplayId: number };

/**
 * Subscribes to `OrderProvisionRequested__e` and turns every event into a `provision-order` job.
 *
 * - One instance subscribes at a time: it holds a Redis lease, renewed every third of the lease period.
 * - Flow control: a batch of SF_EVENTS_BATCH_SIZE is requested; the next one only after the previous batch's
 *   jobs are enqueued and its replay id stored, so a crash replays at most an unacknowledged batch (the
 *   deterministic job ids absorb the repeats).
 * - Resumes from the stored replay id (CUSTOM), else SF_EVENTS_REPLAY; a corrupted/expired id → EARLIEST.
 * - The client never resubscribes: on end/error this service reconnects with exponential backoff and jitter,
 *   refreshing the token first after `UNAUTHENTICATED`; a watchdog rebuilds a stream that went silent.
 */
@Injectable()
export class SalesforceEventsSubscriberService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SalesforceEventsSubscriberService.name);
  private queue: Queue | undefined;
  private enqueuer: ProvisioningEnqueuer | undefined;
  private readonly redis: Redis;
  private readonly queuePrefix: string;
  private readonly lease: RedisLeaseLock;
  private readonly replayIds: ReplayIdRepository;
  private readonly settings: PubSubStreamSettings;
  private readonly values: AppConfig['values'];
  private readonly metrics: SalesforceEventsMetrics;

  private running = false;
  private leading = false;
  private stream: PubSubStream | undefined;
  private generation = 0;
  private pending: Pending[] = [];
  private draining: Promise<void> | undefined;
  private batchReceived = false;
  private lastActivityAt = 0;
  private lastFailure: StreamFailure | undefined;
  private reconnectAttempt = 0;
  private refreshSession = false;
  private startFromEarliest = false;
  private leaseTimer: NodeJS.Timeout | undefined;
  private watchdogTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    config: AppConfig,
    @Inject(QUEUE_REDIS) redis: Redis,
    @Inject(PUBSUB_SESSION_SOURCE) private readonly sessions: PubSubSessionSource,
    metrics: MetricsService,
  ) {
    this.values = config.values;
    this.metrics = new SalesforceEventsMetrics(metrics.registry);
    this.redis = redis;
    const prefix = config.values.QUEUE_PREFIX;
    this.queuePrefix = prefix;
    const topic = config.values.SF_PROVISION_EVENT_CHANNEL;
    this.lease = new RedisLeaseLock(
      redis,
      `${prefix}:sf-events:lease:${topic}`,
      config.values.SF_EVENTS_LEASE_MS,
    );
    this.replayIds = new ReplayIdRepository(redis, `${prefix}:sf-events:replay:${topic}`);
    this.settings = {
      endpoint: config.values.SF_PUBSUB_ENDPOINT,
      rejectUnauthorizedSsl: config.values.SF_PUBSUB_REJECT_UNAUTHORIZED_SSL ?? true,
      instanceUrlOverride: config.values.SF_PUBSUB_INSTANCE_URL,
      topic,
      batchSize: config.values.SF_EVENTS_BATCH_SIZE,
    };
  }

  /** Whether this instance holds the subscriber lease. */
  get isLeading(): boolean {
    return this.leading;
  }

  /** Whether a Subscribe stream is open in this instance. */
  get isSubscribed(): boolean {
    return this.stream !== undefined && !this.stream.isEnded;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.values.SF_EVENTS_ENABLED) return;
    // Loading the client is slow and synchronous: do it before holding a lease that must be renewed.
    await PubSubStream.preload();
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.queue ??= new Queue(QueueName.PROVISIONING, {
      connection: this.redis,
      prefix: this.queuePrefix,
      defaultJobOptions: PROVISIONING_JOB_OPTIONS,
    });
    this.enqueuer ??= new ProvisioningEnqueuer(this.queue, this.logger, this.metrics);
    const leaseTick = Math.max(50, Math.floor(this.values.SF_EVENTS_LEASE_MS / 3));
    this.leaseTimer = setInterval(() => void this.leaseTick(), leaseTick);
    this.watchdogTimer = setInterval(
      () => this.watchdogTick(),
      Math.min(1_000, this.values.SF_EVENTS_WATCHDOG_MS),
    );
    void this.leaseTick();
  }

  /** Stops subscribing, lets an in-flight enqueue finish, and hands the lease back at once. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.leaseTimer);
    clearInterval(this.watchdogTimer);
    clearTimeout(this.reconnectTimer);
    this.retireStream();
    await this.draining;
    if (this.leading) {
      this.leading = false;
      this.metrics.leading(false);
      await this.lease
        .release()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'lease release failed'));
    }
    await this.queue?.close();
    this.queue = undefined;
    this.enqueuer = undefined;
  }

  private async leaseTick(): Promise<void> {
    if (!this.running) return;
    try {
      if (this.leading) {
        if (!(await this.lease.renew())) this.stepDown('lease lost');
      } else if (await this.lease.tryAcquire()) {
        if (!this.running) return void (await this.lease.release());
        this.leading = true;
        this.metrics.leading(true);
        this.reconnectAttempt = 0;
        this.logger.log({ topic: this.settings.topic }, 'subscriber lease acquired; subscribing');
        await this.openStream();
      }
    } catch (error) {
      // Without Redis the lease cannot be proven: stop consuming rather than risk two subscribers.
      if (this.leading) this.stepDown('lease renewal failed');
      this.logger.warn({ err: error }, 'subscriber lease check failed');
    }
  }

  private stepDown(reason: string): void {
    this.logger.warn({ reason }, 'subscriber lease no longer held; unsubscribing');
    this.leading = false;
    this.metrics.leading(false);
    clearTimeout(this.reconnectTimer);
    this.retireStream();
  }

  private async openStream(): Promise<void> {
    if (!this.running || !this.leading || this.stream) return;
    const generation = ++this.generation;
    try {
      const session = this.refreshSession ? await this.sessions.refresh() : await this.sessions.current();
      this.refreshSession = false;
      const start = await this.startPosition();
      if (generation !== this.generation || !this.leading) return;
      this.batchReceived = false;
      this.lastFailure = undefined;
      this.lastActivityAt = Date.now();
      const stream = await PubSubStream.open(
        this.settings,
        session,
        start,
        this.handlers(generation),
        pubSubLogger(this.logger),
      );
      if (generation !== this.generation || !this.leading || !this.running) {
        stream.retire();
        return;
      }
      this.stream = stream;
      this.logger.log({ topic: this.settings.topic, start }, 'subscribed');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not open the Pub/Sub stream');
      if (generation === this.generation) this.scheduleReconnect();
    }
  }

  private async startPosition(): Promise<StreamStart> {
    if (this.startFromEarliest) {
      this.startFromEarliest = false;
      return { kind: 'EARLIEST' };
    }
    const stored = await this.replayIds.get();
    if (stored !== undefined) return { kind: 'CUSTOM', replayId: stored };
    return { kind: this.values.SF_EVENTS_REPLAY === 'LATEST' ? 'LATEST' : 'EARLIEST' };
  }

  private handlers(generation: number): StreamHandlers {
    const current = (): boolean => generation === this.generation;
    return {
      onEvent: (event) => {
        if (!current()) return;
        this.touch();
        this.metrics.count('received');
        this.pending.push({ event });
        this.kickDrain();
      },
      onUndecodable: (replayId, error) => {
        if (!current()) return;
        this.logger.error({ err: error, replayId }, 'undecodable platform event skipped');
        this.metrics.count('skipped');
        if (replayId !== undefined) this.pending.push({ skipReplayId: replayId });
        this.kickDrain();
      },
      onBatchReceived: () => {
        if (!current()) return;
        this.batchReceived = true;
        this.kickDrain();
      },
      onKeepalive: () => {
        if (current()) this.touch();
      },
      onFailure: (failure) => {
        if (current()) this.lastFailure = failure;
      },
      onEnd: () => {
        if (current()) this.onStreamEnd();
      },
    };
  }

  private touch(): void {
    this.lastActivityAt = Date.now();
    this.reconnectAttempt = 0;
  }

  private onStreamEnd(): void {
    const failure = this.lastFailure;
    this.retireStream();
    let reason: StreamRestartReason = 'ended';
    if (failure?.code === GRPC_INVALID_ARGUMENT && failure.sfErrorCode === REPLAY_ID_CORRUPTED) {
      this.logger.warn(
        { failure },
        'stored replay id is corrupted or outside retention; replaying from EARLIEST',
      );
      this.startFromEarliest = true;
      reason = 'replay_corrupted';
    } else if (failure?.code === GRPC_UNAUTHENTICATED) {
      this.logger.warn({ failure }, 'Pub/Sub session rejected; a fresh token will be used');
      this.refreshSession = true;
      reason = 'unauthenticated';
    } else {
      this.logger.warn({ failure }, 'Pub/Sub stream ended; reconnecting');
    }
    this.metrics.restarted(reason);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running || !this.leading) return;
    clearTimeout(this.reconnectTimer);
    const ceiling = Math.min(
      this.values.SF_EVENTS_RECONNECT_MAX_MS,
      this.values.SF_EVENTS_RECONNECT_BASE_MS * 2 ** this.reconnectAttempt,
    );
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.reconnectAttempt = Math.min(this.reconnectAttempt + 1, 30);
    this.reconnectTimer = setTimeout(() => void this.openStream(), delay);
  }

  /** Mutes the current stream (its unacknowledged events will be replayed from the stored replay id). */
  private retireStream(): void {
    this.generation += 1;
    this.stream?.retire();
    this.stream = undefined;
    this.pending = [];
    this.batchReceived = false;
  }

  private watchdogTick(): void {
    if (!this.stream || Date.now() - this.lastActivityAt < this.values.SF_EVENTS_WATCHDOG_MS) return;
    this.logger.warn(
      { silentMs: Date.now() - this.lastActivityAt },
      'no events or keepalives within the watchdog period; rebuilding the stream',
    );
    this.metrics.restarted('watchdog');
    this.retireStream();
    this.scheduleReconnect();
  }

  private kickDrain(): void {
    // Starting on the next turn lets the rest of the FetchResponse's events join the same addBulk.
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.draining = undefined;
        if (this.pending.length > 0 || this.batchReceived) this.kickDrain();
      });
  }

  /** Enqueues what has arrived, then stores the last replay id, then (batch complete) asks for more. */
  private async drain(): Promise<void> {
    const generation = this.generation;
    try {
      while (this.pending.length > 0 && generation === this.generation) {
        const enqueuer = this.enqueuer;
        if (!enqueuer) return;
        const items = this.pending.splice(0);
        const events = items.flatMap((item) => ('event' in item ? [item.event] : []));
        await enqueuer.enqueue(events);
        const last = items.at(-1)!;
        const replayId = 'event' in last ? last.event.replayId : last.skipReplayId;
        if (!(await this.replayIds.save(replayId, this.lease.key, this.lease.token))) {
          if (generation === this.generation) this.stepDown('replay id not stored: lease lost');
          return;
        }
      }
      if (this.batchReceived && generation === this.generation) {
        this.batchReceived = false;
        this.stream?.requestMore();
      }
    } catch (error) {
      this.logger.error(
        { err: error },
        'enqueueing platform events failed; resubscribing from the stored replay id',
      );
      if (generation === this.generation) {
        this.metrics.restarted('enqueue_failed');
        this.retireStream();
        this.scheduleReconnect();
      }
    }
  }
}

/** The client logs every batch at info level: keep it at debug under ours. */
function pubSubLogger(logger: Logger): {
  debug: Logger['debug'];
  info: Logger['debug'];
  warn: Logger['warn'];
  error: Logger['error'];
} {
  return {
    debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
    info: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
    warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
    error: (...args: unknown[]) => logger.error(args.map(String).join(' ')),
  };
}
