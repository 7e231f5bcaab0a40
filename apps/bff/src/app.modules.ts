import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { FreebitModule } from './integrations/freebit/freebit.module';
import { WhmcsModule } from './integrations/whmcs/whmcs.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';

/**
 * Provider and feature modules mounted by the app. Add yours with one line (e.g. `WhmcsModule,`);
 * the platform modules (config, logging, redis, cache, resilience, health, metrics) are always present.
 */
export const featureModules: (Type | DynamicModule | ForwardReference)[] = [
  FreebitModule,
  WhmcsModule,
  WebhooksModule,
];
