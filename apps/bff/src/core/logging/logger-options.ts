import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '../config/app-config';
import { currentRequestId } from '../context/request-context';
import { redactDeep } from './redact.util';

/**
 * The root pino logger: JSON unless pretty is asked for, secrets masked wherever they appear (keys at any depth,
 * query strings inside URLs), and the request id of the current async context on every line as `requestId`.
 * Adding the id at write time (rather than a child logger per request) costs nothing for requests that never log.
 */
export function createRootLogger(config: AppConfig, stream?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.values.LOG_LEVEL,
    mixin: (mergeObject: object, _level: number, logger: Logger) => {
      const requestId = currentRequestId();
      // A child logger that binds its own id (a queue job's) keeps it; the key is never written twice.
      if (requestId === undefined || 'requestId' in mergeObject || 'requestId' in logger.bindings())
        return {};
      return { requestId };
    },
    formatters: { log: (object: Record<string, unknown>) => redactDeep(object) as Record<string, unknown> },
  };
  if (stream) return pino(options, stream);
  if (config.logPretty) {
    options.transport = {
      target: 'pino-pretty',
      options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
    };
  }
  return pino(options);
}
