import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Sim } from '@portal/domain';
import { Agent, request } from 'undici';
import { AppConfig } from '../../../core/config/app-config';
import { currentRequestId } from '../../../core/context/request-context';
import { ErrorCategory } from '../../../core/errors/error-category';
import type { ProviderPolicy } from '../../../infra/resilience/provider-policy';
import { ResilienceService } from '../../../infra/resilience/resilience.service';
import { FREEBIT_PROVIDER, FreebitError, FreebitErrorCode } from '../freebit.errors';
import { maskFreebitParams } from '../utils/freebit-mask.util';
import { freebitUrl, type FreebitOperation } from '../utils/freebit-paths';
import { parseFreebitResponse } from '../utils/freebit-result.parser';

export interface FreebitCallOptions {
  /** False for calls that change state (registration, quota): never retried automatically. */
  readonly idempotent: boolean;
  /** Overrides FREEBIT_TIMEOUT_MS for this call (e.g. to stay within a caller's deadline). */
  readonly timeoutMs?: number;
}

interface Session {
  readonly key: string;
  readonly expiresAt: number;
}

/**
 * Raw transport to the Freebit API: `POST <base>/emptool/api/<path>/` with the form body `json=<JSON>`, over a
 * keep-alive undici agent, every call under the Freebit timeout / retry / circuit-breaker policy.
 *
 * The `authKey` from `authOem` is fetched once and shared by all callers (concurrent callers wait for the same
 * `authOem`), reused until FREEBIT_AUTH_KEY_TTL_S ends or Freebit rejects it, and then renewed transparently
 * once per call: a second rejection surfaces as an error instead of looping.
 */
@Injectable()
export class FreebitConnectionService implements OnModuleDestroy {
  private readonly logger = new Logger(FreebitConnectionService.name);
  private readonly agent: Agent;
  private readonly policy: ProviderPolicy;
  private session: Session | undefined;
  private pendingSession: Promise<Session> | undefined;

  constructor(
    private readonly config: AppConfig,
    resilience: ResilienceService,
  ) {
    const values = config.values;
    this.agent = new Agent({
      connections: values.FREEBIT_KEEPALIVE_CONNECTIONS,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
    });
    this.policy = resilience.policyFor({
      provider: FREEBIT_PROVIDER,
      timeoutMs: values.FREEBIT_TIMEOUT_MS,
      maxRetries: values.FREEBIT_MAX_RETRIES,
      breakerThreshold: values.FREEBIT_BREAKER_THRESHOLD,
      halfOpenAfterMs: values.FREEBIT_BREAKER_HALF_OPEN_MS,
    });
  }

  /** Calls an authenticated operation and answers its JSON body (resultCode `100`); failures throw {@link FreebitError}. */
  async call(
    operation: Exclude<FreebitOperation, 'authOem'>,
    params: Record<string, unknown>,
    options: FreebitCallOptions,
  ): Promise<Record<string, unknown>> {
    const session = await this.currentSession();
    try {
      return await this.send(operation, { authKey: session.key, ...params }, options);
    } catch (error) {
      if (!(error instanceof FreebitError) || error.freebitCode !== FreebitErrorCode.AUTH_KEY_INVALID)
        throw error;
      this.logger.warn({ operation }, 'Freebit rejected the session key; renewing it once');
      this.forget(session);
      const renewed = await this.currentSession();
      return this.send(operation, { authKey: renewed.key, ...params }, options);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  private currentSession(): Promise<Session> {
    if (this.session && this.session.expiresAt > Date.now()) return Promise.resolve(this.session);
    this.pendingSession ??= this.authenticate().finally(() => {
      this.pendingSession = undefined;
    });
    return this.pendingSession;
  }

  /** Drops the key a call was rejected with, unless another caller already replaced it. */
  private forget(session: Session): void {
    if (this.session === session) this.session = undefined;
  }

  private async authenticate(): Promise<Session> {
    const { FREEBIT_OEM_ID, FREEBIT_OEM_KEY, FREEBIT_AUTH_KEY_TTL_S } = this.config.values;
    const body = await this.send(
      'authOem',
      { oemId: FREEBIT_OEM_ID, oemKey: FREEBIT_OEM_KEY },
      { idempotent: true },
    );
    let key: string;
    try {
      key = Sim.Providers.Freebit.parseFreebitAuthKey(body);
    } catch (error) {
      throw new FreebitError(
        FreebitErrorCode.INVALID_RESPONSE,
        ErrorCategory.INVALID_RESPONSE,
        'Freebit authOem answered without an authKey.',
        undefined,
        error,
      );
    }
    this.session = { key, expiresAt: Date.now() + FREEBIT_AUTH_KEY_TTL_S * 1_000 };
    return this.session;
  }

  private send(
    operation: FreebitOperation,
    params: Record<string, unknown>,
    options: FreebitCallOptions,
  ): Promise<Record<string, unknown>> {
    const url = freebitUrl(this.config.values.FREEBIT_BASE_URL, operation);
    return this.policy.execute(
      operation,
      async (signal) => {
        const started = performance.now();
        let status: number;
        let contentType: string;
        let text: string;
        try {
          const response = await request(url, {
            method: 'POST',
            dispatcher: this.agent,
            headers: requestHeaders(),
            body: new URLSearchParams({ json: JSON.stringify(params) }).toString(),
            signal,
          });
          status = response.statusCode;
          contentType = headerValue(response.headers['content-type']);
          text = await response.body.text();
        } catch (error) {
          throw new FreebitError(
            FreebitErrorCode.UNREACHABLE,
            ErrorCategory.TEMPORARY,
            'The Freebit service could not be reached.',
            undefined,
            error,
          );
        }
        const outcome = parseFreebitResponse(status, contentType, text);
        const durationMs = Math.round(performance.now() - started);
        const logged = {
          operation,
          method: 'POST',
          url,
          status,
          durationMs,
          params: maskFreebitParams(params),
        };
        if (outcome.ok) {
          this.logger.debug(logged, 'freebit call');
          return outcome.body;
        }
        const { code, category, message, resultCode } = outcome.failure;
        this.logger.warn({ ...logged, resultCode, code }, 'freebit call failed');
        throw new FreebitError(code, category, message, resultCode);
      },
      { idempotent: options.idempotent, timeoutMs: options.timeoutMs },
    );
  }
}

function requestHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const requestId = currentRequestId();
  if (requestId !== undefined) headers['x-request-id'] = requestId;
  return headers;
}

function headerValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
