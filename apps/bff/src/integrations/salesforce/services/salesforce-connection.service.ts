import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import { Connection } from 'jsforce';
import jwt from 'jsonwebtoken';
import { Gauge } from 'prom-client';
import { AppConfig } from '../../../core/config/app-config';
import { currentRequestId } from '../../../core/context/request-context';
import { MetricsService } from '../../../core/metrics/metrics.service';
import type { ProviderPolicy } from '../../../infra/resilience/provider-policy';
import { ResilienceService } from '../../../infra/resilience/resilience.service';
import { SALESFORCE_PROVIDER, SalesforceKeyError } from '../salesforce.errors';
import { toSalesforceError } from '../utils/salesforce-error.parser';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Salesforce accepts assertions expiring within about 3 minutes. */
const ASSERTION_LIFETIME_S = 170;

/** What the Pub/Sub client needs for its `user-supplied` auth mode. */
export interface SalesforceSession {
  readonly accessToken: string;
  readonly instanceUrl: string;
  readonly organizationId: string;
}

export interface SalesforceQueryResult<T> {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly records: T[];
}

export interface SalesforceSaveResult {
  readonly id: string;
  readonly success: boolean;
}

/** jsforce's own GET retries (up to 15.5 s of waits) are off: our policy alone retries, within our deadline. */
const NO_JSFORCE_RETRY = { retry: { maxRetries: 0 } };

/**
 * Auth and raw transport to the Salesforce REST API: the JWT bearer flow (RS256 assertion signed with the
 * connected-app key, parsed once at startup), one reused jsforce `Connection` with an explicit API version, and
 * every call under the Salesforce timeout / read-retry / circuit-breaker policy.
 *
 * Token requests are single-flight: jsforce's refresh hook, {@link getFreshToken} and the first login share one
 * in-flight request, so 20 concurrent 401s cost one token request. Refreshes are bounded: after
 * SF_MAX_CONSECUTIVE_REFRESHES refreshes without a successful call in between, the refresh fails and the 401
 * surfaces as UNAUTHORIZED instead of jsforce refreshing and replaying forever.
 */
@Injectable()
export class SalesforceConnectionService {
  private readonly logger = new Logger(SalesforceConnectionService.name);
  private readonly key: KeyObject;
  private readonly connection: Connection;
  private readonly policy: ProviderPolicy;
  private readonly apiUsage: Gauge<'kind'>;
  private tokenInFlight: Promise<SalesforceSession> | undefined;
  private consecutiveRefreshes = 0;

  constructor(
    private readonly config: AppConfig,
    resilience: ResilienceService,
    metrics: MetricsService,
  ) {
    const values = config.values;
    this.key = loadPrivateKey(values.SF_PRIVATE_KEY);
    this.policy = resilience.policyFor({
      provider: SALESFORCE_PROVIDER,
      timeoutMs: values.SF_TIMEOUT_MS,
      maxRetries: values.SF_MAX_RETRIES,
      breakerThreshold: values.SF_BREAKER_THRESHOLD,
      halfOpenAfterMs: values.SF_BREAKER_HALF_OPEN_MS,
    });
    this.connection = new Connection({
      loginUrl: values.SF_LOGIN_URL,
      version: values.SF_API_VERSION,
      refreshFn: (_connection, callback) => {
        this.refreshFromHook().then(
          (session) => {
            callback(null, session.accessToken);
          },
          (error: Error) => {
            callback(error);
          },
        );
      },
    });
    this.apiUsage =
      (metrics.registry.getSingleMetric('bff_salesforce_api_usage') as Gauge<'kind'> | undefined) ??
      new Gauge({
        name: 'bff_salesforce_api_usage',
        help: 'Salesforce daily API requests (Sforce-Limit-Info): used and limit',
        labelNames: ['kind'] as const,
        registers: [metrics.registry],
      });
  }

  /** The current session, logging in first when there is none. */
  async session(): Promise<SalesforceSession> {
    const { accessToken, instanceUrl } = this.connection;
    const organizationId = this.connection.userInfo?.organizationId;
    if (accessToken && instanceUrl && organizationId) return { accessToken, instanceUrl, organizationId };
    return this.requestToken();
  }

  /** A new access token (e.g. after the Pub/Sub API answered UNAUTHENTICATED); concurrent callers share it. */
  getFreshToken(): Promise<SalesforceSession> {
    return this.requestToken();
  }

