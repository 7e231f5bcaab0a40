import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  IsolatedCircuitError,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  type CircuitBreakerPolicy,
  type RetryPolicy,
} from 'cockatiel';
import { AppError, ProviderError, ProviderErrorCode, isTransient } from '../../core/errors/app.errors';
import type { CircuitStateValue, MetricsService } from '../../core/metrics/metrics.service';

export interface ProviderPolicyOptions {
  /** Provider name used in errors, logs and metric labels (`whmcs`, `freebit`, `salesforce`). */
  readonly provider: string;
  /** Per-attempt timeout; the call's AbortSignal fires when it elapses. */
  readonly timeoutMs: number;
  /** Retries after the first attempt for transient failures (0 disables). Default 2. */
  readonly maxRetries?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Consecutive transient failures that open the circuit. Default 5. */
  readonly breakerThreshold?: number;
  /** How long the circuit stays open before a half-open probe. Default 10 s. */
  readonly halfOpenAfterMs?: number;
  /** Which failures are transient (retried, counted by the breaker). Default: TEMPORARY or RATE_LIMITED. */
  readonly isTransient?: (error: unknown) => boolean;
}

export interface CallOptions {
  /** False for non-idempotent calls (payments, order creation): no retry, the error surfaces at once. */
  readonly idempotent?: boolean;
  /** Overrides the policy's per-attempt timeout for this call. */
  readonly timeoutMs?: number;
}

const STATE_LABEL: Record<CircuitState, CircuitStateValue> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'isolated',
};

/**
 * Timeout, retry with exponential backoff and jitter, and a circuit breaker for one provider.
 *
 * A provider connection service owns one policy and runs every raw call through it:
 * ```ts
 * this.policy = resilience.policyFor({ provider: 'whmcs', timeoutMs: config.values.WHMCS_TIMEOUT_MS });
 * const body = await this.policy.execute('GetInvoices', async (signal) => {
 *   const response = await fetch(url, { method: 'POST', body, signal });
 *   if (!response.ok) throw parseWhmcsError(response.status, await response.text()); // → ProviderError
 *   return response.json();
 * }, { idempotent: true });
 * ```
 * The callback must turn provider failures into {@link ProviderError}s with the right category: only
 * transient ones (TEMPORARY / RATE_LIMITED) are retried and trip the breaker. A timeout surfaces as
 * `PROVIDER_TIMEOUT` (TEMPORARY, HTTP 504), an open circuit fails fast as `PROVIDER_UNAVAILABLE` (HTTP 503).
 */
export class ProviderPolicy {
  readonly provider: string;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retry: RetryPolicy | undefined;
  private readonly timeoutMs: number;
  private readonly transient: (error: unknown) => boolean;

  constructor(
    options: ProviderPolicyOptions,
    private readonly metrics: MetricsService,
  ) {
    this.provider = options.provider;
    this.timeoutMs = options.timeoutMs;
    this.transient = options.isTransient ?? isTransient;
    const transientError = handleWhen((error) => this.transient(error));
    this.breaker = circuitBreaker(transientError, {
      halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
      breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
    });
    this.breaker.onStateChange((state) => metrics.setCircuitState(this.provider, STATE_LABEL[state]));
    metrics.setCircuitState(this.provider, 'closed');
    const maxRetries = options.maxRetries ?? 2;
    this.retry =
      maxRetries > 0
        ? retry(transientError, {
            maxAttempts: maxRetries,
            backoff: new ExponentialBackoff({
              initialDelay: options.initialBackoffMs ?? 100,
              maxDelay: options.maxBackoffMs ?? 2_000,
            }),
          })
        : undefined;
  }

  get circuitState(): CircuitStateValue {
    return STATE_LABEL[this.breaker.state];
  }

  /** Runs `call` under the policy; `operation` labels logs and metrics (e.g. `GetInvoices`). */
  async execute<T>(
    operation: string,
    call: (signal: AbortSignal) => Promise<T>,
    options: CallOptions = {},
  ): Promise<T> {
    const started = performance.now();
    const attempt = () => this.attempt(operation, call, options.timeoutMs ?? this.timeoutMs);
    try {
      const result =
        options.idempotent === false || !this.retry ? await attempt() : await this.retry.execute(attempt);
      this.observe(operation, 'success', started);
      return result;
    } catch (error) {
      this.observe(operation, outcomeOf(error), started);
      throw error;
    }
  }

  private async attempt<T>(
    operation: string,
    call: (signal: AbortSignal) => Promise<T>,
    timeoutMs: number,
  ): Promise<T> {
    const perAttempt = timeout(timeoutMs, TimeoutStrategy.Aggressive);
    try {
      return await this.breaker.execute(async () => {
        try {
          return await perAttempt.execute(({ signal }) => call(signal));
        } catch (error) {
          // Map inside the breaker so a timeout counts as a transient failure.
          if (error instanceof TaskCancelledError)
            throw ProviderError.timeout(this.provider, operation, error);
          throw error;
        }
      });
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
        throw ProviderError.unavailable(this.provider, error);
      }
      throw error;
    }
  }

  private observe(operation: string, outcome: string, started: number): void {
    this.metrics.outboundDuration.observe(
      { provider: this.provider, operation, outcome },
      (performance.now() - started) / 1000,
    );
  }
}

function outcomeOf(error: unknown): string {
  if (error instanceof AppError) {
    if (error.code === ProviderErrorCode.TIMEOUT) return 'timeout';
    if (error.code === ProviderErrorCode.UNAVAILABLE) return 'circuit_open';
    return error.category.toLowerCase();
  }
  return 'error';
}
