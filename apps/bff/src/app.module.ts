import { type DynamicModule, type ForwardReference, Module, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { featureModules } from './app.modules';
import type { AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { GlobalExceptionFilter } from './core/errors/global-exception.filter';
import { HealthModule } from './core/health/health.module';
import { LoggingModule } from './core/logging/logging.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { CacheModule } from './infra/cache/cache.module';
import { RedisModule } from './infra/redis/redis.module';
import { ResilienceModule } from './infra/resilience/resilience.module';

export interface AppModuleOptions {
  readonly config: AppConfig;
  /** Where JSON log lines go (tests capture them); stdout by default. */
  readonly logStream?: DestinationStream;
  /** Replaces the registered feature modules (tests of the platform alone pass `[]`). */
  readonly featureModules?: (Type | DynamicModule | ForwardReference)[];
  /** Extra modules (test or bench controllers) mounted next to the feature modules. */
  readonly extraModules?: (Type | DynamicModule | ForwardReference)[];
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggingModule.forRoot(options.config, options.logStream),
        MetricsModule,
        RedisModule,
        CacheModule,
        ResilienceModule,
        HealthModule,
        ...(options.featureModules ?? featureModules),
        ...(options.extraModules ?? []),
      ],
      providers: [{ provide: APP_FILTER, useClass: GlobalExceptionFilter }],
    };
  }
}
