import type { default as PubSubApiClient } from 'salesforce-pubsub-api-client' with {
  'resolution-mode': 'import',
};
import {
  SalesforcePubSubSimulator,
  type SalesforcePubSubSimulatorOptions,
} from '../../../src/salesforce/pubsub/salesforce-pubsub-simulator';

export const ORG_ID = '00D5g0000012PtLEAU';
export const TOKEN = `${ORG_ID.slice(0, 15)}!AQ0AQPubSubTestToken`;
export const TOPIC = '/event/OrderProvisionRequested__e';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export async function startPubSub(
  overrides: Partial<SalesforcePubSubSimulatorOptions> = {},
): Promise<{ simulator: SalesforcePubSubSimulator; grpc: string; admin: string }> {
  const simulator = new SalesforcePubSubSimulator({
    host: '127.0.0.1',
    port: 0,
    adminPort: 0,
    orgId: ORG_ID,
    createdById: '0055g00000InTeGAAV',
    tokens: { isValidAccessToken: (token) => token === TOKEN },
    keepaliveMs: 60_000,
    idleTimeoutMs: 60_000,
    retentionMs: 72 * 3600_000,
    ...overrides,
  });
  const urls = await simulator.start();
  return { simulator, grpc: urls.grpc!, admin: urls.admin! };
}

export async function connectClient(endpoint: string, accessToken = TOKEN): Promise<PubSubApiClient> {
  // The package is ESM-first; its types only resolve through a dynamic import from this CommonJS project.
  const { default: Client } = await import('salesforce-pubsub-api-client');
  const client = new Client(
    {
      authType: 'user-supplied',
      accessToken,
      instanceUrl: 'https://portal-sandbox.my.salesforce.com',
      pubSubEndpoint: endpoint,
      rejectUnauthorizedSsl: false,
    },
    silent,
  );
  await client.connect();
  return client;
}

export async function adminPublish(admin: string, fields: Record<string, unknown>, count = 1, id?: string) {
  const response = await fetch(`${admin}/__admin/pubsub/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields, count, id }),
  });
  if (response.status !== 201) throw new Error(`publish failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { events: { id: string; replayId: string }[] }).events;
}

/** Collects subscription callbacks and lets a test wait for a condition on them. */
export class CallbackLog {
  readonly entries: { type: string; data: any }[] = [];
  private waiters: (() => void)[] = [];

  readonly callback = (_info: unknown, type: string, data?: unknown): void => {
    this.entries.push({ type, data });
    for (const wake of this.waiters) wake();
  };

  of(type: string): any[] {
    return this.entries.filter((entry) => entry.type === type).map((entry) => entry.data);
  }

  async until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`timed out; saw ${this.entries.map((e) => e.type).join(',')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
      this.waiters = [];
    }
  }
}

export function orderEvent(n: number): Record<string, unknown> {
  return {
    OrderId__c: `8015g00000OrD${String(n).padStart(3, '0')}AAF`,
    IdemKey__c: `idem-${n}`,
    CorrelationId__c: `corr-${n}`,
    RequestedBy__c: '0055g00000AgEnTAAV',
    Version__c: 1,
  };
}
