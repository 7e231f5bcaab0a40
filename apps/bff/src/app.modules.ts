import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { FreebitModule } from './integrations/freebit/freebit.module';
import { SalesforceEventsModule } from './integrations/salesforce/events/salesforce-events.module';
import { SalesforceModule } from './integrations/salesforce/salesforce.module';
import { WhmcsModule } from './integrations/whmcs/whmcs.module';
import { AdminModule } from './modules/admin/admin.module';
import { ProvisioningModule } from './modules/provisioning/provisioning.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { AuthModule } from './modules/auth/auth.module';
import { MeModule } from './modules/me/me.module';
import { InvoicesModule } from './modules/invoices/invoices.module';
import { SubscriptionsModule } from './modules/subscriptions/subscriptions.module';
import { SimModule } from './modules/sim/sim.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { OpenApiModule } from './modules/openapi/openapi.module';
import { OrdersModule } from './modules/orders/orders.module';

/** The portal REST feature modules (what the portal frontend calls). */
export const portalModules: Type[] = [
  AuthModule,
  MeModule,
  InvoicesModule,
  SubscriptionsModule,
  SimModule,
  CatalogModule,
  OrdersModule,
  OpenApiModule,
];

/**
 * Provider and feature modules mounted by the app. Add yours with one line (e.g. `WhmcsModule,`);
 * the platform modules (config, logging, redis, cache, resilience, health, metrics) are always present.
 */
export const featureModules: (Type | DynamicModule | ForwardReference)[] = [
  FreebitModule,
  SalesforceModule,
  SalesforceEventsModule,
  WhmcsModule,
  WebhooksModule,
  ProvisioningModule,
  AdminModule,
  ...portalModules,
];
