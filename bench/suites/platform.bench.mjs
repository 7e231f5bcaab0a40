// Platform: a cached, JWT-guarded JSON read through the whole BFF (Nest on Fastify: request id, logging middleware,
// helmet, CORS, metrics, guard, CacheService, cached bytes out) against bare Fastify + ioredis + jsonwebtoken
// doing the same work. Servers run one at a time in their own process; autocannon runs in a third process.
// Runs against the built dist (`pnpm bench` builds first). Needs Redis at REDIS_URL or redis-server on the PATH.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureRedis } from '../../scripts/lib/local-redis.mjs';
import { BENCH_JWT_SECRET, BENCH_USER_ID } from '../lib/jwt.mjs';
import { runLoad, startServer } from '../lib/processes.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;

const jwt = createRequire(fileURLToPath(new URL('../../apps/bff/package.json', import.meta.url)))(
  'jsonwebtoken',
);
const token = jwt.sign({ sub: BENCH_USER_ID }, BENCH_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
const redis = await ensureRedis(process.env.REDIS_URL);
const env = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  REDIS_URL: redis.url,
  REDIS_KEY_PREFIX: `bench-platform-${process.pid}:`,
  BENCH_JWT_SECRET,
  // The portal's auth module refuses to boot in production without its own secret.
  AUTH_JWT_SECRET: BENCH_JWT_SECRET,
};

async function measure(name, script) {
  const server = startServer(fileURLToPath(new URL(`../lib/${script}`, import.meta.url)), env);
  try {
    const url = `http://127.0.0.1:${await server.port}/api/bench/invoices`;
    const headers = { authorization: `Bearer ${token}` };
    const probe = await fetch(url, { headers });
    const body = await probe.text();
    if (probe.status !== 200) throw new Error(`${name}: ${probe.status} ${body}`);
    await runLoad(url, { connections: CONNECTIONS, seconds: WARMUP_SECONDS, headers });
    const cpuBefore = server.cpuMs();
    const figures = await runLoad(url, { connections: CONNECTIONS, seconds: SECONDS, headers });
    const cpuMs = server.cpuMs() - cpuBefore;
    // CPU per request is less sensitive than req/s to other loads on a shared machine.
    figures.cpuUsPerRequest = (cpuMs * 1000) / (figures.requests * SECONDS);
    if (figures.errors > 0 || figures.non2xx > 0)
      throw new Error(`${name}: ${figures.errors} errors, ${figures.non2xx} non-2xx`);
    return { name, bytes: body.length, ...figures };
  } finally {
    await server.stop();
  }
}

try {
  const bff = await measure('BFF (Nest + Fastify, full platform)', 'bff-bench-server.cjs');
  const bare = await measure('bare Fastify + ioredis', 'bare-bench-server.cjs');
  process.stdout.write(
    `cached JWT-guarded JSON read (${bff.bytes} B body), ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up\n`,
  );
  for (const r of [bff, bare]) {
    process.stdout.write(
      `  ${r.name.padEnd(38)} ${r.requests.toFixed(0).padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   CPU ${r.cpuUsPerRequest.toFixed(0)} µs/req\n`,
    );
  }
  process.stdout.write(
    `  ratio BFF / bare: ${(bff.requests / bare.requests).toFixed(2)} (req/s), p99 ${bff.p99} vs ${bare.p99} ms\n`,
  );
} finally {
  redis.stop();
}
