import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export const CACHE_HEADER = 'x-cache';

/** A cached domain value as its stored JSON text, so the hot path can send the bytes without parsing. */
export class CachedJson {
  constructor(
    readonly json: string,
    /** True when served past its TTL because the loader failed temporarily (stale-if-error). */
    readonly stale: boolean,
  ) {}

  /** Parses the value back when code (not a client) needs it. */
  parse<S extends z.ZodType>(schema: S): z.infer<S> {
    return schema.parse(JSON.parse(this.json));
  }
}

/**
 * Prepares a Fastify reply for cached bytes and returns them; use with `@Res({ passthrough: true })`:
 * `return cachedReply(reply, await this.cache.getOrSet(...))`. Stale answers carry `x-cache: stale`.
 */
export function cachedReply(reply: FastifyReply, cached: CachedJson): string {
  void reply.header('content-type', 'application/json; charset=utf-8');
  if (cached.stale) void reply.header(CACHE_HEADER, 'stale');
  return cached.json;
}
