import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import world from '@portal/domain/fixtures/world.json';
import { FreebitSimulator } from '../../../../sandbox/src/freebit/freebit-simulator';
import {
  DEV_CLIENT_ID,
  DEV_CONNECTED_APP_CERTIFICATE,
  readPem,
} from '../../../../sandbox/src/salesforce/salesforce-sandbox';
import { createSalesforceSimulator } from '../../../../sandbox/src/salesforce/salesforce-simulator';
import type { SalesforceSimulator } from '../../../../sandbox/src/salesforce/salesforce-simulator.types';
import { WhmcsSimulator, type WhmcsSimulatorOptions } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { bootTestApp, type TestApp } from '../../support/test-app';
import { portalModules } from '../../../src/app.modules';

const WHMCS_CREDENTIALS = { identifier: 'portal-e2e-identifier', secret: 'portal-e2e-secret' };
const WEBHOOK_SECRET = 'portal-e2e-webhook-secret';
const FREEBIT_OEM = { oemId: 'PORTAL_E2E', oemKey: 'portal-e2e-oem-key' };

export type CustomerKey = 'hanako' | 'taro';

export function customer(key: CustomerKey): (typeof world.customers)[number] {
  return world.customers.find((candidate) => candidate.key === key)!;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: any;
  readonly ms: number;
}

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface PortalHarness {
  readonly app: NestFastifyApplication;
  readonly test: TestApp;
  readonly baseUrl: string;
  readonly whmcs: WhmcsSimulator;
  readonly freebit: FreebitSimulator;
  readonly salesforce: SalesforceSimulator;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer>;
  /** Another BFF instance sharing this one's Redis namespace and simulators (as a second replica would). */
  startPeer(): Promise<BffInstance>;
  /** Logs in over HTTP and answers the token pair. */
  login(key: CustomerKey): Promise<{ accessToken: string; refreshToken: string }>;
  /** Sandbox request counters, reset. */
  resetCounts(): void;
  close(): Promise<void>;
}

/**
 * The whole portal over real HTTP: the booted BFF (listening on a free port, real Redis under a unique prefix)
 * against the WHMCS, Freebit and Salesforce simulators started in this process on free ports, with the WHMCS
 * simulator's signed webhooks pointed at the BFF.
 */
export interface PortalOptions {
  /** BFF environment overrides. */
  readonly env?: Record<string, string>;
  readonly whmcs?: Partial<WhmcsSimulatorOptions>;
}

export async function startPortal(options: PortalOptions = {}): Promise<PortalHarness> {
  const whmcs = new WhmcsSimulator({
    host: '127.0.0.1',
    port: 0,
    ...WHMCS_CREDENTIALS,
    authErrorStatus: 403,
    webhookSecrets: [WEBHOOK_SECRET],
    extraClients: 0,
    invoicesPerClient: 6,
    ...options.whmcs,
  });
  const freebit = new FreebitSimulator({
    host: '127.0.0.1',
    port: 0,
    ...FREEBIT_OEM,
    authKeyTtlMs: 3_600_000,
    activationDelayMs: 100,
  });
  const salesforce = createSalesforceSimulator({
    host: '127.0.0.1',
    port: 0,
    pubsubPort: 0,
    orgId: world.salesforce.orgId,
    clientId: DEV_CLIENT_ID,
    usernames: [world.salesforce.integrationUsername],
    certificate: readPem(DEV_CONNECTED_APP_CERTIFICATE),
    tokenTtlMs: 3_600_000,
    extraAudiences: [],
    seedAccounts: 0,
    apiRequestLimit: 15_000,
  });
  await whmcs.start();
  const { api: freebitUrl } = await freebit.start();
  const { rest: salesforceUrl } = await salesforce.start();

  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    WHMCS_API_URL: whmcs.apiUrl,
    WHMCS_API_IDENTIFIER: WHMCS_CREDENTIALS.identifier,
    WHMCS_API_SECRET: WHMCS_CREDENTIALS.secret,
    WHMCS_WEBHOOK_SECRETS: WEBHOOK_SECRET,
    WHMCS_TIMEOUT_MS: '2000',
    FREEBIT_BASE_URL: freebitUrl!,
    FREEBIT_OEM_ID: FREEBIT_OEM.oemId,
    FREEBIT_OEM_KEY: FREEBIT_OEM.oemKey,
    SF_LOGIN_URL: salesforceUrl!,
    AUTH_LOGIN_MIN_DURATION_MS: '0',
    ...options.env,
  };
  const first = await bootInstance(env);
  whmcs.emitter.target.url = `${first.baseUrl}/webhooks/whmcs`;
  const peers: BffInstance[] = [];

  return {
    app: first.test.app,
    test: first.test,
    baseUrl: first.baseUrl,
    whmcs,
    freebit,
    salesforce,
    request: first.request,
    async startPeer() {
      const peer = await bootInstance({
        ...env,
        REDIS_KEY_PREFIX: first.test.config.values.REDIS_KEY_PREFIX,
      });
      peers.push(peer);
      return peer;
    },
    async login(key) {
      const who = customer(key);
      const answer = await first.request('POST', '/api/auth/login', {
        body: { email: who.email, password: who.password },
      });
      if (answer.status !== 200) throw new Error(`login ${key}: ${answer.status} ${answer.text}`);
      return answer.body;
    },
    resetCounts() {
      whmcs.counter.reset();
      freebit.counter.reset();
      salesforce.context.counter.reset();
    },
    async close() {
      await Promise.all([first, ...peers].map((instance) => instance.test.close()));
      await Promise.all([whmcs.stop(), freebit.stop(), salesforce.stop()]);
    },
  };
}

export interface BffInstance {
  readonly test: TestApp;
  readonly baseUrl: string;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer>;
}

/** Boots one BFF listening on a free port. */
async function bootInstance(env: Record<string, string>): Promise<BffInstance> {
  const test = await bootTestApp(env, portalModules);
  await test.app.listen({ host: '127.0.0.1', port: 0 });
  const address = test.app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  async function request(method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed, ms };
  }

  return { test, baseUrl, request };
}
