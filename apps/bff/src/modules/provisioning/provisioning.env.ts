import { z } from 'zod';
import { boolVar, intVar, secret } from '../../core/config/env-schema.util';

/**
 * Order provisioning (the `provisioning` queue worker), its reconciliation job, the process role and the
 * operator endpoints (`/admin/queues`, `/admin/provisioning/*`).
 */
export const provisioningEnvFragment = z.object({
  BFF_ROLE: z
    .enum(['api', 'worker', 'all'])
    .default('all')
    .describe('What this process runs: api (HTTP only), worker (queue workers only) or all'),
  PROVISIONING_CONCURRENCY: intVar(8, 1, 200).describe('Provisioning jobs one worker process runs at once'),
  PROVISIONING_ATTEMPTS: intVar(8, 1, 100).describe('Attempts per provisioning job (first run included)'),
  PROVISIONING_BACKOFF_BASE_MS: intVar(2_000, 1).describe('First retry delay; doubles on every attempt'),
  PROVISIONING_BACKOFF_MAX_MS: intVar(300_000, 1).describe('Longest retry delay'),
  PROVISIONING_BACKOFF_JITTER: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Share of each retry delay that is randomised (0 = none, 1 = full jitter)'),
  PROVISIONING_LOCK_DURATION_MS: intVar(30_000, 100).describe(
    'Job lock (and per-order mutex); a worker that stops renewing it (crash) leaves the job to stalled-job recovery',
  ),
  PROVISIONING_STALLED_INTERVAL_MS: intVar(30_000, 100).describe('How often workers look for stalled jobs'),
  PROVISIONING_MAX_STALLED_COUNT: intVar(2, 0, 100).describe(
    'Times a job may stall (worker died mid-job) and be restarted before it fails',
  ),
  PROVISIONING_KEEP_COMPLETED_S: intVar(7 * 86_400, 60).describe(
    'Age after which completed jobs are removed (a re-delivered event within it is recognised)',
  ),
  PROVISIONING_KEEP_COMPLETED_COUNT: intVar(100_000, 1).describe('Most completed jobs kept'),
  PROVISIONING_KEEP_FAILED_S: intVar(30 * 86_400, 60).describe('Age after which failed jobs are removed'),
  PROVISIONING_SIM_PLAN_CODES: z
    .string()
    .regex(/^[\w.-]+=\w+(,[\w.-]+=\w+)*$/, 'must be SKU=PLAN pairs, comma-separated')
    .default('SIM-DATA-VOICE-5GB=PASI_5G,SIM-DATA-20GB=PASI_20G')
    .describe('SIM products: SKU=FreebitPlanCode pairs, comma-separated; items with these SKUs get a SIM'),
  PROVISIONING_SIM_MSISDN_START: z
    .string()
    .regex(/^\d{11}$/)
    .default('07090000000')
    .describe('First MSISDN of the SIM stock numbers are assigned from (stand-in for the SF SIM inventory)'),
  PROVISIONING_SIM_PRODUCT_PREFIX: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('PV')
    .describe('Two letters in front of the 13-digit product (serial) number of an assigned SIM'),
  PROVISIONING_RECONCILE_EVERY_MS: intVar(300_000, 0).describe(
    'How often the reconciliation job looks for approved orders never activated (0 = off)',
  ),
  PROVISIONING_RECONCILE_AFTER_S: intVar(900, 0).describe(
    'Approved orders not activated this long after their last change are enqueued again',
  ),
  PROVISIONING_RECONCILE_LIMIT: intVar(200, 1, 2_000).describe(
    'Orders one reconciliation run enqueues at most',
  ),
  PROVISIONING_TEST_CRASH_AFTER_ADD_ORDER: boolVar(false).describe(
    'Test only: the worker process SIGKILLs itself right after a successful AddOrder (refused in production)',
  ),
  ADMIN_API_TOKEN: secret(
    z
      .string()
      .min(32)
      .optional()
      .describe(
        'Bearer token for /admin/queues and /admin/provisioning/* (at least 32 characters; unset: 404)',
      ),
  ),
});
