import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';
import { pinoHttpOptions } from './logger-options';

@Module({})
export class LoggingModule {
  /** `stream` lets tests capture the JSON log lines. */
  static forRoot(config: AppConfig, stream?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: pinoHttpOptions(config, stream),
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
      ],
    };
  }
}
