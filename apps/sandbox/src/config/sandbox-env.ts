import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

/**
 * The sandbox's whole configuration, parsed once from the environment.
 * Each simulator listens on its own port so the BFF's provider URLs look like real, separate hosts.
 */
export const sandboxEnvSchema = z.object({
  SANDBOX_HOST: z.string().default('127.0.0.1'),
  SANDBOX_PORT: port(4000),
  SANDBOX_SALESFORCE_PORT: port(4010),
  SANDBOX_SALESFORCE_PUBSUB_PORT: port(4011),
  SANDBOX_SALESFORCE_CLIENT_ID: z.string().min(1).default('portal-bff-dev-connected-app'),
  /** Connected-app certificate (PEM or file path); the committed dev-only certificate when unset. */
  SANDBOX_SALESFORCE_CERTIFICATE: z.string().min(1).optional(),
  SANDBOX_SALESFORCE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).default(7_200),
  SANDBOX_SALESFORCE_SEED_ACCOUNTS: z.coerce.number().int().min(0).max(200_000).default(0),
  /** Empty FetchResponse cadence while events are owed (real Pub/Sub API: within 270 s). */
  SANDBOX_SALESFORCE_PUBSUB_KEEPALIVE_MS: z.coerce.number().int().min(10).default(270_000),
  /** Close a Subscribe stream with nothing owed and no FetchRequest for this long (real: 60 s). */
  SANDBOX_SALESFORCE_PUBSUB_IDLE_TIMEOUT_MS: z.coerce.number().int().min(10).default(60_000),
  SANDBOX_SALESFORCE_EVENT_RETENTION_HOURS: z.coerce.number().positive().default(72),
  SANDBOX_WHMCS_PORT: port(4020),
  SANDBOX_WHMCS_IDENTIFIER: z.string().min(1).default('sandbox-whmcs-identifier'),
  SANDBOX_WHMCS_SECRET: z.string().min(1).default('sandbox-whmcs-secret'),
  SANDBOX_WHMCS_AUTH_ERROR_STATUS: z.coerce.number().int().min(200).max(403).default(403),
  SANDBOX_WHMCS_WEBHOOK_URL: z.url().optional(),
  SANDBOX_WHMCS_WEBHOOK_SECRETS: z.string().default('sandbox-whmcs-webhook-secret'),
  SANDBOX_WHMCS_EXTRA_CLIENTS: z.coerce.number().int().min(0).max(100_000).default(0),
  SANDBOX_WHMCS_INVOICES_PER_CLIENT: z.coerce.number().int().min(0).max(500).default(6),
  SANDBOX_FREEBIT_PORT: port(4030),
  SANDBOX_FREEBIT_OEM_ID: z.string().min(1).default('PORTAL_OEM'),
  SANDBOX_FREEBIT_OEM_KEY: z.string().min(1).default('sandbox-oem-key'),
  SANDBOX_FREEBIT_AUTH_KEY_TTL_SECONDS: z.coerce.number().int().min(1).default(1_800),
  SANDBOX_FREEBIT_ACTIVATION_DELAY_MS: z.coerce.number().int().min(0).default(3_000),
  SANDBOX_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SandboxEnv = z.infer<typeof sandboxEnvSchema>;

export function loadSandboxEnv(source: Record<string, string | undefined> = process.env): SandboxEnv {
  const parsed = sandboxEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid sandbox configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
