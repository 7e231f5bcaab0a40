import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsService } from '../../../core/metrics/metrics.service';

export type ProvisioningOutcome = 'activated' | 'already_activated' | 'retry' | 'failed';
export type ProvisioningStep =
  'load' | 'activating' | 'whmcs_order' | 'whmcs_accept' | 'sims' | 'salesforce_activated' | 'caches';

/** Provisioning metrics on the app's registry; queue depth is read from Redis at scrape time. */
@Injectable()
export class ProvisioningMetricsService {
  readonly jobs: Counter<'outcome'>;
  readonly stepDuration: Histogram<'step'>;
  readonly attempts: Histogram;
  readonly eventToActivated: Histogram;
  readonly queueDepth: Gauge<'state'>;
  private depthSource: (() => Promise<Record<string, number>>) | undefined;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.jobs = new Counter({
      name: 'bff_provisioning_jobs_total',
      help: 'Provisioning job runs by outcome (activated, already_activated, retry, failed)',
      labelNames: ['outcome'] as const,
      registers,
    });
    this.stepDuration = new Histogram({
      name: 'bff_provisioning_step_duration_seconds',
      help: 'Duration of each provisioning step',
      labelNames: ['step'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.attempts = new Histogram({
      name: 'bff_provisioning_attempts',
      help: 'Attempts a provisioning job took until it finished (completed or failed)',
      buckets: [1, 2, 3, 4, 5, 6, 8, 10, 15, 20],
      registers,
    });
    this.eventToActivated = new Histogram({
      name: 'bff_provisioning_event_to_activated_seconds',
      help: 'Time from the job being enqueued (event received) to Salesforce showing Activated',
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    });
    const readDepth = (): Promise<Record<string, number> | undefined> =>
      this.depthSource ? this.depthSource().catch(() => undefined) : Promise.resolve(undefined);
    this.queueDepth = new Gauge({
      name: 'bff_provisioning_queue_depth',
      help: 'Provisioning jobs by state (waiting, active, delayed, failed), read from Redis at scrape time',
      labelNames: ['state'] as const,
      registers,
      // A Redis hiccup leaves the last values in place.
      async collect() {
        for (const [state, count] of Object.entries((await readDepth()) ?? {})) this.set({ state }, count);
      },
    });
  }

  /** Where queue depth comes from (the queue service registers itself). */
  useDepthSource(source: () => Promise<Record<string, number>>): void {
    this.depthSource = source;
  }

  async timeStep<T>(step: ProvisioningStep, work: () => Promise<T>): Promise<T> {
    const end = this.stepDuration.startTimer({ step });
    try {
      return await work();
    } finally {
      end();
    }
  }
}
