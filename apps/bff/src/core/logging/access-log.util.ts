import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

// Probes and scrapes would drown the log; their requests are not logged.
const QUIET_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * One `request completed` line per answered request (`request errored` for 5xx), at info, warn for 4xx and error
 * for 5xx; nothing is built when that level is off. Headers and query strings are masked by the logger's formatter.
 */
export function writeAccessLog(logger: Logger, request: FastifyRequest, reply: FastifyReply): void {
  const status = reply.statusCode;
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const url = request.url;
  const query = url.indexOf('?');
  if (QUIET_ROUTES.has(query < 0 ? url : url.slice(0, query))) return;
  logger[level](
    {
      // Written after the response, possibly outside the request's async context: the id is passed explicitly.
      requestId: request.id,
      req: { id: request.id, method: request.method, url, headers: { ...request.headers } },
      res: { statusCode: status },
      responseTime: Math.round(reply.elapsedTime),
    },
    status >= 500 ? 'request errored' : 'request completed',
  );
}
