import { Module } from '@nestjs/common';
import { SalesforceModule } from '../salesforce.module';
import { SalesforceConnectionService } from '../services/salesforce-connection.service';
import { PUBSUB_SESSION_SOURCE, type PubSubSessionSource } from './pubsub-session.source';
import { SalesforceEventsSubscriberService } from './salesforce-events-subscriber.service';

/**
 * The platform-event subscriber (`SF_EVENTS_ENABLED`). Its Pub/Sub session is the REST connection's:
 * same JWT-bearer token, and a fresh one from the connection after `UNAUTHENTICATED`.
 */
@Module({
  imports: [SalesforceModule],
  providers: [
    {
      provide: PUBSUB_SESSION_SOURCE,
      useFactory: (connection: SalesforceConnectionService): PubSubSessionSource => ({
        current: () => connection.session(),
        refresh: () => connection.getFreshToken(),
      }),
      inject: [SalesforceConnectionService],
    },
    SalesforceEventsSubscriberService,
  ],
  exports: [SalesforceEventsSubscriberService],
})
export class SalesforceEventsModule {}
