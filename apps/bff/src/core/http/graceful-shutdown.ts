import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../config/app-config';
import { ReadinessService } from '../health/readiness.service';

/**
 * On SIGTERM/SIGINT: readiness fails first, then (after SHUTDOWN_READINESS_DELAY_MS) the server stops accepting,
 * in-flight requests finish, connections close; the process exits, forcibly once SHUTDOWN_GRACE_MS elapses.
 */
export function installGracefulShutdown(app: INestApplication, config: AppConfig): void {
  const logger = app.get(Logger);
  let started = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (started) return;
    started = true;
    logger.log({ signal }, 'shutting down');
    app.get(ReadinessService).markShuttingDown();
    setTimeout(() => {
      logger.error({ graceMs: config.values.SHUTDOWN_GRACE_MS }, 'shutdown grace period elapsed; exiting');
      process.exit(1);
    }, config.values.SHUTDOWN_GRACE_MS).unref();
    sleep(config.values.SHUTDOWN_READINESS_DELAY_MS)
      .then(() => app.close())
      .then(
        () => {
          logger.log('shutdown complete');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
