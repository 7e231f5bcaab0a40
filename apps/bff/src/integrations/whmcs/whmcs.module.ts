import { Module } from '@nestjs/common';
import { WhmcsClientService } from './services/whmcs-client.service';
import { WhmcsConnectionService } from './services/whmcs-connection.service';
import { WhmcsCurrencyService } from './services/whmcs-currency.service';
import { WhmcsInvoiceService } from './services/whmcs-invoice.service';
import { WhmcsOrchestratorService } from './services/whmcs-orchestrator.service';
import { WhmcsOrderService } from './services/whmcs-order.service';
import { WhmcsSubscriptionService } from './services/whmcs-subscription.service';

/** WHMCS billing: raw transport plus entity services that answer domain types. */
@Module({
  providers: [
    WhmcsConnectionService,
    WhmcsCurrencyService,
    WhmcsClientService,
    WhmcsInvoiceService,
    WhmcsSubscriptionService,
    WhmcsOrderService,
    WhmcsOrchestratorService,
  ],
  exports: [
    WhmcsCurrencyService,
    WhmcsClientService,
    WhmcsInvoiceService,
    WhmcsSubscriptionService,
    WhmcsOrderService,
    WhmcsOrchestratorService,
  ],
})
export class WhmcsModule {}
