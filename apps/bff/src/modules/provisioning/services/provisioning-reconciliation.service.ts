import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config';
import { SalesforceProvisioningService } from '../../../integrations/salesforce/services/salesforce-provisioning.service';
import { ProvisioningQueueService } from './provisioning-queue.service';

/**
 * Safety net for lost events: a repeatable job asks Salesforce for orders approved but neither activated nor
 * failed and untouched for PROVISIONING_RECONCILE_AFTER_S, and enqueues them (one job id per order; the
 * per-order mutex and the WHMCS marker make an overlap with a late event harmless).
 */
@Injectable()
export class ProvisioningReconciliationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProvisioningReconciliationService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly salesforce: SalesforceProvisioningService,
    private readonly queue: ProvisioningQueueService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.values.BFF_ROLE === 'api') return;
    // Not awaited: with Redis down at boot the queue connection holds the command until Redis returns,
    // and the app must still come up (live, not ready) meanwhile.
    this.queue
      .scheduleReconciliation(this.config.values.PROVISIONING_RECONCILE_EVERY_MS)
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not schedule provisioning reconciliation');
      });
  }

  /** One reconciliation pass; answers how many orders it enqueued. */
  async run(requestId: string): Promise<string> {
    const values = this.config.values;
    const before = new Date(Date.now() - values.PROVISIONING_RECONCILE_AFTER_S * 1000);
    const orderIds = await this.salesforce.findUnprovisioned(before, values.PROVISIONING_RECONCILE_LIMIT);
    await this.queue.enqueueOrders(orderIds, requestId);
    if (orderIds.length > 0) this.logger.warn({ count: orderIds.length }, 'unprovisioned orders enqueued');
    return `enqueued ${orderIds.length}`;
  }
}
