import { type INestApplication, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../config/app-config';
import { ReadinessService } from '../health/readiness.service';

/**
 * On SIGTERM/SIGINT: readiness fails first, then (after SHUTDOWN_READINESS_DELAY_MS) the server stops accepting,
 * in-flight requests finish, connections close; the process exits, forcibly once SHUTDOWN_GRACE_MS elapses.
 */
export function installGracefulShutdown(app: INestApplication, config: AppConfig): void {
  const logger = new Logger('Shutdown');
  let started = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (started) return;
    started = true;
    logger.log(`${signal}: readiness failing, draining in-flight requests`);
    app.get(ReadinessService).markShuttingDown();
    setTimeout(() => {
      logger.error(`shutdown grace period (${config.values.SHUTDOWN_GRACE_MS} ms) elapsed; exiting`);
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
