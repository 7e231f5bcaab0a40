import type { SalesforceSimulatorContext, SalesforceSimulatorPart } from '../salesforce-simulator.types';
import { SalesforcePubSubSimulator } from './salesforce-pubsub-simulator';

/** The part, with its simulator exposed for in-process tests and benches. */
export interface PubSubPart extends SalesforceSimulatorPart {
  readonly simulator: SalesforcePubSubSimulator;
}

export interface PubSubPartSettings {
  readonly keepaliveMs: number;
  readonly idleTimeoutMs: number;
  readonly retentionMs: number;
}

/**
 * The Pub/Sub API as a part of the Salesforce simulator: same org, token store, faults and request counts;
 * the admin routes live on the REST simulator's `/__admin`; order approvals in its store publish
 * `OrderProvisionRequested__e`. Answers `{ pubsub: 'host:port' }`.
 */
export function salesforcePubSubPart(
  settings: PubSubPartSettings,
): (context: SalesforceSimulatorContext) => PubSubPart {
  return (context) => {
    const integrationUser = context.config.usernames[0];
    const simulator = new SalesforcePubSubSimulator({
      host: context.config.host,
      port: context.config.pubsubPort,
      orgId: context.config.orgId,
      createdById: integrationUser === undefined ? '005000000000000AAA' : context.userIdFor(integrationUser),
      tokens: context.tokens,
      orderApprovals: context.store,
      faults: context.faults,
      counter: context.counter,
      ...settings,
    });
    simulator.registerAdmin(context.app);
    return {
      simulator,
      start: async () => ({ pubsub: (await simulator.start()).grpc! }),
      stop: () => simulator.stop(),
    };
  };
}
