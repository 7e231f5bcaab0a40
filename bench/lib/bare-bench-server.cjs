// The baseline: bare Fastify + ioredis + jsonwebtoken doing the same work as the BFF's bench route
// (HS256 check, cache read of the stored `<freshUntil>\n<json>` entry, JSON bytes out; load and store on a miss).
const { createSecretKey } = require('node:crypto');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { invoicePage } = require('./invoice-page.cjs');

const bffRequire = createRequire(join(__dirname, '../../apps/bff/package.json'));
const Fastify = bffRequire('fastify');
const { Redis } = bffRequire('ioredis');
const jwt = bffRequire('jsonwebtoken');

const key = createSecretKey(Buffer.from(process.env.BENCH_JWT_SECRET));
const redis = new Redis(process.env.REDIS_URL, {
  keyPrefix: process.env.REDIS_KEY_PREFIX,
  enableOfflineQueue: false,
});
const TTL_MS = 90_000;

const app = Fastify({ logger: false });
app.get('/api/bench/invoices', async (request, reply) => {
  const header = request.headers.authorization;
  let user;
  try {
    user = jwt.verify(String(header).slice(7), key, { algorithms: ['HS256'] });
  } catch {
    return reply.code(401).send({ code: 'UNAUTHORIZED' });
  }
  const cacheKey = `cache:v1:user:${user.sub}:invoices:page:1`;
  const stored = await redis.get(cacheKey);
  let json;
  if (stored !== null) json = stored.slice(stored.indexOf('\n') + 1);
  else {
    json = JSON.stringify(invoicePage(user.sub));
    await redis.set(cacheKey, `${Date.now() + TTL_MS}\n${json}`, 'PX', TTL_MS);
  }
  return reply.type('application/json; charset=utf-8').send(json);
});

redis.once('ready', () =>
  app
    .listen({ host: '127.0.0.1', port: 0 })
    .then(() => process.stdout.write(`LISTENING ${app.server.address().port}\n`)),
);
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => redis.quit())
      .then(() => process.exit(0)),
);
