import { Provisioning } from '@portal/domain';
import type { Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JobName } from '../../../infra/queue/queue.constants';
import { provisionOrderJobId } from './provision-order-job.util';
import type { ReceivedEvent } from './pubsub-stream';

/** What a `provision-order` job carries: ids only, no personal data. */
export interface ProvisionOrderJobData {
  readonly orderId: string;
  readonly idemKey: string | null;
  readonly correlationId: string | null;
  readonly requestedBy: string | null;
  readonly version: number | null;
  readonly eventId: string;
  readonly replayId: number;
  /** Lines worker logs up with the Flow that raised the event. */
  readonly requestId: string;
}

/**
 * Turns received `OrderProvisionRequested__e` events into `provision-order` jobs. The job id comes from the
 * event's idempotency key, so BullMQ ignores an event delivered or published twice.
 */
export class ProvisioningEnqueuer {
  constructor(
    private readonly queue: Queue,
    private readonly logger: Logger,
  ) {}

  /** Enqueues every valid event in one round trip; an event the domain rejects is logged and skipped. */
  async enqueue(events: readonly ReceivedEvent[]): Promise<number> {
    const jobs: { name: string; data: ProvisionOrderJobData; opts: JobsOptions }[] = [];
    for (const event of events) {
      const job = this.toJob(event);
      if (job) jobs.push(job);
    }
    if (jobs.length > 0) await this.queue.addBulk(jobs);
    return jobs.length;
  }

  private toJob(
    event: ReceivedEvent,
  ): { name: string; data: ProvisionOrderJobData; opts: JobsOptions } | undefined {
    let parsed: ReturnType<typeof Provisioning.Providers.Salesforce.parseOrderProvisionRequestedEvent>;
    try {
      parsed = Provisioning.Providers.Salesforce.parseOrderProvisionRequestedEvent(event.payload);
    } catch (error) {
      this.logger.error(
        { err: error, eventId: event.id, replayId: event.replayId },
        'OrderProvisionRequested__e rejected by the domain schema; skipped',
      );
      return undefined;
    }
    const data: ProvisionOrderJobData = {
      orderId: parsed.orderId,
      idemKey: parsed.idemKey ?? null,
      correlationId: parsed.correlationId ?? null,
      requestedBy: parsed.requestedBy ?? null,
      version: parsed.version ?? null,
      eventId: event.id,
      replayId: event.replayId,
      requestId: parsed.correlationId ?? event.id,
    };
    return {
      name: JobName.PROVISION_ORDER,
      data,
      opts: { jobId: provisionOrderJobId(parsed.idemKey, event.id) },
    };
  }
}
