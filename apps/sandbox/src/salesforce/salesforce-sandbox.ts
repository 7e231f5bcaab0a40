import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import world from '@portal/domain/fixtures/world.json';
import type { SandboxEnv } from '../config/sandbox-env';
import { salesforcePubSubPart } from './pubsub/salesforce-pubsub-part';
import { createSalesforceSimulator } from './salesforce-simulator';
import type { SalesforceSimulator, SalesforceSimulatorConfig } from './salesforce-simulator.types';

/** The dev-only connected-app certificate (its private key is the BFF's default `SF_PRIVATE_KEY`). Never production. */
export const DEV_CONNECTED_APP_CERTIFICATE = join(
  __dirname,
  '../../src/salesforce/dev-keys/connected-app.crt',
);
export const DEV_CONNECTED_APP_KEY = join(__dirname, '../../src/salesforce/dev-keys/connected-app.key');
export const DEV_CLIENT_ID = 'portal-bff-dev-connected-app';

/** A PEM given inline, or the path of a PEM file. */
export function readPem(value: string): string {
  return value.trimStart().startsWith('-----BEGIN') ? value : readFileSync(value, 'utf8');
}

export function salesforceConfigFromEnv(env: SandboxEnv): SalesforceSimulatorConfig {
  return {
    host: env.SANDBOX_HOST,
    port: env.SANDBOX_SALESFORCE_PORT,
    pubsubPort: env.SANDBOX_SALESFORCE_PUBSUB_PORT,
    orgId: world.salesforce.orgId,
    clientId: env.SANDBOX_SALESFORCE_CLIENT_ID,
    usernames: [world.salesforce.integrationUsername],
    certificate: readPem(env.SANDBOX_SALESFORCE_CERTIFICATE ?? DEV_CONNECTED_APP_CERTIFICATE),
    tokenTtlMs: env.SANDBOX_SALESFORCE_TOKEN_TTL_SECONDS * 1000,
    extraAudiences: [],
    seedAccounts: env.SANDBOX_SALESFORCE_SEED_ACCOUNTS,
    apiRequestLimit: 15_000,
  };
}

/** The sandbox's Salesforce simulator; the Pub/Sub part is listed in `parts`. */
export function buildSalesforceSimulator(env: SandboxEnv): SalesforceSimulator {
  return createSalesforceSimulator(salesforceConfigFromEnv(env), {
    parts: [
      salesforcePubSubPart({
        keepaliveMs: env.SANDBOX_SALESFORCE_PUBSUB_KEEPALIVE_MS,
        idleTimeoutMs: env.SANDBOX_SALESFORCE_PUBSUB_IDLE_TIMEOUT_MS,
        retentionMs: env.SANDBOX_SALESFORCE_EVENT_RETENTION_HOURS * 3_600_000,
      }),
    ],
  });
}
