import { Module } from '@nestjs/common';
import { FreebitModule } from '../../integrations/freebit/freebit.module';
import { SalesforceModule } from '../../integrations/salesforce/salesforce.module';
import { SalesforceProvisioningService } from '../../integrations/salesforce/services/salesforce-provisioning.service';
import { WhmcsModule } from '../../integrations/whmcs/whmcs.module';
import { AdminTokenGuard } from '../admin/admin-token.guard';
import { ProvisioningAdminController } from './provisioning-admin.controller';
import { ProvisioningProcessor } from './provisioning.processor';
import { OrderLockRepository } from './repositories/order-lock.repository';
import { SimStockRepository } from './repositories/sim-stock.repository';
import { ProvisioningMetricsService } from './services/provisioning-metrics.service';
import { ProvisioningOrchestratorService } from './services/provisioning-orchestrator.service';
import { ProvisioningQueueService } from './services/provisioning-queue.service';
import { ProvisioningReconciliationService } from './services/provisioning-reconciliation.service';

/**
 * Order provisioning: the `provisioning` queue worker (BFF_ROLE worker/all), reconciliation, and the operator
 * endpoints. Needs the global config, Redis, cache and metrics modules.
 */
@Module({
  imports: [SalesforceModule, WhmcsModule, FreebitModule],
  controllers: [ProvisioningAdminController],
  providers: [
    SalesforceProvisioningService,
    AdminTokenGuard,
    ProvisioningMetricsService,
    ProvisioningQueueService,
    ProvisioningOrchestratorService,
    ProvisioningReconciliationService,
    ProvisioningProcessor,
    OrderLockRepository,
    SimStockRepository,
  ],
  exports: [ProvisioningQueueService, ProvisioningOrchestratorService],
})
export class ProvisioningModule {}
