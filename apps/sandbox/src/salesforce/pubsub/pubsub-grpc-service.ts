import { randomUUID } from 'node:crypto';
import {
  status,
  type Metadata,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { FaultInjector } from '../../shared/fault-injector';
import type { RequestCounter } from '../../shared/request-counter';
import { encodeReplayId, type PubSubEventBus } from './pubsub-event-bus';
import { injectedError, pubSubError, type GrpcFailure } from './pubsub-errors';
import {
  PublishErrorCode,
  SfErrorCode,
  type FetchRequest,
  type FetchResponse,
  type PublishRequest,
  type PublishResponse,
  type PublishResultMessage,
  type SchemaRequest,
  type TopicRequest,
} from './pubsub-messages';
import { SubscribeSession, type SubscribeTimings } from './subscribe-session';

/** What the simulator needs from the org's token store (part of the REST simulator). */
export interface AccessTokenValidator {
  isValidAccessToken(token: string): boolean;
}

export interface PubSubGrpcServiceOptions {
  readonly bus: PubSubEventBus;
  readonly tokens: AccessTokenValidator;
  readonly faults: FaultInjector;
  readonly counter: RequestCounter;
  readonly timings: SubscribeTimings;
  readonly orgId: string;
}

/** A single event may be at most 1 MB (SF-PS allocations). */
const MAX_EVENT_BYTES = 1_048_576;

/** The `eventbus.v1.PubSub` handlers: auth metadata checked on every call, faults injectable per RPC. */
export class PubSubGrpcService {
  private readonly sessions = new Set<SubscribeSession>();
  private readonly publishStreams = new Set<ServerDuplexStream<PublishRequest, PublishResponse>>();

  constructor(private readonly options: PubSubGrpcServiceOptions) {}

  get activeStreams(): number {
    return this.sessions.size;
  }

  /** Breaks every open Subscribe stream with `UNAVAILABLE`, as a network drop would. */
  dropAllStreams(): number {
    const sessions = [...this.sessions];
    for (const session of sessions) {
      session.fail(
        pubSubError(status.UNAVAILABLE, 'Stream dropped by the simulator.', SfErrorCode.serviceUnavailable),
      );
    }
    return sessions.length;
  }

  /**
   * Ends every stream with status OK, at shutdown: a client that already called `close()` has detached its
   * stream listeners, and an error status would then be an uncaught exception in its process.
   */
  endAllStreams(): void {
    for (const session of [...this.sessions]) session.end();
    for (const call of this.publishStreams) call.end();
    this.publishStreams.clear();
  }

  handlers(): UntypedServiceImplementation {
    return {
      GetTopic: (call: ServerUnaryCall<TopicRequest, unknown>, callback: sendUnaryData<unknown>) =>
        void this.unary('GetTopic', call.metadata, callback, () => this.getTopic(call.request)),
      GetSchema: (call: ServerUnaryCall<SchemaRequest, unknown>, callback: sendUnaryData<unknown>) =>
        void this.unary('GetSchema', call.metadata, callback, () => this.getSchema(call.request)),
      Publish: (call: ServerUnaryCall<PublishRequest, unknown>, callback: sendUnaryData<unknown>) =>
        void this.unary('Publish', call.metadata, callback, () => this.publish(call.request)),
      PublishStream: (call: ServerDuplexStream<PublishRequest, PublishResponse>) =>
        void this.publishStream(call),
      Subscribe: (call: ServerDuplexStream<FetchRequest, FetchResponse>) => void this.subscribe(call),
      ManagedSubscribe: (call: ServerDuplexStream<unknown, unknown>) =>
        call.emit('error', pubSubError(status.UNIMPLEMENTED, 'Managed subscriptions are not simulated.')),
    };
  }

  private async unary(
    operation: string,
    metadata: Metadata,
    callback: sendUnaryData<unknown>,
    run: () => unknown,
  ): Promise<void> {
    const failure = await this.admit(operation, metadata);
    if (failure) return callback(failure);
    try {
      const result = run();
      if (isFailure(result)) callback(result);
      else callback(null, result);
    } catch (error) {
      callback(pubSubError(status.INTERNAL, error instanceof Error ? error.message : 'Internal error.'));
    }
  }

  /** Counts the call, applies injected faults, then checks the auth metadata. */
  private async admit(operation: string, metadata: Metadata): Promise<GrpcFailure | undefined> {
    this.options.counter.increment(operation);
    const decision = this.options.faults.decide(operation);
    await this.options.faults.delay(decision);
    if (decision.failure !== undefined) return injectedError(decision.failure);
    const token = metadata.get('accesstoken')[0];
    const tenant = metadata.get('tenantid')[0];
    const instanceUrl = metadata.get('instanceurl')[0];
    const authenticated =
      typeof token === 'string' &&
      this.options.tokens.isValidAccessToken(token) &&
      typeof instanceUrl === 'string' &&
      instanceUrl.length > 0 &&
      typeof tenant === 'string' &&
      sameOrg(tenant, this.options.orgId);
    if (!authenticated) {
      return pubSubError(
        status.UNAUTHENTICATED,
        'The session is invalid or expired, or the tenant id does not match.',
        SfErrorCode.authError,
      );
    }
    return undefined;
  }

  private getTopic(request: TopicRequest): unknown {
    const topic = this.options.bus.topic(request.topicName ?? '');
    if (!topic) {
      return pubSubError(
        status.NOT_FOUND,
        `The topic ${request.topicName} was not found.`,
        SfErrorCode.topicNotFound,
      );
    }
    return {
      topicName: topic.topicName,
      tenantGuid: this.options.orgId,
      canPublish: true,
      canSubscribe: true,
      schemaId: topic.schemaId,
      rpcId: randomUUID(),
    };
  }

  private getSchema(request: SchemaRequest): unknown {
    const topic = this.options.bus.topicBySchemaId(request.schemaId ?? '');
    if (!topic) {
      return pubSubError(
        status.NOT_FOUND,
        `The schema ${request.schemaId} was not found.`,
        SfErrorCode.schemaNotFound,
      );
    }
    return { schemaJson: topic.schemaJson, schemaId: topic.schemaId, rpcId: randomUUID() };
  }

  private publish(request: PublishRequest): PublishResponse | GrpcFailure {
    const topic = this.options.bus.topic(request.topicName ?? '');
    if (!topic) {
      return pubSubError(
        status.NOT_FOUND,
        `The topic ${request.topicName} was not found.`,
        SfErrorCode.topicNotFound,
      );
    }
    const results = (request.events ?? []).map((event): PublishResultMessage => {
      const correlationKey = event.id ?? '';
      const problem = publishProblem(event, topic.schemaId, (payload) => topic.avroType.fromBuffer(payload));
      if (problem) return { error: { code: PublishErrorCode.PUBLISH, msg: problem }, correlationKey };
      const stored = this.options.bus.append(topic.topicName, event.payload!, correlationKey || randomUUID());
      return { replayId: encodeReplayId(stored.replayId), correlationKey };
    });
    return { results, schemaId: topic.schemaId, rpcId: randomUUID() };
  }

  private async publishStream(call: ServerDuplexStream<PublishRequest, PublishResponse>): Promise<void> {
    const failure = await this.admit('PublishStream', call.metadata);
    if (failure) {
      call.emit('error', failure);
      return;
    }
    this.publishStreams.add(call);
    const forget = (): boolean => this.publishStreams.delete(call);
    call.on('data', (request: PublishRequest) => {
      const response = this.publish(request);
      if (isFailure(response)) {
        forget();
        call.emit('error', response);
      } else call.write(response);
    });
    call.on('end', () => {
      if (forget()) call.end();
    });
    call.on('cancelled', forget);
  }

  private async subscribe(call: ServerDuplexStream<FetchRequest, FetchResponse>): Promise<void> {
    call.pause();
    const failure = await this.admit('Subscribe', call.metadata);
    if (failure) {
      call.emit('error', failure);
      return;
    }
    const session = new SubscribeSession(
      call,
      this.options.bus,
      this.options.timings,
      (closed) => this.sessions.delete(closed),
      this.options.counter,
    );
    this.sessions.add(session);
    call.resume();
  }
}

function publishProblem(
  event: PublishRequest['events'] extends (infer E)[] | undefined ? E : never,
  schemaId: string,
  decode: (payload: Buffer) => unknown,
): string | undefined {
  if (event.schemaId !== schemaId)
    return `The schema id ${event.schemaId} does not match the topic's schema.`;
  if (!event.payload || event.payload.length === 0) return 'The event payload is empty.';
  if (event.payload.length > MAX_EVENT_BYTES) return 'The event exceeds the maximum size of 1 MB.';
  try {
    decode(event.payload);
    return undefined;
  } catch {
    return 'The event payload does not match the schema.';
  }
}

function isFailure(value: unknown): value is GrpcFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    'details' in value &&
    'metadata' in value
  );
}

/** Org ids compare on their case-sensitive 15-character form. */
function sameOrg(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}
