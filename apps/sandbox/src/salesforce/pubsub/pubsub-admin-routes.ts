import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PubSubEventBus } from './pubsub-event-bus';
import type { PubSubGrpcService } from './pubsub-grpc-service';
import { ORDER_PROVISION_REQUESTED } from './platform-event-schema';
import type { PlatformEventPublisher } from './platform-event-publisher';

const publishBodySchema = z.object({
  topic: z.string().default(ORDER_PROVISION_REQUESTED.topicName),
  /** Becomes `ConsumerEvent.event.id`; a UUID when omitted. */
  id: z.string().min(1).optional(),
  /** Field values by API name (`OrderId__c`…); `CreatedDate`/`CreatedById` are filled in when absent. */
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Publish the same payload this many times (each gets its own replay id and event id). */
  count: z.number().int().min(1).max(10_000).default(1),
});

/**
 * Pub/Sub admin routes (sandbox only):
 * - `POST /__admin/pubsub/events`: publish an event as the org would (body: {@link publishBodySchema});
 * - `DELETE /__admin/pubsub/streams`: break every open Subscribe stream with `UNAVAILABLE`;
 * - `GET /__admin/pubsub/stats`: open streams and retained events per topic.
 */
export function registerPubSubAdminRoutes(
  app: FastifyInstance,
  bus: PubSubEventBus,
  service: PubSubGrpcService,
  publisher: PlatformEventPublisher,
): void {
  app.post('/__admin/pubsub/events', (request, reply) => {
    const parsed = publishBodySchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'invalid event', issues: parsed.error.issues });
    const { topic, id, fields, count } = parsed.data;
    if (!bus.topic(topic)) return reply.code(404).send({ error: `unknown topic ${topic}` });
    try {
      const events = Array.from({ length: count }, (_, index) =>
        publisher.publish(topic, fields, count === 1 ? id : id === undefined ? undefined : `${id}-${index}`),
      );
      return reply.code(201).send({ events });
    } catch (error) {
      return reply.code(400).send({ error: error instanceof Error ? error.message : 'invalid event' });
    }
  });
  app.delete('/__admin/pubsub/streams', () => ({ dropped: service.dropAllStreams() }));
  app.get('/__admin/pubsub/stats', () => ({
    streams: service.activeStreams,
    topics: Object.fromEntries(
      bus
        .topicNames()
        .map((name) => [
          name,
          { retainedEvents: bus.count(name), latestReplayId: bus.latestReplayId(name).toString() },
        ]),
    ),
  }));
}
