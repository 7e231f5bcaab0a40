import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, ProviderError } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';
import { MetricsService } from '../../core/metrics/metrics.service';
import { ProviderPolicy, type ProviderPolicyOptions } from './provider-policy';

const temporary = () =>
  new ProviderError({ provider: 'demo', category: ErrorCategory.TEMPORARY, code: 'DEMO_DOWN' });

function policy(options: Partial<ProviderPolicyOptions> = {}) {
  const metrics = new MetricsService();
  return {
    metrics,
    policy: new ProviderPolicy(
      { provider: 'demo', timeoutMs: 50, initialBackoffMs: 1, maxBackoffMs: 5, ...options },
      metrics,
    ),
  };
}

async function outcomes(metrics: MetricsService): Promise<Record<string, number>> {
  const { values } = await metrics.outboundDuration.get();
  return Object.fromEntries(
    values
      .filter((v) => (v as { metricName?: string }).metricName?.endsWith('_count'))
      .map((v) => [String(v.labels.outcome), v.value]),
  );
}

describe('ProviderPolicy', () => {
  it('times out a slow call as a TEMPORARY PROVIDER_TIMEOUT and aborts its signal', async () => {
    const { policy: p } = policy({ maxRetries: 0 });
    let seen: AbortSignal | undefined;
    const error = await p
      .execute('Slow', (signal) => {
        seen = signal;
        return new Promise((resolve) => setTimeout(resolve, 500));
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'PROVIDER_TIMEOUT', category: 'TEMPORARY', provider: 'demo' });
    expect(seen?.aborted).toBe(true);
  });

  it('retries transient failures with backoff, then succeeds', async () => {
    const { policy: p, metrics } = policy({ maxRetries: 3 });
    const call = vi
      .fn<(signal: AbortSignal) => Promise<string>>()
      .mockRejectedValueOnce(temporary())
      .mockRejectedValueOnce(temporary())
      .mockResolvedValue('ok');
    await expect(p.execute('Flaky', call)).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(3);
    expect(await outcomes(metrics)).toEqual({ success: 1 });
  });

  it('does not retry permanent failures nor non-idempotent calls', async () => {
    const { policy: p, metrics } = policy({ maxRetries: 3 });
    const notFound = vi.fn(() => Promise.reject(new NotFoundError()));
    await expect(p.execute('Get', notFound)).rejects.toBeInstanceOf(NotFoundError);
    expect(notFound).toHaveBeenCalledTimes(1);

    const create = vi.fn(() => Promise.reject(temporary()));
    await expect(p.execute('Create', create, { idempotent: false })).rejects.toMatchObject({
      code: 'DEMO_DOWN',
    });
    expect(create).toHaveBeenCalledTimes(1);
    expect(await outcomes(metrics)).toEqual({ not_found: 1, temporary: 1 });
  });

  it('opens the circuit after consecutive transient failures, fails fast, then recovers via a half-open probe', async () => {
    const { policy: p, metrics } = policy({ maxRetries: 0, breakerThreshold: 3, halfOpenAfterMs: 200 });
    const failing = vi.fn(() => Promise.reject(temporary()));
    for (let i = 0; i < 3; i++)
      await expect(p.execute('Get', failing)).rejects.toMatchObject({ code: 'DEMO_DOWN' });
    expect(p.circuitState).toBe('open');
    expect((await metrics.circuitState.get()).values[0]).toMatchObject({
      labels: { provider: 'demo' },
      value: 2,
    });

    const never = vi.fn(() => Promise.resolve('unreached'));
    const started = performance.now();
    await expect(p.execute('Get', never)).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      category: 'TEMPORARY',
    });
    expect(performance.now() - started).toBeLessThan(50);
    expect(never).not.toHaveBeenCalled();

    await new Promise((resolve) => setTimeout(resolve, 250));
    await expect(p.execute('Get', () => Promise.resolve('back'))).resolves.toBe('back');
    expect(p.circuitState).toBe('closed');
    expect(await outcomes(metrics)).toMatchObject({ circuit_open: 1, success: 1, temporary: 3 });
  });

  it('counts timeouts towards the breaker', async () => {
    const { policy: p } = policy({ maxRetries: 0, breakerThreshold: 2, timeoutMs: 10 });
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve('late'), 100));
    await expect(p.execute('Slow', slow)).rejects.toMatchObject({ code: 'PROVIDER_TIMEOUT' });
    await expect(p.execute('Slow', slow)).rejects.toMatchObject({ code: 'PROVIDER_TIMEOUT' });
    await expect(p.execute('Slow', slow)).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });
});
