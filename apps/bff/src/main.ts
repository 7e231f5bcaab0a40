import 'reflect-metadata';
import { AppConfig } from './core/config/app-config';
import { ConfigError, loadEnv } from './core/config/env';
import { createApp } from './core/http/create-app';
import { installGracefulShutdown } from './core/http/graceful-shutdown';
import { startWorker } from './worker';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = new AppConfig(loadEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // No logger exists before the configuration does; one plain line on stderr.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // A worker-only process serves no HTTP (BFF_ROLE=worker); `all` runs the workers inside the API process.
  if (config.values.BFF_ROLE === 'worker') return void (await startWorker(config));
  const app = await createApp({ config });
  installGracefulShutdown(app, config);
  await app.listen({ host: config.values.HOST, port: config.values.PORT });
}

void main();
