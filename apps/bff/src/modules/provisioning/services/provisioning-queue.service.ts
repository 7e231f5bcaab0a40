import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../../../core/config/app-config';
import { NotFoundError } from '../../../core/errors/app.errors';
import { JobName, PROVISIONING_BACKOFF_TYPE, QueueName } from '../../../infra/queue/queue.constants';
import { RedisService } from '../../../infra/redis/redis.service';
import type { ProvisionOrderJobInput } from '../utils/provisioning-job.schema';
import { ProvisioningMetricsService } from './provisioning-metrics.service';

/** A failed provisioning job as operators see it: ids and the failure, no payload. */
export interface FailedProvisioningJob {
  readonly jobId: string;
  readonly orderId: string | null;
  readonly attemptsMade: number;
  readonly failedReason: string;
  readonly failedAt: string | null;
  readonly enqueuedAt: string;
}

/** Job id of a provisioning job that no event asked for (reconciliation, operators): one per order. */
export function orderJobId(orderId: string): string {
  return `po-order-${orderId}`;
}

/** The producer side of the `provisioning` queue: enqueue, inspect, retry, schedule reconciliation. */
@Injectable()
export class ProvisioningQueueService implements OnModuleDestroy {
  readonly queue: Queue;

  constructor(config: AppConfig, redis: RedisService, metrics: ProvisioningMetricsService) {
    const values = config.values;
    this.queue = new Queue(QueueName.PROVISIONING, {
      connection: redis.queue,
      prefix: values.QUEUE_PREFIX,
      defaultJobOptions: {
        attempts: values.PROVISIONING_ATTEMPTS,
        backoff: { type: PROVISIONING_BACKOFF_TYPE },
        removeOnComplete: {
          age: values.PROVISIONING_KEEP_COMPLETED_S,
          count: values.PROVISIONING_KEEP_COMPLETED_COUNT,
        },
        removeOnFail: { age: values.PROVISIONING_KEEP_FAILED_S },
      },
    });
    metrics.useDepthSource(() => this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed'));
  }

  /** Enqueues orders by id; an order that already has a job under the same id is left alone. */
  async enqueueOrders(orderIds: readonly string[], requestId: string): Promise<void> {
    if (orderIds.length === 0) return;
    const receivedAt = new Date().toISOString();
    await this.queue.addBulk(
      orderIds.map((orderId) => {
        const data: ProvisionOrderJobInput = {
          orderId,
          idempotencyKey: orderId,
          correlationId: null,
          requestedBy: null,
          requestId,
          source: 'manual',
          receivedAt,
        };
        const opts: JobsOptions = { jobId: orderJobId(orderId) };
        return { name: JobName.PROVISION_ORDER, data, opts };
      }),
    );
  }

  /** Installs (or updates) the repeatable reconciliation job; `everyMs` 0 removes it. */
  async scheduleReconciliation(everyMs: number): Promise<void> {
    if (everyMs === 0) {
      await this.queue.removeJobScheduler(JobName.RECONCILE_ORDERS);
      return;
    }
    await this.queue.upsertJobScheduler(
      JobName.RECONCILE_ORDERS,
      { every: everyMs },
      { name: JobName.RECONCILE_ORDERS, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  async listFailed(limit: number): Promise<FailedProvisioningJob[]> {
    const jobs = await this.queue.getJobs(['failed'], 0, limit - 1, false);
    return jobs
      .filter((job) => job.name === JobName.PROVISION_ORDER)
      .map((job) => ({
        jobId: job.id ?? '',
        orderId: orderIdOf(job.data),
        attemptsMade: job.attemptsMade,
        failedReason: job.failedReason ?? '',
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        enqueuedAt: new Date(job.timestamp).toISOString(),
      }));
  }

  /**
   * Moves a failed job back to waiting. Its checkpoint is kept (finished steps stay finished) except the
   * Activating mark, so Salesforce leaves Failed as soon as the retry starts.
   */
  async retryFailed(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job || job.name !== JobName.PROVISION_ORDER || !(await job.isFailed())) {
      throw new NotFoundError('No failed provisioning job has this id.', 'PROVISIONING_JOB_NOT_FOUND');
    }
    const data = job.data as { checkpoint?: Record<string, unknown> };
    await job.updateData({ ...data, checkpoint: { ...data.checkpoint, activating: false } });
    await job.retry('failed');
  }

  /** Before the platform closes the shared Redis connection. */
  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}

function orderIdOf(data: unknown): string | null {
  const orderId = (data as { orderId?: unknown } | null)?.orderId;
  return typeof orderId === 'string' ? orderId : null;
}
