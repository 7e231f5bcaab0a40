import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'undici';
import { AppConfig } from '../../../core/config/app-config';
import { currentRequestId, REQUEST_ID_HEADER } from '../../../core/context/request-context';
import { isTransient } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import type { ProviderPolicy } from '../../../infra/resilience/provider-policy';
import { ResilienceService } from '../../../infra/resilience/resilience.service';
import { WHMCS_PROVIDER, WhmcsError, WhmcsErrorCode } from '../whmcs.errors';
import { parseWhmcsResponse, type WhmcsPayload } from '../utils/whmcs-error.parser';
import { buildWhmcsForm, type WhmcsParams } from '../utils/whmcs-form.util';

/** The API actions the BFF uses. */
export type WhmcsAction =
  | 'ValidateLogin'
  | 'GetClientsDetails'
  | 'GetInvoices'
  | 'GetInvoice'
  | 'GetClientsProducts'
  | 'GetCurrencies'
  | 'GetOrders'
  | 'AddOrder'
  | 'AcceptOrder'
  | 'UpdateClientProduct';

export interface WhmcsCallOptions {
  /** Overrides WHMCS_TIMEOUT_MS for this call. */
  readonly timeoutMs?: number;
}

/**
 * Raw transport to the WHMCS API: a form POST to `…/includes/api.php` with our credentials and
 * `responsetype=json`, over a keep-alive undici pool, under the WHMCS timeout / retry / circuit-breaker policy.
 *
 * Only reads (`Get*`) are retried. `ValidateLogin` is not (it counts failed logins and starts sessions) and
 * writes (`AddOrder`, `AcceptOrder`, `UpdateClientProduct`) never are: their outcome after a failure is
 * unknown, so callers decide (the orchestrator looks the order up by marker instead of re-adding it).
 * Request bodies hold the API secret and are never logged.
 */
@Injectable()
export class WhmcsConnectionService implements OnModuleDestroy {
  private readonly logger = new Logger(WhmcsConnectionService.name);
  private readonly pool: Pool;
  private readonly path: string;
  private readonly policy: ProviderPolicy;

  constructor(
    private readonly config: AppConfig,
    resilience: ResilienceService,
  ) {
    const values = config.values;
    const url = new URL(values.WHMCS_API_URL);
    this.path = `${url.pathname}${url.search}`;
    this.pool = new Pool(url.origin, {
      connections: values.WHMCS_KEEPALIVE_CONNECTIONS,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
    });
    this.policy = resilience.policyFor({
      provider: WHMCS_PROVIDER,
      timeoutMs: values.WHMCS_TIMEOUT_MS,
      maxRetries: values.WHMCS_MAX_RETRIES,
      breakerThreshold: values.WHMCS_BREAKER_THRESHOLD,
      halfOpenAfterMs: values.WHMCS_BREAKER_HALF_OPEN_MS,
      // A PHP fatal page or garbled JSON means WHMCS itself is unwell: retry reads and count it for the breaker.
      isTransient: (error) =>
        isTransient(error) ||
        (error instanceof WhmcsError && error.category === ErrorCategory.INVALID_RESPONSE),
    });
  }

  /** Calls one action and answers its success payload; failures throw a classified {@link WhmcsError}. */
  call(action: WhmcsAction, params: WhmcsParams = {}, options: WhmcsCallOptions = {}): Promise<WhmcsPayload> {
    return this.policy.execute(action, (signal) => this.send(action, params, signal), {
      idempotent: action.startsWith('Get'),
      timeoutMs: options.timeoutMs,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }

  private async send(action: WhmcsAction, params: WhmcsParams, signal: AbortSignal): Promise<WhmcsPayload> {
    const { WHMCS_API_IDENTIFIER, WHMCS_API_SECRET, WHMCS_ACCESS_KEY } = this.config.values;
    const body = buildWhmcsForm({
      ...params,
      action,
      identifier: WHMCS_API_IDENTIFIER,
      secret: WHMCS_API_SECRET,
      accesskey: WHMCS_ACCESS_KEY,
      responsetype: 'json',
    }).toString();
    const requestId = currentRequestId();
    const started = performance.now();
    let status: number;
    let text: string;
    try {
      const response = await this.pool.request({
        method: 'POST',
        path: this.path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          ...(requestId === undefined ? {} : { [REQUEST_ID_HEADER]: requestId }),
        },
        body,
        signal,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw new WhmcsError(
        WhmcsErrorCode.HTTP_ERROR,
        ErrorCategory.TEMPORARY,
        'The billing system could not be reached.',
        undefined,
        undefined,
        error,
      );
    }
    const durationMs = Math.round(performance.now() - started);
    const logged = { action, method: 'POST', path: this.path, status, durationMs };
    const outcome = parseWhmcsResponse(status, text);
    if (outcome.ok) {
      this.logger.debug(logged, 'whmcs call');
      return outcome.data;
    }
    const { error } = outcome;
    const details = { ...logged, code: error.code, whmcsMessage: error.whmcsMessage };
    if (outcome.alert) {
      this.logger.error({ ...details, alert: true }, 'WHMCS refused our API credentials, IP or permissions');
    } else {
      this.logger.warn(details, 'whmcs call failed');
    }
    throw error;
  }
}
