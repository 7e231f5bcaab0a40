// Platform: a cached, JWT-guarded JSON read through the whole BFF (Nest on Fastify: request id, security headers,
// CORS, access log, metrics, guard, CacheService, cached bytes out) against bare Fastify + ioredis + jsonwebtoken
// doing the same work. Each server runs in its own process; autocannon runs in a third process.
// Runs against the built dist (`pnpm bench` builds first). Needs Redis at REDIS_URL or redis-server on the PATH.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureRedis } from '../../scripts/lib/local-redis.mjs';
import { BFF_NODE_FLAGS } from '../../scripts/lib/node-flags.mjs';
import { BENCH_JWT_SECRET, BENCH_USER_ID } from '../lib/jwt.mjs';
import { runLoad, startServer } from '../lib/processes.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// Both servers stay up and take turns, round after round: a burst of load from another process on this shared
// machine then hits both sides instead of skewing one, and the best round of each is the least disturbed one.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;

const jwt = createRequire(fileURLToPath(new URL('../../apps/bff/package.json', import.meta.url)))(
  'jsonwebtoken',
);
const token = jwt.sign({ sub: BENCH_USER_ID }, BENCH_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
const headers = { authorization: `Bearer ${token}` };
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

async function start(name, script) {
  // Both sides run with the V8 flags the BFF runs with in production.
  const server = startServer(
    fileURLToPath(new URL(`../lib/${script}`, import.meta.url)),
    env,
    BFF_NODE_FLAGS,
  );
  const url = `http://127.0.0.1:${await server.port}/api/bench/invoices`;
  const probe = await fetch(url, { headers });
  const body = await probe.text();
  if (probe.status !== 200) throw new Error(`${name}: ${probe.status} ${body}`);
  await runLoad(url, { connections: CONNECTIONS, seconds: WARMUP_SECONDS, headers });
  return { name, server, url, bytes: body.length, rounds: [] };
}

async function round(side) {
  const cpuBefore = side.server.cpuMs();
  const figures = await runLoad(side.url, { connections: CONNECTIONS, seconds: SECONDS, headers });
  if (figures.errors > 0 || figures.non2xx > 0)
    throw new Error(`${side.name}: ${figures.errors} errors, ${figures.non2xx} non-2xx`);
  // CPU per request is less sensitive than req/s to other loads on a shared machine.
  figures.cpuUsPerRequest = ((side.server.cpuMs() - cpuBefore) * 1000) / (figures.requests * SECONDS);
  side.rounds.push(figures);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sides = [];
try {
  sides.push(await start('BFF (Nest + Fastify, full platform)', 'bff-bench-server.cjs'));
  sides.push(await start('bare Fastify + ioredis', 'bare-bench-server.cjs'));
  for (let r = 0; r < ROUNDS; r++) for (const side of sides) await round(side);
  const [bff, bare] = sides.map((side) => ({
    ...side,
    best: side.rounds.reduce((a, b) => (b.requests > a.requests ? b : a)),
    medianCpu: median(side.rounds.map((f) => f.cpuUsPerRequest)),
  }));
  const out = (line) => process.stdout.write(`${line}\n`);
  out(
    `cached JWT-guarded JSON read (${bff.bytes} B body), ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s after ${WARMUP_SECONDS} s warm-up`,
  );
  for (const side of [bff, bare]) {
    out(`  ${side.name}`);
    side.rounds.forEach((f, i) =>
      out(
        `    round ${i + 1}: ${f.requests.toFixed(0).padStart(6)} req/s   p50 ${f.p50} ms   p99 ${f.p99} ms   CPU ${f.cpuUsPerRequest.toFixed(0)} µs/req`,
      ),
    );
  }
  for (const side of [bff, bare]) {
    out(
      `  ${side.name.padEnd(38)} best ${side.best.requests.toFixed(0).padStart(6)} req/s   p99 ${side.best.p99} ms   median CPU ${side.medianCpu.toFixed(0)} µs/req`,
    );
  }
  out(
    `  ratio BFF / bare: ${(bff.best.requests / bare.best.requests).toFixed(2)} (best req/s), ${(bare.medianCpu / bff.medianCpu).toFixed(2)} (bare / BFF median CPU per request); p99 ${bff.best.p99} vs ${bare.best.p99} ms`,
  );
} finally {
  await Promise.all(sides.map((side) => side.server.stop()));
  redis.stop();
}
