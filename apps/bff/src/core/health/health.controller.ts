import { Controller, Get, Inject, Res } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { REQUEST_REDIS } from '../../infra/redis/redis.tokens';
import { ReadinessService } from './readiness.service';

const PROBE_TIMEOUT_MS = 1_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessService,
    @Inject(REQUEST_REDIS) private readonly redis: Redis,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready for traffic: not shutting down, Redis answers, every registered provider probe passes. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    const probes: [string, () => Promise<void>][] = [
      [
        'shutdown',
        () =>
          this.readiness.isShuttingDown ? Promise.reject(new Error('shutting down')) : Promise.resolve(),
      ],
      ['redis', () => this.redis.ping().then(() => undefined)],
      ...this.readiness.entries(),
    ];
    try {
      return await this.health.check(
        probes.map(
          ([name, probe]) =>
            () =>
              this.indicate(name, probe),
        ),
      );
    } catch (error) {
      // Terminus throws a 503 carrying the details; answer them directly instead of the generic error envelope.
      const details = (error as { getResponse?: () => unknown }).getResponse?.();
      void reply.status(503);
      return details as HealthCheckResult;
    }
  }

  private async indicate(name: string, probe: () => Promise<void>): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(name);
    try {
      await withTimeout(probe(), PROBE_TIMEOUT_MS);
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : 'down' });
    }
  }
}
