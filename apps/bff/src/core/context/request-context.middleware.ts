import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER, resolveRequestId, runWithRequestId } from './request-context';

/** Gives each request its id, echoes it, and runs the rest of the request inside its async context. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const requestId = resolveRequestId(request);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    runWithRequestId(requestId, next);
  }
}
