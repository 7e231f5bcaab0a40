import 'reflect-metadata';
import { AppConfig } from './core/config/app-config';
import { ConfigError, loadEnv } from './core/config/env';
import { createApp } from './core/http/create-app';
import { installGracefulShutdown } from './core/http/graceful-shutdown';

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
  const app = await createApp({ config });
  installGracefulShutdown(app, config);
  await app.listen({ host: config.values.HOST, port: config.values.PORT });
}

void main();
