import { Module } from '@nestjs/common';
import { SalesforceAccountService } from './services/salesforce-account.service';
import { SalesforceCatalogService } from './services/salesforce-catalog.service';
import { SalesforceConnectionService } from './services/salesforce-connection.service';
import { SalesforceOrchestratorService } from './services/salesforce-orchestrator.service';
import { SalesforceOrderService } from './services/salesforce-order.service';

/** Salesforce REST integration; needs the global config, cache, metrics and resilience modules. */
@Module({
  providers: [
    SalesforceConnectionService,
    SalesforceOrderService,
    SalesforceCatalogService,
    SalesforceAccountService,
    SalesforceOrchestratorService,
  ],
  exports: [
    SalesforceConnectionService,
    SalesforceOrderService,
    SalesforceCatalogService,
    SalesforceAccountService,
    SalesforceOrchestratorService,
  ],
})
export class SalesforceModule {}
