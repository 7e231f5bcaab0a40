import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { resolveRequestId } from '../context/request-context';
import { redactDeep, redactUrl } from './redact.util';

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
}

const QUIET_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * pino-http options: the request id (from `x-request-id` or generated) bound to every request-scoped line as
 * `requestId`, secrets masked wherever they appear (headers, bodies, URLs), JSON unless pretty is asked for.
 */
export function pinoHttpOptions(
  config: AppConfig,
  stream?: DestinationStream,
): Options | [Options, DestinationStream] {
  const options: Options = {
    level: config.values.LOG_LEVEL,
    genReqId: (request: IncomingMessage) => resolveRequestId(request),
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    // Middleware mounting rewrites `url`; `originalUrl` keeps the path the client asked for.
    autoLogging: {
      ignore: (request: IncomingMessage & { originalUrl?: string }) =>
        QUIET_ROUTES.has((request.originalUrl ?? request.url ?? '').split('?')[0] ?? ''),
    },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (request: SerializedRequest) => ({
        id: request.id,
        method: request.method,
        url: request.url === undefined ? undefined : redactUrl(request.url),
        headers: redactDeep(request.headers),
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    formatters: { log: (object: Record<string, unknown>) => redactDeep(object) as Record<string, unknown> },
  };
  if (config.logPretty && !stream) {
    options.transport = {
      target: 'pino-pretty',
      options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
    };
  }
  return stream ? [options, stream] : options;
}
