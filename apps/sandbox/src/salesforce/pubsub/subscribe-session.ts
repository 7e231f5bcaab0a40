import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import { decodeReplayId, encodeReplayId, type PubSubEventBus } from './pubsub-event-bus';
import { pubSubError, type GrpcFailure } from './pubsub-errors';
import { ReplayPreset, SfErrorCode, type FetchRequest, type FetchResponse } from './pubsub-messages';
import { randomUUID } from 'node:crypto';
import type { RequestCounter } from '../../shared/request-counter';

/** At most 100 events may be outstanding on a stream; larger requests count as 100. */
const MAX_PENDING = 100;

export interface SubscribeTimings {
  /** Send an empty FetchResponse when events are owed but none arrived for this long (SF: within 270 s). */
  readonly keepaliveMs: number;
  /** Close the stream when nothing is owed and no FetchRequest arrived for this long (SF: 60 s). */
  readonly idleTimeoutMs: number;
}

/**
 * One `Subscribe` stream: replay position chosen by the first FetchRequest only, additive flow control
 * capped at 100, keepalives while events are owed, idle close when nothing is.
 */
export class SubscribeSession {
  private topicName: string | undefined;
  private cursor = 0n;
  private pending = 0;
  private lastWriteAt = Date.now();
  private lastRequestAt = Date.now();
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly call: ServerDuplexStream<FetchRequest, FetchResponse>,
    private readonly bus: PubSubEventBus,
    private readonly timings: SubscribeTimings,
    private readonly onClose: (session: SubscribeSession) => void,
    /** Counts FetchRequests as `FetchRequest`, so tests can check flow control. */
    private readonly counter?: RequestCounter,
  ) {
    this.unsubscribe = bus.onAppend((topicName) => {
      if (topicName === this.topicName) this.deliver();
    });
    this.timer = setInterval(
      () => this.tick(),
      Math.max(10, Math.min(timings.keepaliveMs, timings.idleTimeoutMs) / 4),
    );
    call.on('data', (request: FetchRequest) => this.onRequest(request));
    call.on('end', () => this.close());
    call.on('cancelled', () => this.close());
    call.on('error', () => this.close());
  }

  get topic(): string | undefined {
    return this.topicName;
  }

  /** Ends the stream with an error status, as a broken connection or a server-side failure would. */
  fail(error: GrpcFailure): void {
    if (this.closed) return;
    this.call.emit('error', error);
    this.close();
  }

  /** Ends the stream with status OK (server shutdown). */
  end(): void {
    if (this.closed) return;
    this.call.end();
    this.close();
  }

  private onRequest(request: FetchRequest): void {
    if (this.closed) return;
    this.counter?.increment('FetchRequest');
    this.lastRequestAt = Date.now();
    if (this.topicName === undefined) {
      if (!this.start(request)) return;
    } else if (request.topicName && request.topicName !== this.topicName) {
      this.fail(
        pubSubError(
          status.INVALID_ARGUMENT,
          `The topic name ${request.topicName} differs from the stream's topic ${this.topicName}.`,
          SfErrorCode.invalidTopic,
        ),
      );
      return;
    }
    this.pending = Math.min(MAX_PENDING, this.pending + Math.max(0, request.numRequested ?? 0));
    this.deliver();
  }

  private start(request: FetchRequest): boolean {
    const topicName = request.topicName ?? '';
    if (!this.bus.topic(topicName)) {
      this.fail(
        pubSubError(status.NOT_FOUND, `The topic ${topicName} was not found.`, SfErrorCode.topicNotFound),
      );
      return false;
    }
    const preset = normalisePreset(request.replayPreset);
    if (preset === ReplayPreset.CUSTOM) {
      const replayId = request.replayId ? decodeReplayId(request.replayId) : undefined;
      if (replayId === undefined || !this.bus.isReplayable(topicName, replayId)) {
        this.fail(
          pubSubError(
            status.INVALID_ARGUMENT,
            'The Replay ID validation failed. Ensure the Replay ID is valid and within the retention window.',
            SfErrorCode.replayIdCorrupted,
          ),
        );
        return false;
      }
      this.cursor = replayId;
    } else if (preset === ReplayPreset.EARLIEST) {
      this.cursor = this.bus.earliestCursor(topicName);
    } else {
      this.cursor = this.bus.latestReplayId(topicName);
    }
    this.topicName = topicName;
    return true;
  }

  private deliver(): void {
    if (this.closed || this.topicName === undefined || this.pending === 0) return;
    const events = this.bus.after(this.topicName, this.cursor, this.pending);
    const last = events.at(-1);
    if (!last) return;
    this.cursor = last.replayId;
    this.pending -= events.length;
    this.write({
      events: events.map((event) => ({
        event: { id: event.id, schemaId: event.schemaId, payload: event.payload },
        replayId: encodeReplayId(event.replayId),
      })),
      latestReplayId: encodeReplayId(last.replayId),
      rpcId: randomUUID(),
      pendingNumRequested: this.pending,
    });
  }

  private tick(): void {
    if (this.closed || this.topicName === undefined) return;
    const now = Date.now();
    if (this.pending > 0 && now - this.lastWriteAt >= this.timings.keepaliveMs) {
      this.write({
        events: [],
        latestReplayId: encodeReplayId(this.bus.latestReplayId(this.topicName)),
        rpcId: randomUUID(),
        pendingNumRequested: this.pending,
      });
    } else if (
      this.pending === 0 &&
      now - Math.max(this.lastWriteAt, this.lastRequestAt) >= this.timings.idleTimeoutMs
    ) {
      this.call.end();
      this.close();
    }
  }

  private write(response: FetchResponse): void {
    this.lastWriteAt = Date.now();
    this.call.write(response);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.unsubscribe();
    this.onClose(this);
  }
}

function normalisePreset(preset: FetchRequest['replayPreset']): number {
  if (typeof preset === 'string')
    return ReplayPreset[preset as keyof typeof ReplayPreset] ?? ReplayPreset.LATEST;
  return preset ?? ReplayPreset.LATEST;
}
