import { Global, Module } from '@nestjs/common';
import { QUEUE_REDIS, REQUEST_REDIS } from './redis.tokens';
import { RedisService } from './redis.service';

@Global()
@Module({
  providers: [
    RedisService,
    { provide: REQUEST_REDIS, useFactory: (redis: RedisService) => redis.request, inject: [RedisService] },
    { provide: QUEUE_REDIS, useFactory: (redis: RedisService) => redis.queue, inject: [RedisService] },
  ],
  exports: [RedisService, REQUEST_REDIS, QUEUE_REDIS],
})
export class RedisModule {}
