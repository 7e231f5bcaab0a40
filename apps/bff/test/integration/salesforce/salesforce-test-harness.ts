import { Test, type TestingModule } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { testRedisUrl, uniquePrefix } from '../../../../../test-support/redis';
import {
  startRestHarness,
  type RestHarness,
} from '../../../../sandbox/test/integration/salesforce/salesforce-rest-harness';
import { AppConfig } from '../../../src/core/config/app-config';
import { ConfigModule } from '../../../src/core/config/config.module';
import { loadEnv } from '../../../src/core/config/env';
import { LoggingModule } from '../../../src/core/logging/logging.module';
import { MetricsModule } from '../../../src/core/metrics/metrics.module';
import { CacheModule } from '../../../src/infra/cache/cache.module';
import { RedisModule } from '../../../src/infra/redis/redis.module';
import { ResilienceModule } from '../../../src/infra/resilience/resilience.module';
import { SalesforceModule } from '../../../src/integrations/salesforce/salesforce.module';
import { LogCapture } from '../../support/log-capture';

export interface SalesforceHarness {
  readonly sf: RestHarness;
  readonly module: TestingModule;
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/** Builds the BFF's Salesforce module (real platform providers, real Redis) against an already started simulator. */
export async function buildSalesforceModule(
  sf: RestHarness,
  env: Record<string, string> = {},
): Promise<TestingModule> {
  const config = new AppConfig(
    loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: `${uniquePrefix('salesforce')}:`,
      SF_LOGIN_URL: sf.url,
      SF_CLIENT_ID: 'test-connected-app',
      SF_PRIVATE_KEY: sf.privateKey,
      SF_TIMEOUT_MS: '2000',
      SF_MAX_RETRIES: '1',
      ...env,
    }),
  );
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot(config, new LogCapture()),
      MetricsModule,
      RedisModule,
      CacheModule,
      ResilienceModule,
      SalesforceModule,
    ],
  }).compile();
  module.useLogger(module.get(Logger));
  await module.init();
  return module;
}

/** A Salesforce simulator on a free port plus the BFF module pointed at it. */
export async function startSalesforceHarness(
  env: Record<string, string> = {},
  options: { seedAccounts?: number } = {},
): Promise<SalesforceHarness> {
  const sf = await startRestHarness(options);
  const module = await buildSalesforceModule(sf, env);
  return {
    sf,
    module,
    env,
    async close() {
      await module.close();
      await sf.stop();
    },
  };
}
