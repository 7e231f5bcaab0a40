import { Counter, Gauge, type Registry } from 'prom-client';

export type EventOutcome = 'received' | 'enqueued' | 'skipped';
export type StreamRestartReason =
  'ended' | 'replay_corrupted' | 'unauthenticated' | 'watchdog' | 'enqueue_failed';

/** Prometheus metrics of the platform-event subscriber, registered in the app's registry. */
export class SalesforceEventsMetrics {
  private readonly events: Counter<'outcome'>;
  private readonly restarts: Counter<'reason'>;
  private readonly leader: Gauge;

  constructor(registry: Registry) {
    this.events = new Counter({
      name: 'bff_sf_events_total',
      help: 'OrderProvisionRequested__e events by outcome (received, enqueued as a job, skipped as invalid)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.restarts = new Counter({
      name: 'bff_sf_events_stream_restarts_total',
      help: 'Pub/Sub stream rebuilds by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    });
    this.leader = new Gauge({
      name: 'bff_sf_events_leader',
      help: '1 while this instance holds the subscriber lease',
      registers: [registry],
    });
  }

  count(outcome: EventOutcome, n = 1): void {
    if (n > 0) this.events.inc({ outcome }, n);
  }

  restarted(reason: StreamRestartReason): void {
    this.restarts.inc({ reason });
  }

  leading(isLeader: boolean): void {
    this.leader.set(isLeader ? 1 : 0);
  }
}
