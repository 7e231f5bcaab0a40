import type { PubSubEventBus } from './pubsub-event-bus';
import { encodePlatformEvent, type PlatformEventValues } from './platform-event-schema';

export interface PublishedEvent {
  readonly id: string;
  readonly replayId: string;
}

/** Publishes Avro-encoded events onto the bus, as the org's Flows and Apex do. */
export class PlatformEventPublisher {
  constructor(
    private readonly bus: PubSubEventBus,
    private readonly createdById: string,
  ) {}

  publish(topicName: string, fields: PlatformEventValues, id?: string): PublishedEvent {
    const topic = this.bus.topic(topicName);
    if (!topic) throw new Error(`Unknown topic ${topicName}`);
    const payload = encodePlatformEvent(topic, fields, this.createdById, Date.now());
    const stored = this.bus.append(topicName, payload, id);
    return { id: stored.id, replayId: stored.replayId.toString() };
  }
}
