import { randomUUID } from 'node:crypto';
import type { PlatformEventTopic } from './platform-event-schema';

/** An event as stored on the bus and delivered in a `ConsumerEvent`. */
export interface StoredEvent {
  readonly replayId: bigint;
  readonly id: string;
  readonly schemaId: string;
  readonly payload: Buffer;
  readonly storedAt: number;
}

interface TopicLog {
  readonly topic: PlatformEventTopic;
  readonly events: StoredEvent[];
  /** Replay id of the newest event (or the topic's starting point): what keepalives report. */
  latest: bigint;
  /** Highest replay id removed by retention; replaying from it or below is `replayid.corrupted`. */
  prunedThrough: bigint;
}

export type BusListener = (topicName: string) => void;

export interface PubSubEventBusOptions {
  readonly topics: readonly PlatformEventTopic[];
  readonly retentionMs: number;
  readonly now?: () => number;
}

/** Replay ids are opaque to clients; leaving gaps keeps anyone from computing them. */
const REPLAY_STRIDE = 3n;
const FIRST_REPLAY_ID = 1_000_000n;

/**
 * The in-memory event log behind the Pub/Sub simulator: monotonic 8-byte replay ids shared across topics,
 * retention by age, and listeners that wake the subscribe streams when something is published.
 */
export class PubSubEventBus {
  private readonly logs = new Map<string, TopicLog>();
  private readonly listeners = new Set<BusListener>();
  private nextReplayId = FIRST_REPLAY_ID;
  private readonly now: () => number;

  constructor(private readonly options: PubSubEventBusOptions) {
    this.now = options.now ?? Date.now;
    for (const topic of options.topics) {
      this.logs.set(topic.topicName, {
        topic,
        events: [],
        latest: FIRST_REPLAY_ID - 1n,
        prunedThrough: FIRST_REPLAY_ID - 2n,
      });
    }
  }

  topic(topicName: string): PlatformEventTopic | undefined {
    return this.logs.get(topicName)?.topic;
  }

  topicBySchemaId(schemaId: string): PlatformEventTopic | undefined {
    for (const log of this.logs.values()) if (log.topic.schemaId === schemaId) return log.topic;
    return undefined;
  }

  append(topicName: string, payload: Buffer, id: string = randomUUID()): StoredEvent {
    const log = this.log(topicName);
    const event: StoredEvent = {
      replayId: this.nextReplayId,
      id,
      schemaId: log.topic.schemaId,
      payload,
      storedAt: this.now(),
    };
    this.nextReplayId += REPLAY_STRIDE;
    log.events.push(event);
    log.latest = event.replayId;
    for (const listener of this.listeners) listener(topicName);
    return event;
  }

  latestReplayId(topicName: string): bigint {
    return this.log(topicName).latest;
  }

  /** Where an EARLIEST subscription starts: just before the oldest retained event. */
  earliestCursor(topicName: string): bigint {
    this.prune(topicName);
    return this.log(topicName).prunedThrough;
  }

  /** A CUSTOM replay id is usable when it lies inside the retention window and was ever reachable. */
  isReplayable(topicName: string, replayId: bigint): boolean {
    this.prune(topicName);
    const log = this.log(topicName);
    return replayId > log.prunedThrough && replayId <= log.latest;
  }

  /** Up to `max` retained events strictly after `cursor`. */
  after(topicName: string, cursor: bigint, max: number): StoredEvent[] {
    this.prune(topicName);
    const events = this.log(topicName).events;
    let low = 0;
    let high = events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (events[mid]!.replayId <= cursor) low = mid + 1;
      else high = mid;
    }
    return events.slice(low, low + max);
  }

  count(topicName: string): number {
    this.prune(topicName);
    return this.log(topicName).events.length;
  }

  topicNames(): string[] {
    return [...this.logs.keys()];
  }

  onAppend(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private prune(topicName: string): void {
    const log = this.log(topicName);
    const horizon = this.now() - this.options.retentionMs;
    let expired = 0;
    while (expired < log.events.length && log.events[expired]!.storedAt < horizon) expired += 1;
    if (expired === 0) return;
    log.prunedThrough = log.events[expired - 1]!.replayId;
    log.events.splice(0, expired);
  }

  private log(topicName: string): TopicLog {
    const log = this.logs.get(topicName);
    if (!log) throw new Error(`Unknown topic ${topicName}`);
    return log;
  }
}

/** Replay ids travel as 8-byte big-endian unsigned integers. */
export function encodeReplayId(replayId: bigint): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(replayId);
  return buffer;
}

export function decodeReplayId(buffer: Buffer): bigint | undefined {
  return buffer.length === 8 ? buffer.readBigUInt64BE() : undefined;
}
