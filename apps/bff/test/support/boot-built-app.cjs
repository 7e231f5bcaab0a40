// Boots the built BFF (dist) like main.ts does, plus a slow route, so a test can signal a real process.
require('reflect-metadata');
const { AppConfig } = require('../../dist/core/config/app-config');
const { loadEnv } = require('../../dist/core/config/env');
const { createApp } = require('../../dist/core/http/create-app');
const { installGracefulShutdown } = require('../../dist/core/http/graceful-shutdown');

async function main() {
  const config = new AppConfig(loadEnv());
  const app = await createApp({ config });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/slow', async (request) => {
      await new Promise((resolve) => setTimeout(resolve, Number(request.query.ms ?? 1000)));
      return { done: true };
    });
  installGracefulShutdown(app, config);
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`LISTENING ${app.getHttpServer().address().port}\n`);
}

void main();
