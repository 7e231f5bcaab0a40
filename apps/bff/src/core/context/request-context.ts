import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

interface RequestContext {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();
// A client-supplied id is echoed into logs and headers, so only harmless characters are accepted.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of the request (or job) this code runs on behalf of; undefined outside any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `fn` on behalf of `requestId` (e.g. a queue worker continuing the request that enqueued the job). */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** The request's id: a valid `x-request-id` header, else a new UUID. Computed once and kept on the request. */
export function resolveRequestId(request: IncomingMessage & { id?: unknown }): string {
  if (typeof request.id === 'string' && request.id) return request.id;
  const header = request.headers[REQUEST_ID_HEADER];
  const id = typeof header === 'string' && SAFE_ID.test(header) ? header : randomUUID();
  request.id = id;
  return id;
}
