import { z } from 'zod';
import { boolVar, intVar } from '../../../core/config/env-schema.util';

/**
 * Platform-event subscriber settings (`OrderProvisionRequested__e` over the Pub/Sub API).
 * Defaults point at the sandbox (`SANDBOX_SALESFORCE_PUBSUB_PORT` 4011).
 */
export const salesforceEventsEnvFragment = z.object({
  SF_EVENTS_ENABLED: boolVar(false).describe('Subscribe to provisioning platform events in this process'),
  SF_PROVISION_EVENT_CHANNEL: z
    .string()
    .regex(/^\/event\/\w+__e$/, 'must look like /event/Name__e')
    .default('/event/OrderProvisionRequested__e')
    .describe('Pub/Sub topic of the provisioning event'),
  SF_EVENTS_REPLAY: z
    .enum(['LATEST', 'EARLIEST', 'ALL'])
    .default('LATEST')
    .describe('Where to start when no replay id is stored (ALL = EARLIEST)'),
  SF_PUBSUB_ENDPOINT: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .default('localhost:4011')
    .describe('Pub/Sub API gRPC endpoint (api.pubsub.salesforce.com:7443 in production)'),
  SF_PUBSUB_REJECT_UNAUTHORIZED_SSL: boolVar(true).describe(
    'Verify the Pub/Sub TLS certificate (false only for the sandbox self-signed certificate)',
  ),
  SF_PUBSUB_INSTANCE_URL: z
    .url({ protocol: /^https$/ })
    .optional()
    .describe(
      'https instance URL sent to the Pub/Sub API when the REST instance URL is plain http (sandbox)',
    ),
  SF_EVENTS_BATCH_SIZE: intVar(100, 1, 100).describe('Events requested per FetchRequest (at most 100)'),
  SF_EVENTS_WATCHDOG_MS: intVar(300_000, 100).describe(
    'Rebuild the stream when neither events nor keepalives arrive for this long (Salesforce keepalive: 270 s)',
  ),
  SF_EVENTS_RECONNECT_BASE_MS: intVar(1_000, 10).describe('First reconnect delay (exponential, with jitter)'),
  SF_EVENTS_RECONNECT_MAX_MS: intVar(60_000, 10).describe('Longest reconnect delay'),
  SF_EVENTS_LEASE_MS: intVar(15_000, 100).describe(
    'Subscriber lease: one instance subscribes; another takes over within two lease periods of its death',
  ),
});
