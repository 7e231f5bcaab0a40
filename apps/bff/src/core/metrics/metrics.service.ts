import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type CacheOutcome = 'hit' | 'miss' | 'error' | 'stale';
export type CircuitStateValue = 'closed' | 'half_open' | 'open' | 'isolated';

const CIRCUIT_STATE: Record<CircuitStateValue, number> = { closed: 0, half_open: 1, open: 2, isolated: 3 };

/** The app's Prometheus registry and the platform's metrics; one registry per app instance. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'bff_http_request_duration_seconds',
    help: 'Inbound HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly cacheEvents = new Counter({
    name: 'bff_cache_events_total',
    help: 'Cache reads by outcome (hit, miss, error, stale)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly outboundDuration = new Histogram({
    name: 'bff_outbound_request_duration_seconds',
    help: 'Outbound provider call duration by provider, operation and outcome',
    labelNames: ['provider', 'operation', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly circuitState = new Gauge({
    name: 'bff_circuit_state',
    help: 'Circuit breaker state per provider (0 closed, 1 half-open, 2 open, 3 isolated)',
    labelNames: ['provider'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  countCache(outcome: CacheOutcome): void {
    this.cacheEvents.inc({ outcome });
  }

  setCircuitState(provider: string, state: CircuitStateValue): void {
    this.circuitState.set({ provider }, CIRCUIT_STATE[state]);
  }
}
