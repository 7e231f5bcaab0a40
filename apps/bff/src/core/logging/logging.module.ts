import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { createRootLogger } from './logger-options';

/** The app's root pino logger (`@Inject(ROOT_LOGGER)`); Nest's `Logger` and nestjs-pino's `PinoLogger` write to it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

@Module({})
export class LoggingModule {
  /** `stream` lets tests capture the JSON log lines. */
  static forRoot(config: AppConfig, stream?: DestinationStream): DynamicModule {
    const root: Logger = createRootLogger(config, stream);
    return {
      module: LoggingModule,
      global: true,
      // No per-request pino-http middleware: the request id comes from the async context (see createRootLogger)
      // and the access log line is written by the HTTP hooks (core/http/http-hooks.ts).
      imports: [LoggerModule.forRoot({ pinoHttp: { logger: root }, forRoutes: [] })],
      providers: [{ provide: ROOT_LOGGER, useValue: root }],
      exports: [ROOT_LOGGER],
    };
  }
}
