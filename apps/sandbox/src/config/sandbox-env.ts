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
  SANDBOX_WHMCS_PORT: port(4020),
  SANDBOX_FREEBIT_PORT: port(4030),
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
