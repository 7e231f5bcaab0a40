import { z } from 'zod';
import { boolVar, intVar, listVar } from './env-schema.util';

const redisUrl = z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL');

/** Variables the platform layer itself reads. Provider fragments live beside each integration. */
export const coreEnvFragment = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface the HTTP server binds to'),
  PORT: intVar(3000, 0, 65_535).describe('HTTP port'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level'),
  LOG_PRETTY: boolVar().describe('Human-readable logs; defaults to true outside production'),
  CORS_ORIGINS: listVar().describe('Comma-separated browser origins allowed by CORS (empty: none)'),
  BODY_LIMIT_BYTES: intVar(1_048_576, 1024).describe('Largest accepted request body'),
  SHUTDOWN_GRACE_MS: intVar(10_000, 100).describe('Hard limit for a graceful shutdown before exit'),
  SHUTDOWN_READINESS_DELAY_MS: intVar(0).describe(
    'Time between failing readiness and closing the server on SIGTERM (lets load balancers notice)',
  ),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379').describe('Redis for the cache and request path'),
  QUEUE_REDIS_URL: redisUrl.optional().describe('Redis for BullMQ (noeviction); defaults to REDIS_URL'),
  REDIS_KEY_PREFIX: z.string().default('bff:').describe('Prefix of every cache key'),
  QUEUE_PREFIX: z
    .string()
    .min(1)
    .default('{bff}')
    .describe('BullMQ prefix; the hash tag keeps Cluster happy'),
  REDIS_COMMAND_TIMEOUT_MS: intVar(250, 10).describe('Request-path Redis command timeout'),
  REDIS_CONNECT_TIMEOUT_MS: intVar(2_000, 10).describe('Redis connect timeout'),
  CACHE_SCHEMA_VERSION: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('v1')
    .describe('Cache namespace version; bump when cached shapes change'),
  CACHE_TTL_INVOICES_S: intVar(90, 60, 120).describe('TTL of cached invoice pages (60–120 s)'),
  CACHE_TTL_SUBSCRIPTIONS_S: intVar(120, 1, 3_600).describe('TTL of cached subscriptions'),
  CACHE_TTL_CATALOG_S: intVar(600, 300, 900).describe('TTL of cached catalog entries (300–900 s)'),
  CACHE_STALE_GRACE_S: intVar(300, 0, 86_400).describe(
    'How long an expired entry is kept to be served, marked stale, when its loader fails temporarily',
  ),
});
