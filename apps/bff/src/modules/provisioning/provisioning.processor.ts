import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import { AppConfig } from '../../core/config/app-config';
import { runWithRequestId } from '../../core/context/request-context';
import { ErrorCategory } from '../../core/errors/error-category';
import { JobName, PROVISIONING_BACKOFF_TYPE, QueueName } from '../../infra/queue/queue.constants';
import { RedisService } from '../../infra/redis/redis.service';
import { ProvisioningError, ProvisioningErrorCode } from './provisioning.errors';
import { OrderLockRepository } from './repositories/order-lock.repository';
import { ProvisioningMetricsService } from './services/provisioning-metrics.service';
import { ProvisioningOrchestratorService } from './services/provisioning-orchestrator.service';
import { ProvisioningReconciliationService } from './services/provisioning-reconciliation.service';
import { provisionOrderJobDataSchema, type ProvisionOrderJobData } from './utils/provisioning-job.schema';
import { failureSummary, isRetryable, provisioningBackoffDelay } from './utils/provisioning-retry.util';

/** BullMQ's reason for a job that stalled more often than `maxStalledCount` allows. */
const STALLED_TOO_OFTEN = /stalled more than allowable limit/i;

/**
 * The `provisioning` queue worker (runs when BFF_ROLE is `worker` or `all`). Thin: it parses the job, restores
 * the request id for logs and provider calls, holds the order's mutex, hands over to the orchestrator, and
 * turns the outcome into BullMQ's terms: temporary failures are rethrown (retried with the configured backoff),
 * permanent ones become `UnrecoverableError`; either way, the final failure marks the order Failed in Salesforce.
 */
