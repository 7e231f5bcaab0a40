import { type DynamicModule, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { SalesforceEventsSubscriberService } from './salesforce-events-subscriber.service';

/**
 * The platform-event subscriber. The Salesforce session comes from whoever provides `PUBSUB_SESSION_SOURCE`
 * (the Salesforce connection in the app; a test session in tests).
 */
@Module({})
export class SalesforceEventsModule {
  static register(sessionSource: Provider, imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: SalesforceEventsModule,
      imports,
      providers: [sessionSource, SalesforceEventsSubscriberService],
      exports: [SalesforceEventsSubscriberService],
    };
  }
}
