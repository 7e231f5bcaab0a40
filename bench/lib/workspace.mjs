// Loads the built workspace (the suites run against dist) and boots BFF modules on the platform layer.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bffRequire = createRequire(`${root}apps/bff/package.json`);
export const sandboxRequire = createRequire(`${root}apps/sandbox/package.json`);
export const bffDist = (path) => bffRequire(`${root}apps/bff/dist/${path}`);
export const sandboxDist = (path) => sandboxRequire(`${root}apps/sandbox/dist/${path}`);

/** The parsed BFF configuration for `env` (through the real zod schema). */
export function bffConfig(env) {
  const { AppConfig } = bffDist('core/config/app-config.js');
  const { loadEnv } = bffDist('core/config/env.js');
  return new AppConfig(loadEnv(env));
}

/** A Nest application context with the platform modules (config, metrics, Redis, cache, resilience) plus `modules`. */
export async function bootBffContext(config, ...modules) {
  const { NestFactory } = bffRequire('@nestjs/core');
  const { Module } = bffRequire('@nestjs/common');
  const { ConfigModule } = bffDist('core/config/config.module.js');
  const { MetricsModule } = bffDist('core/metrics/metrics.module.js');
  const { RedisModule } = bffDist('infra/redis/redis.module.js');
  const { CacheModule } = bffDist('infra/cache/cache.module.js');
  const { ResilienceModule } = bffDist('infra/resilience/resilience.module.js');
  class BenchModule {}
  Module({
    imports: [
      ConfigModule.forRoot(config),
      MetricsModule,
      RedisModule,
      CacheModule,
      ResilienceModule,
      ...modules,
    ],
  })(BenchModule);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  await app.init();
  return app;
}
