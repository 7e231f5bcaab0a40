import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../../src/core/config/app-config';
import { loadEnv } from '../../src/core/config/env';
import { createApp } from '../../src/core/http/create-app';
import { testRedisUrl, uniquePrefix } from '../../../../test-support/redis';
import { LogCapture } from './log-capture';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly logs: LogCapture;
  readonly config: AppConfig;
  close(): Promise<void>;
}

/** Boots the real app (Fastify, real Redis with a unique prefix) with its logs captured. */
export async function bootTestApp(
  env: Record<string, string> = {},
  extraModules: (Type | DynamicModule | ForwardReference)[] = [],
  featureModules?: (Type | DynamicModule | ForwardReference)[],
): Promise<TestApp> {
  const config = new AppConfig(
    loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: `${uniquePrefix('bff')}:`,
      ...env,
    }),
  );
  const logs = new LogCapture();
  const app = await createApp({ config, logStream: logs, extraModules, featureModules });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, logs, config, close: () => app.close() };
}
