import { Injectable } from '@nestjs/common';
import { MetricsService } from '../../core/metrics/metrics.service';
import { ProviderPolicy, type ProviderPolicyOptions } from './provider-policy';

/** Hands out one {@link ProviderPolicy} per provider, so every connection to it shares the circuit breaker. */
@Injectable()
export class ResilienceService {
  private readonly policies = new Map<string, ProviderPolicy>();

  constructor(private readonly metrics: MetricsService) {}

  policyFor(options: ProviderPolicyOptions): ProviderPolicy {
    let policy = this.policies.get(options.provider);
    if (!policy) {
      policy = new ProviderPolicy(options, this.metrics);
      this.policies.set(options.provider, policy);
    }
    return policy;
  }
}
