import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './core/config/app-config';
import { ConfigError, loadEnv } from './core/config/env';

/**
 * A worker process: the app's modules without an HTTP server, so only queue workers (and the reconciliation
 * schedule) run. Started as `node dist/worker.js`, or by main when BFF_ROLE=worker. On SIGTERM/SIGINT the
 * workers stop taking jobs and let active ones finish; past SHUTDOWN_GRACE_MS the process exits anyway and the
 * unfinished job is recovered as stalled by another worker.
 */
export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), config.values.SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.init();
  return app;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = new AppConfig(loadEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (config.values.BFF_ROLE === 'api') {
    process.stderr.write('worker.js runs queue workers: BFF_ROLE must be worker or all\n');
    process.exit(1);
  }
  await startWorker(config);
}

if (require.main === module) void main();
