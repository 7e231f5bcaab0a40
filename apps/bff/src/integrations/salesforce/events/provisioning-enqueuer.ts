import type { Logger } from '@nestjs/common';
import { Provisioning } from '@portal/domain';
import type { JobsOptions, Queue } from 'bullmq';
import { JobName } from '../../../infra/queue/queue.constants';
import { provisionOrderJobId } from './provision-order-job.util';
import type { ReceivedEvent } from './pubsub-stream';
import type { SalesforceEventsMetrics } from './salesforce-events.metrics';

interface ProvisionOrderJob {
  readonly name: string;
  readonly data: Provisioning.ProvisioningJobData;
  readonly opts: JobsOptions;
}

/**
 * Turns received `OrderProvisionRequested__e` events into `provision-order` jobs. The job id comes from the
 * event's `IdemKey__c` (else its event id), so BullMQ ignores an event delivered or published twice.
 */
export class ProvisioningEnqueuer {
  constructor(
    private readonly queue: Queue,
    private readonly logger: Logger,
    private readonly metrics: SalesforceEventsMetrics,
  ) {}

  /** Enqueues every valid event in one round trip; an event the domain rejects is logged and skipped. */
  async enqueue(events: readonly ReceivedEvent[]): Promise<number> {
    const receivedAt = new Date();
    const jobs: ProvisionOrderJob[] = [];
    for (const event of events) {
      const job = this.toJob(event, receivedAt);
      if (job) jobs.push(job);
    }
    if (jobs.length > 0) await this.queue.addBulk(jobs);
    this.metrics.count('enqueued', jobs.length);
    this.metrics.count('skipped', events.length - jobs.length);
    return jobs.length;
  }

  private toJob(event: ReceivedEvent, receivedAt: Date): ProvisionOrderJob | undefined {
    let parsed: Provisioning.OrderProvisionRequestedEvent;
    try {
      parsed = Provisioning.Providers.Salesforce.parseOrderProvisionRequestedEvent(event.payload);
    } catch (error) {
      // A poison event must not block the stream: it is logged (ids only) and its replay id moves on.
      this.logger.error(
        { err: error, eventId: event.id, replayId: event.replayId },
        'OrderProvisionRequested__e rejected by the domain schema; skipped',
      );
      return undefined;
    }
    const data = Provisioning.toProvisioningJobData(parsed, {
      source: 'platform_event',
      requestId: parsed.correlationId ?? event.id,
      receivedAt,
    });
    return {
      name: JobName.PROVISION_ORDER,
      data,
      opts: { jobId: provisionOrderJobId(parsed.idempotencyKey, event.id) },
    };
  }
}