  /** Runs a SOQL query and follows query-more locators until every record is read (each page is one call). */
  async query<T>(soql: string, operation: string): Promise<T[]> {
    const records: T[] = [];
    let page = await this.read<SalesforceQueryResult<T>>(operation, `/query?q=${encodeURIComponent(soql)}`);
    records.push(...page.records);
    while (!page.done && page.nextRecordsUrl) {
      page = await this.read<SalesforceQueryResult<T>>(`${operation}.more`, page.nextRecordsUrl);
      records.push(...page.records);
    }
    return records;
  }

  /** A GET: retried on transient failures. */
  read<T>(operation: string, url: string): Promise<T> {
    return this.call<T>(operation, { method: 'GET', url }, true);
  }

  /** A POST/PATCH: never retried automatically (it may have been applied). */
  write<T>(operation: string, method: 'POST' | 'PATCH', url: string, body: unknown): Promise<T> {
    return this.call<T>(
      operation,
      { method, url, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
      false,
    );
  }

  private async call<T>(
    operation: string,
    request: {
      method: 'GET' | 'POST' | 'PATCH';
      url: string;
      body?: string;
      headers?: Record<string, string>;
    },
    idempotent: boolean,
  ): Promise<T> {
    return this.policy.execute(
      operation,
      async () => {
        try {
          await this.session();
          const requestId = currentRequestId();
          const headers = { ...request.headers, ...(requestId ? { 'x-request-id': requestId } : {}) };
          const result = await this.connection.request<T>(
            { ...request, headers },
            { ...NO_JSFORCE_RETRY, timeout: this.config.values.SF_TIMEOUT_MS },
          );
          this.consecutiveRefreshes = 0;
          this.recordLimits();
          return result;
        } catch (error) {
          throw toSalesforceError(error);
        }
      },
      { idempotent },
    );
  }

  private refreshFromHook(): Promise<SalesforceSession> {
    this.consecutiveRefreshes += 1;
    if (this.consecutiveRefreshes > this.config.values.SF_MAX_CONSECUTIVE_REFRESHES) {
      this.logger.warn({ refreshes: this.consecutiveRefreshes }, 'Salesforce keeps rejecting fresh sessions');
      return Promise.reject(new Error('session rejected again right after a refresh'));
    }
    return this.requestToken();
  }

  private requestToken(): Promise<SalesforceSession> {
    this.tokenInFlight ??= this.login().finally(() => {
      this.tokenInFlight = undefined;
    });
    return this.tokenInFlight;
  }

  private async login(): Promise<SalesforceSession> {
    const values = this.config.values;
    const assertion = jwt.sign(
      {
        iss: values.SF_CLIENT_ID,
        sub: values.SF_USERNAME,
        aud: values.SF_LOGIN_URL.replace(/\/$/, ''),
        exp: Math.floor(Date.now() / 1000) + ASSERTION_LIFETIME_S,
      },
      this.key,
      { algorithm: 'RS256' },
    );
    const started = performance.now();
    try {
      await withDeadline(
        this.connection.authorize({ grant_type: JWT_BEARER, assertion }),
        values.SF_TIMEOUT_MS,
      );
    } catch (error) {
      throw toSalesforceError(error);
    }
    const { accessToken, instanceUrl } = this.connection;
    const organizationId = this.connection.userInfo?.organizationId;
    if (!accessToken || !instanceUrl || !organizationId) {
      throw toSalesforceError(new Error('token response without access_token, instance_url or id'));
    }
    this.logger.log(
      { durationMs: Math.round(performance.now() - started) },
      'Salesforce session established',
    );
    return { accessToken, instanceUrl, organizationId };
  }

  private recordLimits(): void {
    const usage = this.connection.limitInfo?.apiUsage;
    if (!usage) return;
    this.apiUsage.set({ kind: 'used' }, usage.used);
    this.apiUsage.set({ kind: 'limit' }, usage.limit);
  }
}

/** Parses the connected-app key once; a bad key stops the boot with a message naming SF_PRIVATE_KEY. */
export function loadPrivateKey(setting: string): KeyObject {
  let pem: string;
  try {
    pem = setting.trimStart().startsWith('-----BEGIN') ? setting : readFileSync(setting, 'utf8');
  } catch (error) {
    throw new SalesforceKeyError(
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SalesforceKeyError('not a PEM private key');
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new SalesforceKeyError(`an ${key.asymmetricKeyType} key, RS256 needs RSA`);
  return key;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('token request timed out'), { code: 'ETIMEDOUT' })),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
