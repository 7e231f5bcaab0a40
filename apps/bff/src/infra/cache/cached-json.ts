import type { FastifyInstance } from 'fastify';
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
 * Lets handlers return a {@link CachedJson} as it is (`Promise<CachedJson>`): Fastify answers it as any object,
 * as `application/json`, but with the stored bytes as the body; stale answers carry `x-cache: stale`.
 */
export function installCachedJsonReplies(fastify: FastifyInstance): void {
  fastify.setReplySerializer((payload) =>
    payload instanceof CachedJson ? payload.json : JSON.stringify(payload),
  );
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    if (payload instanceof CachedJson && payload.stale) void reply.header(CACHE_HEADER, 'stale');
    done(null, payload);
  });
}
