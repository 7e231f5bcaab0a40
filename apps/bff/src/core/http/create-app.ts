import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { Logger as PinoRootLogger } from 'pino';
import { AppModule, type AppModuleOptions } from '../../app.module';
import { resolveRequestId } from '../context/request-context';
import { installCachedJsonReplies } from '../../infra/cache/cached-json';
import { ReadinessService } from '../health/readiness.service';
import { ROOT_LOGGER } from '../logging/logging.module';
import { MetricsService } from '../metrics/metrics.service';
import { installHttpHooks } from './http-hooks';

/** Routes outside the `/api` prefix: probes, metrics, provider webhooks and operator tools. */
const UNPREFIXED = ['health/{*path}', 'metrics', 'webhooks/{*path}', 'admin/{*path}'];

/**
 * Builds the Nest application on Fastify with every platform concern wired (used by main and by tests).
 * Webhook handlers read the exact bytes as `request.rawBody` (Nest `rawBody: true`).
 */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const adapter = new FastifyAdapter({
    bodyLimit: config.values.BODY_LIMIT_BYTES,
    logger: false,
    // No Nest middleware here (the per-request work is in Fastify hooks): middie would only add a hook to run.
    skipMiddie: true,
    return503OnClosing: true,
    // Fastify's own request id is the same one the logs and the response header carry.
    genReqId: (request: IncomingMessage) => resolveRequestId(request),
    // Malformed URLs (bad percent-encoding) are refused by Fastify's router before Nest sees them: same envelope.
    frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const requestId = resolveRequestId(request.raw);
      void reply
        .code(400)
        .header('x-request-id', requestId)
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ code: 'BAD_REQUEST', message: 'The request is malformed.', requestId }));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    rawBody: true,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.setGlobalPrefix('api', { exclude: UNPREFIXED });
  const origins = config.values.CORS_ORIGINS;
  // Registered as a plain @fastify/cors hook before body parsing (every answer, errors included, gets its headers).
  // Nest's default onRequest placement proxies the hook and copies its headers to the raw response, after which
  // Node validates every header of the answer again. Without allowed origins there is nothing for it to do:
  // browsers refuse cross-origin reads that carry no CORS headers.
  if (origins.length > 0) app.enableCors({ origin: origins, credentials: true, hook: 'preParsing' });

  const fastify = app.getHttpAdapter().getInstance();
  installCachedJsonReplies(fastify);
  installHttpHooks(fastify, {
    logger: app.get<symbol, PinoRootLogger>(ROOT_LOGGER),
    metrics: app.get(MetricsService),
    readiness: app.get(ReadinessService),
  });
  return app;
}
