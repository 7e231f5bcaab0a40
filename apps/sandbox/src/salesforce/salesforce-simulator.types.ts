import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FaultInjector } from '../shared/fault-injector';
import type { RequestCounter } from '../shared/request-counter';
import type { Simulator } from '../simulator';
import type { SalesforceStore } from './salesforce-store';
import type { SalesforceTokens } from './salesforce-tokens';

export interface SalesforceSimulatorConfig {
  readonly host: string;
  /** REST + OAuth port (0 = any free port). */
  readonly port: number;
  /** Port the Pub/Sub part listens on (0 = any free port). */
  readonly pubsubPort: number;
  readonly orgId: string;
  /** The connected app's consumer key: the assertion's `iss`. */
  readonly clientId: string;
  /** Usernames pre-authorised on the connected app: the assertion's `sub`. */
  readonly usernames: readonly string[];
  /** The connected app's X.509 certificate (or public key), PEM. */
  readonly certificate: string;
  readonly tokenTtlMs: number;
  /** Audiences accepted besides the simulator's own URL and login/test.salesforce.com. */
  readonly extraAudiences: readonly string[];
  /** `instance_url` answered by the token endpoint; the simulator's own URL when unset. */
  readonly instanceUrl?: string;
  /** Extra generated accounts (each with one order) on top of the fixture seed, for load tests. */
  readonly seedAccounts: number;
  /** The daily API request allocation reported in `Sforce-Limit-Info`. */
  readonly apiRequestLimit: number;
}

/** What the REST/OAuth routes and the injected parts (Pub/Sub) share. */
export interface SalesforceSimulatorContext {
  readonly config: SalesforceSimulatorConfig;
  readonly store: SalesforceStore;
  readonly tokens: SalesforceTokens;
  readonly faults: FaultInjector;
  readonly counter: RequestCounter;
  /** The REST simulator's Fastify app: a part may add admin routes before the simulator starts. */
  readonly app: FastifyInstance;
  /** The REST base URL (`http://host:port`); valid once started. */
  baseUrl(): string;
  userIdFor(username: string): string;
  /** Answers an injected failure mode (`status:503`, `REQUEST_LIMIT_EXCEEDED`, `INVALID_SESSION_ID`, `html`…). */
  sendFailure(reply: FastifyReply, failure: string): FastifyReply;
}

/** An extra part of the simulator (the Pub/Sub gRPC server) started and stopped with it. */
export interface SalesforceSimulatorPart {
  /** Starts listening; answers its URL(s) keyed by label (e.g. `{ pubsub: 'host:port' }`). */
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export type SalesforceSimulatorPartFactory = (context: SalesforceSimulatorContext) => SalesforceSimulatorPart;

/** Time the simulator itself spent answering (request received → response sent), for overhead benchmarks. */
export interface SalesforceSimulatorStats {
  handledRequests: number;
  handlingMsTotal: number;
}

export interface SalesforceSimulator extends Simulator {
  readonly context: SalesforceSimulatorContext;
  readonly stats: SalesforceSimulatorStats;
  readonly store: SalesforceStore;
  readonly tokens: SalesforceTokens;
}
