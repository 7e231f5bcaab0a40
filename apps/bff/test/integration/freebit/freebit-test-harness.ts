import { Test, type TestingModule } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { FreebitSimulator, type FreebitSimulatorOptions } from '../../../../sandbox/src';
import { testRedisUrl, uniquePrefix } from '../../../../../test-support/redis';
import { AppConfig } from '../../../src/core/config/app-config';
import { ConfigModule } from '../../../src/core/config/config.module';
import { loadEnv } from '../../../src/core/config/env';
import { LoggingModule } from '../../../src/core/logging/logging.module';
import { MetricsModule } from '../../../src/core/metrics/metrics.module';
import { CacheModule } from '../../../src/infra/cache/cache.module';
import { RedisModule } from '../../../src/infra/redis/redis.module';
import { ResilienceModule } from '../../../src/infra/resilience/resilience.module';
import { FreebitModule } from '../../../src/integrations/freebit/freebit.module';
import { FreebitOrchestratorService } from '../../../src/integrations/freebit/services/freebit-orchestrator.service';
import { FreebitSimService } from '../../../src/integrations/freebit/services/freebit-sim.service';
import { LogCapture } from '../../support/log-capture';

export const TEST_OEM = { oemId: 'TEST_OEM', oemKey: 'test-oem-key-5f2c' };

export interface FreebitHarness {
  readonly sim: FreebitSimulator;
  readonly module: TestingModule;
  readonly sims: FreebitSimService;
  readonly orchestrator: FreebitOrchestratorService;
  readonly logs: LogCapture;
  close(): Promise<void>;
}

/**
 * The real FreebitModule with the platform providers (config, pino logging, metrics, real Redis under a unique
 * prefix, cache, resilience) against an in-process Freebit simulator on a free port.
 */
export async function startFreebitHarness(
  env: Record<string, string> = {},
  simOptions: Partial<FreebitSimulatorOptions> = {},
): Promise<FreebitHarness> {
  const sim = new FreebitSimulator({
    host: '127.0.0.1',
    port: 0,
    ...TEST_OEM,
    authKeyTtlMs: 600_000,
    activationDelayMs: 300,
    ...simOptions,
  });
  const { api } = await sim.start();
  const config = new AppConfig(
    loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      LOG_PRETTY: 'false',
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: `${uniquePrefix('freebit')}:`,
      FREEBIT_BASE_URL: api!,
      FREEBIT_OEM_ID: TEST_OEM.oemId,
      FREEBIT_OEM_KEY: TEST_OEM.oemKey,
      FREEBIT_TIMEOUT_MS: '5000',
      FREEBIT_MAX_RETRIES: '0',
      FREEBIT_ACTIVATION_DEADLINE_MS: '5000',
      FREEBIT_ACTIVATION_POLL_INITIAL_MS: '50',
      FREEBIT_ACTIVATION_POLL_MAX_MS: '400',
      ...env,
    }),
  );
  const logs = new LogCapture();
  // nestjs-pino keeps its root logger in a module variable: without this, a second harness in the same test
  // file would log into the first one's capture.
  __resetOutOfContextForTests();
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot(config, logs),
      MetricsModule,
      RedisModule,
      CacheModule,
      ResilienceModule,
      FreebitModule,
    ],
  }).compile();
  module.useLogger(module.get(Logger));
  await module.init();
  return {
    sim,
    module,
    sims: module.get(FreebitSimService),
    orchestrator: module.get(FreebitOrchestratorService),
    logs,
    async close() {
      await module.close();
      await sim.stop();
    },
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
