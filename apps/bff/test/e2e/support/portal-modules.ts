import type { Type } from '@nestjs/common';
import { AuthModule } from '../../../src/modules/auth/auth.module';
import { CatalogModule } from '../../../src/modules/catalog/catalog.module';
import { InvoicesModule } from '../../../src/modules/invoices/invoices.module';
import { MeModule } from '../../../src/modules/me/me.module';
import { OpenApiModule } from '../../../src/modules/openapi/openapi.module';
import { OrdersModule } from '../../../src/modules/orders/orders.module';
import { SimModule } from '../../../src/modules/sim/sim.module';
import { SubscriptionsModule } from '../../../src/modules/subscriptions/subscriptions.module';

/** The portal feature modules (also registered in app.modules.ts; Nest mounts each once). */
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
