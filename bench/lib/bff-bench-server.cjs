// The built BFF (every platform and feature module) plus a bench-only route: JWT guard → cache read → cached bytes.
// Plain CommonJS with decorators applied by hand, so the bench needs no compile step and ships no production code.
const { createSecretKey } = require('node:crypto');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { invoicePage } = require('./invoice-page.cjs');

const root = join(__dirname, '../..');
const bffRequire = createRequire(join(root, 'apps/bff/package.json'));
bffRequire('reflect-metadata');
const { Controller, Get, Injectable, Module, Req, UseGuards } = bffRequire('@nestjs/common');
const jwt = bffRequire('jsonwebtoken');
const { z } = bffRequire('zod');
const dist = (path) => bffRequire(join(root, 'apps/bff/dist', path));
const { AppConfig } = dist('core/config/app-config');
const { loadEnv } = dist('core/config/env');
const { UnauthorizedError } = dist('core/errors/app.errors');
const { createApp } = dist('core/http/create-app');
const { CacheService } = dist('infra/cache/cache.service');
const { invoicesKey } = dist('infra/cache/cache-keys');

const key = createSecretKey(Buffer.from(process.env.BENCH_JWT_SECRET));
const pageSchema = z.object({
  userId: z.string(),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.string(),
      currency: z.string(),
      subtotal: z.number(),
      tax: z.number(),
      total: z.number(),
      issuedAt: z.string(),
      dueAt: z.string(),
      paidAt: z.string().nullable(),
      description: z.string(),
    }),
  ),
});

class BenchJwtGuard {
  canActivate(context) {
    const request = context.switchToHttp().getRequest();
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) throw new UnauthorizedError();
    try {
      request.user = jwt.verify(header.slice(7), key, { algorithms: ['HS256'] });
      return true;
    } catch {
      throw new UnauthorizedError();
    }
  }
}
Injectable()(BenchJwtGuard);

class BenchController {
  constructor(cache, config) {
    this.cache = cache;
    this.ttl = config.values.CACHE_TTL_INVOICES_S;
  }

  invoices(request) {
    const userId = request.user.sub;
    return this.cache.getOrSet(invoicesKey(userId, 1), this.ttl, async () => invoicePage(userId), {
      schema: pageSchema,
    });
  }
}
Reflect.defineMetadata('design:paramtypes', [CacheService, AppConfig], BenchController);
Req()(BenchController.prototype, 'invoices', 0);
Reflect.decorate(
  [Get('invoices'), UseGuards(BenchJwtGuard)],
  BenchController.prototype,
  'invoices',
  Object.getOwnPropertyDescriptor(BenchController.prototype, 'invoices'),
);
Controller('bench')(BenchController);

class BenchModule {}
Module({ controllers: [BenchController], providers: [BenchJwtGuard] })(BenchModule);

async function main() {
  const config = new AppConfig(loadEnv());
  const app = await createApp({ config, extraModules: [BenchModule] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`LISTENING ${app.getHttpServer().address().port}\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
