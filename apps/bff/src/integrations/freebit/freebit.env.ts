import { z } from 'zod';
import { intVar, secret } from '../../core/config/env-schema.util';

/** Freebit MVNO API settings; the defaults point at the sandbox simulator (`SANDBOX_FREEBIT_PORT` 4030). */
export const freebitEnvFragment = z.object({
  FREEBIT_BASE_URL: z
    .url()
    .default('http://127.0.0.1:4030')
    .describe('Freebit API origin; calls go to <origin>/emptool/api/<path>/'),
  FREEBIT_OEM_ID: z.string().min(1).default('PORTAL_OEM').describe('OEM id sent to authOem'),
  FREEBIT_OEM_KEY: secret(z.string().min(1).default('sandbox-oem-key').describe('OEM key sent to authOem')),
  FREEBIT_TIMEOUT_MS: intVar(10_000, 50, 120_000).describe('Per-attempt timeout of a Freebit call'),
  FREEBIT_MAX_RETRIES: intVar(1, 0, 5).describe('Retries of idempotent Freebit reads on transient failures'),
  FREEBIT_BREAKER_THRESHOLD: intVar(5, 1, 100).describe(
    'Consecutive transient failures that open the circuit',
  ),
  FREEBIT_BREAKER_HALF_OPEN_MS: intVar(10_000, 100).describe('Time the circuit stays open before a probe'),
  FREEBIT_KEEPALIVE_CONNECTIONS: intVar(16, 1, 1_024).describe('Max keep-alive sockets to the Freebit host'),
  FREEBIT_AUTH_KEY_TTL_S: intVar(1_500, 1, 86_400).describe(
    'How long an authKey is reused before a new authOem (Freebit does not publish the lifetime)',
  ),
  FREEBIT_USAGE_CACHE_TTL_S: intVar(60, 1, 3_600).describe(
    'TTL of cached SIM usage (Freebit asks clients not to poll traffic data)',
  ),
  FREEBIT_USAGE_HISTORY_DAYS: intVar(90, 1, 366).describe(
    'How far back PA05-01 usage can be asked for, today included',
  ),
  FREEBIT_ACTIVATION_DEADLINE_MS: intVar(660_000, 100).describe(
    'How long activateSim waits for a registered account to turn active (Freebit: up to 10 min)',
  ),
  FREEBIT_ACTIVATION_POLL_INITIAL_MS: intVar(2_000, 10).describe(
    'First wait between activation status polls',
  ),
  FREEBIT_ACTIVATION_POLL_MAX_MS: intVar(30_000, 10).describe('Longest wait between activation status polls'),
});
