import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, runWithRequestId } from '../context/request-context';
import type { ReadinessService } from '../health/readiness.service';
import { writeAccessLog } from '../logging/access-log.util';
import type { MetricsService } from '../metrics/metrics.service';
import { SECURITY_HEADERS } from './security-headers';

export interface HttpHookDependencies {
  readonly logger: Logger;
  readonly metrics: MetricsService;
  readonly readiness: ReadinessService;
}

/**
 * The per-request platform work as plain Fastify hooks (Nest middleware would add middie and its path matching
 * to every request): request id echoed and kept in async context, security headers, connection close while
 * draining, access log and the duration histogram. Fastify's `genReqId` has already resolved `request.id`.
 */
export function installHttpHooks(fastify: FastifyInstance, deps: HttpHookDependencies): void {
  const { logger, metrics, readiness } = deps;
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(SECURITY_HEADERS).header(REQUEST_ID_HEADER, request.id);
    // The rest of the request (hooks, body parsing, guards, handler, services) runs inside this context.
    runWithRequestId(request.id, done);
  });
  // While draining, close keep-alive connections after their response so the server can finish closing.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (readiness.isShuttingDown) void reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    writeAccessLog(logger, request, reply);
    done();
  });
}
