// `pnpm start`: production-like run of the built apps (sandbox + BFF from dist). Run `pnpm build` first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureRedis } from './lib/local-redis.mjs';
import { BFF_NODE_FLAGS } from './lib/node-flags.mjs';
import { runAll } from './lib/processes.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
for (const entry of ['apps/sandbox/dist/main.js', 'apps/bff/dist/main.js']) {
  if (!existsSync(entry)) {
    process.stderr.write(`${entry} is missing: run \`pnpm build\` first.\n`);
    process.exit(1);
  }
}
if (existsSync('.env')) process.loadEnvFile('.env');

const redis = await ensureRedis(process.env.REDIS_URL).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

const env = { NODE_ENV: 'production', ...process.env, REDIS_URL: redis.url };
let stopping = false;
const apps = runAll(
  [
    { name: 'sandbox', args: ['--enable-source-maps', 'apps/sandbox/dist/main.js'] },
    { name: 'bff', args: [...BFF_NODE_FLAGS, '--enable-source-maps', 'apps/bff/dist/main.js'] },
  ],
  env,
  (name, code) => {
    process.stdout.write(`[start] ${name} exited (${code})\n`);
    // One app dying takes the other down, like a failed container would.
    if (!stopping) void stop(code ?? 1);
  },
);

async function stop(code = 0) {
  stopping = true;
  await apps.stop();
  redis.stop();
  process.exit(code);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
