import { Body, Controller, Get, Injectable, Module, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { z } from 'zod';
import { ProviderError } from '../../src/core/errors/app.errors';
import { ErrorCategory } from '../../src/core/errors/error-category';
import { CacheService } from '../../src/infra/cache/cache.service';
import { ValidBody } from '../../src/core/validation/validated-input.decorators';

const signupSchema = z.object({
  email: z.email(),
  password: z.string().min(8),
  profile: z.object({ age: z.number().int().min(18) }),
});

/** Logs on behalf of a request from outside the handler, like a provider service does. */
@Injectable()
export class ProbeService {
  constructor(private readonly logger: PinoLogger) {}

  async remember(body: unknown): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.logger.info({ body, url: '/x?api_key=KEY-123&page=2' }, 'probe service called');
  }
}

export const probeItemSchema = z.object({ id: z.string(), labels: z.array(z.string()) });

@Controller()
export class ProbeController {
  constructor(
    private readonly service: ProbeService,
    private readonly cache: CacheService,
  ) {}

  /** Serves a cached value; `fail=1` makes the loader fail temporarily (stale-if-error). */
  @Get('probe/cached')
  cached(@Query('key') key: string, @Query('ttl') ttl: string, @Query('fail') fail?: string) {
    return this.cache.getOrSet(
      `probe:${key}`,
      Number(ttl),
      () =>
        fail === '1'
          ? Promise.reject(
              new ProviderError({ provider: 'whmcs', category: ErrorCategory.TEMPORARY, code: 'DOWN' }),
            )
          : Promise.resolve({ id: key, labels: ['a', 'b'] }),
      { schema: probeItemSchema },
    );
  }

  @Post('probe/signup')
  async signup(@ValidBody(signupSchema) body: z.infer<typeof signupSchema>) {
    await this.service.remember(body);
    return { ok: true };
  }

  @Post('probe/login')
  async login(@Body() body: unknown) {
    await this.service.remember(body);
    return { ok: true };
  }

  @Get('probe/boom')
  boom(): never {
    throw new Error('db password=hunter2 at /srv/internal.ts');
  }

  @Get('probe/provider-timeout')
  timeout(): never {
    throw ProviderError.timeout('whmcs', 'GetInvoices', new Error('raw payload <xml>'));
  }

  @Get('probe/slow')
  async slow(@Query('ms') ms: string) {
    await new Promise((resolve) => setTimeout(resolve, Number(ms)));
    return { done: true };
  }

  @Post('webhooks/probe')
  webhook(@Req() request: FastifyRequest & { rawBody?: Buffer }) {
    return { raw: request.rawBody?.toString('utf8') ?? null };
  }
}

@Module({ controllers: [ProbeController], providers: [ProbeService] })
export class ProbeModule {}
