// `pnpm dev`: the sandbox and the BFF from their TypeScript sources, restarted on change (node --watch),
// plus a local redis-server on a free port when nothing answers at REDIS_URL.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureRedis } from './lib/local-redis.mjs';
import { BFF_NODE_FLAGS } from './lib/node-flags.mjs';
import { runAll } from './lib/processes.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
if (existsSync('.env')) process.loadEnvFile('.env');

const redis = await ensureRedis(process.env.REDIS_URL).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
if (redis.started) process.stdout.write(`[dev] started redis-server at ${redis.url}\n`);

// The embedded sandbox wiring: all three inbound flows live (Salesforce events, signed WHMCS webhooks).
// Anything set in the environment or .env wins.
const sandboxWiring = {
  SF_EVENTS_ENABLED: 'true',
  SF_PUBSUB_REJECT_UNAUTHORIZED_SSL: 'false',
  SF_PUBSUB_INSTANCE_URL: 'https://sandbox.my.salesforce.com',
  SANDBOX_WHMCS_WEBHOOK_URL: `http://127.0.0.1:${process.env.PORT ?? 3000}/webhooks/whmcs`,
  SANDBOX_WHMCS_WEBHOOK_SECRETS: 'sandbox-whmcs-webhook-secret',
  WHMCS_WEBHOOK_SECRETS: 'sandbox-whmcs-webhook-secret',
};
const env = { NODE_ENV: 'development', ...sandboxWiring, ...process.env, REDIS_URL: redis.url };
const fromSource = (entry) => [
  '--enable-source-maps',
  '--conditions=@portal/source',
  '--require',
  './scripts/lib/ts-register.cjs',
  '--watch',
  entry,
];
const apps = runAll(
  [
    { name: 'sandbox', args: fromSource('apps/sandbox/src/main.ts') },
    { name: 'bff', args: [...BFF_NODE_FLAGS, ...fromSource('apps/bff/src/main.ts')] },
  ],
  env,
  (name, code) => process.stdout.write(`[dev] ${name} exited (${code})\n`),
);

const stop = async () => {
  await apps.stop();
  redis.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
