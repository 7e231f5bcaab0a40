import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../core/config/app-config';
import { resolveRequestId } from '../../core/context/request-context';
import { ProvisioningQueueService } from '../provisioning/services/provisioning-queue.service';
import { checkAdminToken } from './admin-token.util';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Mounts the Bull Board dashboard at `/admin/queues` on the Fastify instance (a plain Fastify plugin, outside
 * Nest routing), behind the same admin token as the admin endpoints. Not mounted when the process has no HTTP
 * server (worker role).
 */
@Injectable()
export class BullBoardService implements OnModuleInit {
  private readonly logger = new Logger(BullBoardService.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly provisioning: ProvisioningQueueService,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const board = new FastifyAdapter();
    board.setBasePath(BULL_BOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(this.provisioning.queue)],
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'Portal BFF queues' } },
    });
    const token = this.config.values.ADMIN_API_TOKEN;
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', (request, reply, done) => {
          const result = checkAdminToken(request.headers.authorization, token);
          if (result === 'ok') return done();
          void deny(request, reply, result === 'disabled' ? 404 : 401);
        });
        await scope.register(board.registerPlugin());
      },
      { prefix: BULL_BOARD_PATH },
    );
    this.logger.log({ path: BULL_BOARD_PATH, enabled: token !== undefined }, 'queue dashboard mounted');
  }
}

/** The global exception filter's body shape, for answers given outside Nest. */
function deny(request: FastifyRequest, reply: FastifyReply, status: 401 | 404): FastifyReply {
  const requestId = resolveRequestId(request.raw);
  const body =
    status === 404
      ? { code: 'NOT_FOUND', message: 'Not found.', requestId }
      : { code: 'ADMIN_UNAUTHORIZED', message: 'Admin authentication required.', requestId };
  return reply.code(status).header('x-request-id', requestId).send(body);
}