@Injectable()
export class ProvisioningProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProvisioningProcessor.name);
  private worker: Worker | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly orchestrator: ProvisioningOrchestratorService,
    private readonly reconciliation: ProvisioningReconciliationService,
    private readonly locks: OrderLockRepository,
    private readonly metrics: ProvisioningMetricsService,
    @InjectPinoLogger(ProvisioningProcessor.name) private readonly pino: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    const values = this.config.values;
    if (values.BFF_ROLE === 'api') return;
    if (values.PROVISIONING_TEST_CRASH_AFTER_ADD_ORDER) {
      if (values.NODE_ENV === 'production') {
        throw new Error('PROVISIONING_TEST_CRASH_AFTER_ADD_ORDER is a test hook and refused in production');
      }
      this.orchestrator.onAddOrderSucceeded(() => process.kill(process.pid, 'SIGKILL'));
    }
    const backoff = {
      baseMs: values.PROVISIONING_BACKOFF_BASE_MS,
      maxMs: values.PROVISIONING_BACKOFF_MAX_MS,
      jitter: values.PROVISIONING_BACKOFF_JITTER,
    };
    this.worker = new Worker(QueueName.PROVISIONING, (job) => this.process(job), {
      connection: this.redis.createQueueClient('bff-provisioning-worker'),
      prefix: values.QUEUE_PREFIX,
      concurrency: values.PROVISIONING_CONCURRENCY,
      lockDuration: values.PROVISIONING_LOCK_DURATION_MS,
      stalledInterval: values.PROVISIONING_STALLED_INTERVAL_MS,
      maxStalledCount: values.PROVISIONING_MAX_STALLED_COUNT,
      settings: {
        backoffStrategy: (attemptsMade: number, type?: string) =>
          type === PROVISIONING_BACKOFF_TYPE ? provisioningBackoffDelay(attemptsMade, backoff) : 0,
      },
    });
    this.worker.on('failed', (job, error) => {
      if (job && STALLED_TOO_OFTEN.test(error.message)) void this.failStalled(job);
    });
    this.worker.on('error', (error) => this.logger.warn({ err: error.message }, 'provisioning worker error'));
    this.logger.log({ concurrency: values.PROVISIONING_CONCURRENCY }, 'provisioning worker started');
  }

  /**
   * Lets active jobs finish (bounded by SHUTDOWN_GRACE_MS in main); an unfinished one is recovered as stalled.
   * Nest destroys a module before the modules it imports, so the provider clients are still open meanwhile.
   */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: Job): Promise<string> {
    if (job.name === JobName.RECONCILE_ORDERS) return this.reconciliation.run(job.id ?? 'reconcile');
    const parsed = provisionOrderJobDataSchema.safeParse(job.data);
    if (!parsed.success) {
      this.metrics.jobs.inc({ outcome: 'failed' });
      this.logger.error(
        { jobId: job.id, issues: parsed.error.issues.length },
        'provisioning job data rejected',
      );
      throw new UnrecoverableError(
        `${ProvisioningErrorCode.INVALID_JOB_DATA}: the job data is not a provisioning job`,
      );
    }
    const data = parsed.data;
    const requestId = data.requestId ?? data.correlationId ?? job.id ?? data.orderId;
    // Every line logged while this job runs (ours and the provider services') carries these ids.
    const context = this.pino.logger.child({ requestId, jobId: job.id, orderId: data.orderId });
    return storage.run(new Store(context), () => runWithRequestId(requestId, () => this.run(job, data)));
  }

  private async run(job: Job, data: ProvisionOrderJobData): Promise<string> {
    const attempt = job.attemptsMade + 1;
    try {
      const release = await this.locks.acquire(data.orderId);
      if (!release) {
        throw new ProvisioningError(
          ProvisioningErrorCode.ORDER_BUSY,
          ErrorCategory.TEMPORARY,
          'Another job is provisioning this order.',
        );
      }
      try {
        const result = await this.orchestrator.provision({
          data,
          save: (checkpoint) => job.updateData({ ...data, checkpoint }),
        });
        this.metrics.jobs.inc({ outcome: result });
        this.metrics.attempts.observe(attempt);
        if (result === 'activated')
          this.metrics.eventToActivated.observe((Date.now() - job.timestamp) / 1000);
        return result;
      } finally {
        await release();
      }
    } catch (error) {
      throw await this.handleFailure(job, data, attempt, error);
    }
  }

  /** What to throw to BullMQ; a final failure (permanent or out of attempts) is written to Salesforce first. */
  private async handleFailure(
    job: Job,
    data: ProvisionOrderJobData,
    attempt: number,
    error: unknown,
  ): Promise<unknown> {
    const retryable = isRetryable(error);
    const maxAttempts = Math.min(job.opts.attempts ?? 1, this.config.values.PROVISIONING_ATTEMPTS);
    const summary = failureSummary(error);
    if (retryable && attempt < maxAttempts) {
      this.metrics.jobs.inc({ outcome: 'retry' });
      this.logger.warn(
        { err: error, attempt, maxAttempts, code: summary.code },
        'provisioning attempt failed; will retry',
      );
      return error;
    }
    this.metrics.jobs.inc({ outcome: 'failed' });
    this.metrics.attempts.observe(attempt);
    if (error instanceof ProvisioningError && error.code === ProvisioningErrorCode.ORDER_BUSY) {
      // The job holding the order decides its outcome; writing Failed here could overwrite its Activated.
      this.logger.warn({ attempt }, 'order still busy with another job; giving up this duplicate');
      return new UnrecoverableError(`${summary.code}: ${summary.message}`);
    }
    this.logger.error(
      { err: error, attempt, code: summary.code, permanent: !retryable },
      'provisioning failed; marking the order Failed',
    );
    await this.markFailed(data.orderId, summary.code, summary.message);
    return new UnrecoverableError(`${summary.code}: ${summary.message}`);
  }

  private async failStalled(job: Job): Promise<void> {
    const parsed = provisionOrderJobDataSchema.safeParse(job.data);
    if (!parsed.success) return;
    this.metrics.jobs.inc({ outcome: 'failed' });
    await this.markFailed(
      parsed.data.orderId,
      'PROVISIONING_STALLED',
      'The provisioning worker stopped repeatedly while processing this order.',
    );
  }

  private async markFailed(orderId: string, code: string, message: string): Promise<void> {
    try {
      await this.orchestrator.markFailed(orderId, code, message);
    } catch (error) {
      // Reconciliation picks the order up again later: it is still approved and not activated.
      this.logger.error({ err: error, orderId, code }, 'could not mark the order Failed in Salesforce');
    }
  }
}
