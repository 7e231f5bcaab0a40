import { z } from 'zod';
import { envShape } from './env.fragments';

export const envSchema = z.object(envShape);

export type Env = z.infer<typeof envSchema>;

/** Thrown when the environment is incomplete or invalid; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once. This is the only place that reads `process.env`. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty assignment in a .env file means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
